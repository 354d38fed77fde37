package io.werkraum.store;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.testing.RedisSentinel;
import io.werkraum.testing.Resp;
import io.werkraum.testing.TestNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Werkraum on a real Redis Sentinel deployment ({@code WERKRAUM_REDIS_TYPE=sentinel}, {@code
 * REDIS_URL} listing the three Sentinels, {@code WERKRAUM_REDIS_MASTER_NAME}), as the README
 * promises: a whole workshop against the master the Sentinels name, replicated to its replica.
 */
class RedisSentinelTopologyTest {
  static RedisSentinel sentinel;
  static TestNode node;

  @BeforeAll
  static void start(@TempDir Path dir) {
    sentinel = new RedisSentinel("werkraum-test");
    node = TestNode.start(sentinel.url(), dir, Map.of(
        "WERKRAUM_REDIS_TYPE", "sentinel",
        "WERKRAUM_REDIS_MASTER_NAME", sentinel.masterName()));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (sentinel != null) {
      sentinel.close();
    }
  }

  @Test
  void aWholeWorkshopRunsAgainstTheMasterTheSentinelsName() {
    try (TopologyWorkshop ws = TopologyWorkshop.open(node, "Planungscheck mit Sentinel")) {
      ws.runWhole();

      int master = sentinel.reportedMasterPort(0);
      assertEquals(sentinel.serverPorts().get(0), master, sentinel.describe());
      assertTrue(clientsOn(master) > 0, "Werkraum talks to the master: " + sentinel.describe());
      assertEquals(0, ws.retries.get(), "a healthy deployment refuses nothing: " + ws.retrySummary());
    }
  }

  /** Normal client connections on a data node, without Sentinel's own and without this one. */
  private static long clientsOn(int port) {
    Object list = Resp.tryCall(port, "CLIENT", "LIST", "TYPE", "normal");
    if (list == null) {
      return -1;
    }
    return Arrays.stream(list.toString().split("\n"))
        .filter(line -> !line.isBlank() && !line.contains("name=sentinel") && !line.contains("cmd=client"))
        .count();
  }
}
