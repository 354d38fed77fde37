package io.werkraum.testing;

import io.werkraum.store.EmbeddedRedis;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class with two clustered nodes on 127.0.0.1 sharing one Redis: Hazelcast TCP-IP join
 * over an explicit member list (multicast and auto-detection off) and a random cluster name per
 * run, so parallel runs never join each other.
 */
public abstract class ClusterTest {
  protected static TestRedis redis;
  protected static TestNode nodeA;
  protected static TestNode nodeB;

  @BeforeAll
  static void startCluster(@TempDir Path dir) {
    redis = new TestRedis();
    TestNode[] pair = startPair(redis, dir, Map.of());
    nodeA = pair[0];
    nodeB = pair[1];
  }

  /** Two clustered nodes on one Redis, each with {@code settings} besides the cluster's own. */
  public static TestNode[] startPair(TestRedis redis, Path dir, Map<String, String> settings) {
    int portA = EmbeddedRedis.freePort();
    int portB = EmbeddedRedis.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    String name = "werkraum-test-" + UUID.randomUUID();
    Map<String, String> a = new HashMap<>(cluster(name, portA, members));
    a.putAll(settings);
    Map<String, String> b = new HashMap<>(cluster(name, portB, members));
    b.putAll(settings);
    TestNode first = TestNode.start(redis.url(), dir.resolve("a"), a);
    return new TestNode[] {first, TestNode.start(redis.url(), dir.resolve("b"), b)};
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
  static void stopCluster() {
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
    if (redis != null) {
      redis.close();
    }
  }
}
