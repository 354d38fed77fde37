package io.werkraum.cluster;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.ClusterTest;
import org.junit.jupiter.api.Test;

/**
 * Two clustered nodes on 127.0.0.1 (Hazelcast TCP-IP join, multicast and auto-detection off, a
 * random cluster name per run) sharing one Redis: what happens through one node reaches browsers
 * on the other.
 */
class TwoNodeClusterTest extends ClusterTest {
  @Test
  void bothNodesReportTheClusterInTheirHealth() {
    JsonObject health = nodeB.get("/health", null).json();
    assertEquals("ok", health.getString("status"));
    assertTrue(health.getJsonObject("cluster").getBoolean("enabled"));
    assertEquals(2, health.getJsonObject("cluster").getJsonArray("nodes").size(), health.encode());
  }

  @Test
  void aNoteCreatedThroughNodeAReachesAClientOnNodeB() {
    JsonObject board = nodeA.createBoard("Sozialplanung im Verbund");
    String room = Addresses.room(board.getString("boardId"), "main");
    JsonObject writer = nodeA.joinAsParticipant(board, "Anna", "Jena");
    // A token issued by one node works on the other: the signing secret is shared through Redis.
    JsonObject reader = nodeA.joinAsParticipant(board, "Ben", "Gera");
    try (BridgeClient onA = BridgeClient.connect(nodeA.werkraum().vertx(), nodeA.port(), writer.getString("token"));
         BridgeClient onB = BridgeClient.connect(nodeB.werkraum().vertx(), nodeB.port(), reader.getString("token"))) {
      onB.registerAndWait(room);
      JsonObject reply = onA.command(new JsonObject().put("type", "note.create").put("commandId", "c1")
          .put("room", "main").put("note", new JsonObject().put("id", "n1").put("x", 0).put("y", 0)
              .put("text", "Kita-Bedarfsplanung gemeinsam")));
      assertTrue(reply.getBoolean("ok"), reply.encode());
      JsonObject event = onB.awaitMessage(room, e -> "note.created".equals(e.getString("type")));
      assertEquals("Kita-Bedarfsplanung gemeinsam", event.getJsonObject("note").getString("text"));
      assertEquals(reply.getLong("seq"), event.getLong("seq"));

      // Presence is relayed across nodes too: a cursor moved on A shows on B.
      onA.send("werkraum.presence", new JsonObject().put("kind", "cursor").put("room", "main").put("x", 5).put("y", 6));
      JsonObject batch = onB.awaitMessage(room, e -> "presence".equals(e.getString("type")));
      assertEquals(writer.getJsonObject("participant").getString("id"),
          batch.getJsonArray("items").getJsonObject(0).getString("p"));
    }
  }
}
