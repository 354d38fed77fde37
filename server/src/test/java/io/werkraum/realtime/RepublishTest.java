package io.werkraum.realtime;

import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Role;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import org.junit.jupiter.api.Test;

/**
 * A change committed by a node that died before publishing it: the browser resends the command to
 * another node, which finds the recorded outcome and sends the committed event out, so everyone
 * else sees the change too.
 */
class RepublishTest extends NodeTest {
  @Test
  void aResendOfACommitWhoseNodeDiedBeforePublishingReachesEveryone() {
    try (Workshop w = Workshop.create(node, "Knoten weg");
         DirectStore direct = new DirectStore(node.werkraum().vertx(), redis.url())) {
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      BridgeClient ben = w.joinAndListen("Ben");
      JsonObject create = Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "überlebt den Knoten"));
      // Committed in Redis, then the node died: nothing was published.
      JsonObject first = direct.apply(new Actor(w.id(), participantId(anna), Role.PARTICIPANT), create);
      assertEquals(true, first.getBoolean("ok"), first.encode());

      JsonObject again = a.command(create.copy());
      assertEquals(first, again, "the resend gets the first outcome");
      JsonObject event = ben.awaitMessage(w.roomAddress("main"), e -> "note.created".equals(e.getString("type")));
      assertEquals(first.getLong("seq"), event.getLong("seq"));
      assertEquals("überlebt den Knoten", event.getJsonObject("note").getString("text"));
    }
  }
}
