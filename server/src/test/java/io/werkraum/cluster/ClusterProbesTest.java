package io.werkraum.cluster;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.Await;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.ClusterTest;
import io.werkraum.testing.Scrape;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestNode.HttpResult;
import io.werkraum.testing.Workshop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness and metrics of two clustered nodes: the cluster check, and the clustered event bus measured. */
class ClusterProbesTest extends ClusterTest {
  @Test
  void eachClusteredNodeIsReadyWithItsClusterCheck() {
    for (TestNode node : List.of(nodeA, nodeB)) {
      HttpResult[] last = {null};
      // Right after a node joins, Hazelcast moves partitions: the cluster is not safe until it is done.
      Await.until("node on " + node.port() + " is ready", BridgeClient.TIMEOUT,
          () -> (last[0] = node.get("/health/ready", null)).status() == 200, () -> String.valueOf(last[0]));
      List<String> checks = last[0].json().getJsonArray("checks").stream().map(c -> (JsonObject) c)
          .map(c -> c.getString("id") + "=" + c.getString("status")).sorted().toList();
      assertEquals(List.of("cluster=UP", "redis=UP"), checks);
      assertEquals(200, node.get("/health/live", null).status());
    }
  }

  @Test
  void presenceFromOneNodeIsMeasuredWhereItIsDelivered() {
    try (Workshop w = Workshop.create(nodeA, "Verbund")) {
      BridgeClient onA = w.joinAndListen("Anna");
      JsonObject ben = w.join("Ben", "");
      try (BridgeClient onB = BridgeClient.connect(nodeB.werkraum().vertx(), nodeB.port(), ben.getString("token"))) {
        onB.registerAndWait(w.roomAddress("main"));
        Scrape before = Scrape.of(nodeB.metricsPort());
        onA.send("werkraum.presence", new JsonObject().put("room", "main").put("kind", "cursor").put("x", 3).put("y", 4));
        onB.awaitMessage(w.roomAddress("main"), m -> "presence".equals(m.getString("type")));
        Scrape[] last = {null};
        Await.until("node B records the fan-out of node A's batch", BridgeClient.TIMEOUT,
            () -> (last[0] = Scrape.of(nodeB.metricsPort())).value("werkraum_presence_fanout_seconds_count")
                > before.value("werkraum_presence_fanout_seconds_count"), () -> String.valueOf(last[0]));
        assertEquals(1, last[0].value("werkraum_sockets_open"), "Ben's socket is on node B");
        assertTrue(last[0].value("vertx_eventbus_received_total", Map.of("side", "remote")) > 0,
            "node B's event bus counts what came from node A");
      }
    }
  }
}
