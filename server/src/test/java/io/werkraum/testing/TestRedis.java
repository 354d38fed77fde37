package io.werkraum.testing;

import io.werkraum.store.EmbeddedRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real redis-server child on a free port with its own data folder, one per test class. */
public final class TestRedis implements AutoCloseable {
  private final Path dir;
  private EmbeddedRedis redis;
  private final int port;

  public TestRedis() {
    try {
      dir = Files.createTempDirectory("werkraum-test-redis");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    port = EmbeddedRedis.freePort();
    start();
  }

  /** Starts (or restarts, on the same port and data) the Redis child. */
  public void start() {
    try {
      redis = new EmbeddedRedis(dir, port, "always").start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void kill() throws InterruptedException {
    redis.kill();
  }

  public int port() {
    return port;
  }

  public String url() {
    return redis.url();
  }

  @Override
  public void close() {
    redis.stop();
    RedisChild.deleteTree(dir);
  }
}
