package io.werkraum.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class with its own real Redis and one Werkraum node on it, shared by its tests. */
public abstract class NodeTest {
  protected static TestRedis redis;
  protected static TestNode node;

  @BeforeAll
  static void startNode(@TempDir Path dir) {
    redis = new TestRedis();
    node = TestNode.start(redis.url(), dir);
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
    if (redis != null) {
      redis.close();
    }
  }
}
