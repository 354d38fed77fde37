package io.werkraum.cluster;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.store.EmbeddedRedis;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestRedis;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clustered nodes on 127.0.0.1 (Hazelcast TCP-IP join, multicast and auto-detection off, a
 * random cluster name per run) sharing one Redis: what happens through one node reaches browsers
 * on the other.
 */
class TwoNodeClusterTest {
  static TestRedis redis;
  static TestNode nodeA;
  static TestNode nodeB;

  @BeforeAll
  static void start(@TempDir Path dir) {
    redis = new TestRedis();
    int portA = EmbeddedRedis.freePort();
    int portB = EmbeddedRedis.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    String name = "werkraum-test-" + UUID.randomUUID();
    nodeA = TestNode.start(redis.url(), dir.resolve("a"), cluster(name, portA, members));
    nodeB = TestNode.start(redis.url(), dir.resolve("b"), cluster(name, portB, members));
  }

  private static Map<String, String> cluster(String name, int port, String members) {
    return Map.of(
        "WERKRAUM_CLUSTER", "true",
        "WERKRAUM_CLUSTER_NAME", name,
        "WERKRAUM_CLUSTER_HOST", "127.0.0.1",
        "WERKRAUM_CLUSTER_PORT", Integer.toString(port),
        "WERKRAUM_CLUSTER_MEMBERS", members);
  }

  @AfterAll
  static void stop() {
    nodeB.close();
    nodeA.close();
    redis.close();
  }

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
    String room = "board." + board.getString("boardId") + ".room.main";
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
