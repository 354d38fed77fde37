package io.werkraum.realtime;

import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.RedisPause;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A socket exists only for someone on the board: what it sends before the server has checked
 * that, or after the person was removed, changes nothing.
 */
class SocketLifecycleTest extends NodeTest {
  @Test
  void aRemovedParticipantsSocketOpenedWithAnEarlierTicketChangesNothing() {
    try (Workshop w = Workshop.create(node, "Entfernt")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "");
      // Anna fetched her socket ticket a moment before the facilitator removed her.
      String ticket = TestNode.http(node.port()).postBearer("/api/boards/" + w.id() + "/ticket", anna.getString("token"))
          .json().getString("ticket");
      fac.ok(Cmd.removeParticipant(participantId(anna)));

      // Commands the moment the socket opens, in one WebSocket message, while Redis answers
      // nothing yet (as on a busy or distant Redis): the server must not run them before it knows
      // who sent them. The frame without address is answered by the bridge at once, after it
      // handed on the five commands.
      List<JsonObject> frames = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        frames.add(new JsonObject().put("type", "send").put("address", "werkraum.commands").put("replyAddress", "r" + i)
            .put("body", Cmd.createNote("main", Cmd.note("n" + i, 0, 0).put("text", "noch da?"))));
      }
      frames.add(new JsonObject().put("type", "send"));
      try (DirectStore direct = new DirectStore(node.werkraum().vertx(), redis.url())) {
        RedisPause.everythingFor(direct, 1_500);
        try (BridgeClient a = BridgeClient.connectWithTicket(node.werkraum().vertx(), node.port(), ticket,
            "http://127.0.0.1:" + node.port(), frames)) {
          a.awaitFrame(f -> "missing_address".equals(f.getValue("body")));
          assertTrue(a.awaitClosed(), "the socket of someone removed is closed");
        }
      }
      JsonObject room = Workshop.fullState(fac, "main").getJsonObject("room");
      assertEquals(0, room.getJsonObject("state").getJsonArray("notes").size(), room.encode());
      assertEquals(0, room.getLong("seq"), "nothing was applied");
    }
  }

  @Test
  void aParticipantRemovedWhileConnectedIsClosedOutAndTheirNextCommandsAreRefused() {
    try (Workshop w = Workshop.create(node, "Raus")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      a.ok(Cmd.createNote("main", Cmd.note("before", 0, 0)));
      fac.ok(Cmd.removeParticipant(participantId(anna)));
      assertTrue(a.awaitClosed(), "her socket closes as the removal reaches her node");
      assertEquals(401, TestNode.http(node.port()).postBearer("/api/boards/" + w.id() + "/ticket", anna.getString("token"))
          .status(), "her token no longer opens sockets");
      assertEquals(1, Workshop.notes(fac, "main").size());
    }
  }
}
