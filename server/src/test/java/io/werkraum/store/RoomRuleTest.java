package io.werkraum.store;

import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Role;
import io.werkraum.board.Rooms;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Which room someone is in is written twice: in Java (the guard decides what a socket hears) and in
 * the commit prelude's Lua (the store decides where a participant may write). Below the socket,
 * for every case of the rule, both must name the same room.
 */
class RoomRuleTest extends NodeTest {
  @Test
  void theStoreAndTheGuardPutEveryoneInTheSameRoom() {
    try (Workshop w = Workshop.create(node, "Regel");
         DirectStore direct = new DirectStore(node.werkraum().vertx(), redis.url())) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.ok(Cmd.createRooms(Cmd.room("r1", "Eins")));
      JsonObject anna = w.join("Anna", "");
      Actor actor = new Actor(w.id(), participantId(anna), Role.PARTICIPANT);
      int n = 0;
      for (String assigned : Arrays.asList(null, "r1")) {
        for (boolean open : new boolean[] {false, true}) {
          fac.ok(Cmd.command("participant.move").put("id", participantId(anna)).put("room", assigned));
          fac.ok(Cmd.command(open ? "rooms.open" : "rooms.close"));
          String expected = Rooms.current(assigned, open);
          for (String room : new String[] {"main", "r1"}) {
            JsonObject reply = direct.apply(actor, Cmd.createNote(room, Cmd.note("n" + n++, 0, 0)));
            String c = "assigned " + assigned + ", rooms " + (open ? "open" : "closed") + ", writing in " + room;
            assertEquals(room.equals(expected), reply.getBoolean("ok"), c + ": " + reply.encode());
            if (!room.equals(expected)) {
              assertEquals(expected, reply.getString("room"), c);
            }
          }
        }
      }
    }
  }
}
