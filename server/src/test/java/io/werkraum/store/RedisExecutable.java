package io.werkraum.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The {@code redis-server} binary the server itself would start ({@link EmbeddedRedis#executable()}:
 * PATH first, else the one shipped in the embedded-redis artifact), and the way the server starts
 * and stops it ({@link EmbeddedRedis#awaitReady}, {@link EmbeddedRedis#stop(Process)}), for test
 * utilities outside this package. The same binary runs Sentinel as
 * {@code redis-server <config> --sentinel}, so no separate {@code redis-sentinel} is needed.
 */
public final class RedisExecutable {
  private RedisExecutable() {}

  public static Path path() {
    try {
      return EmbeddedRedis.executable();
    } catch (IOException e) {
      throw new UncheckedIOException("no redis-server to run: " + e.getMessage(), e);
    }
  }

  /**
   * Waits until the {@code redis-server} child {@code process} answers PING on {@code port}, as the
   * server waits for its own Redis.
   *
   * @param details where to look when it fails, for the message
   * @throws UncheckedIOException when it exits first or does not answer within {@code timeout}
   */
  public static void awaitReady(String name, Process process, int port, Duration timeout, Supplier<String> details) {
    try {
      EmbeddedRedis.awaitReady(name, process, port, timeout, details);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** Stops a {@code redis-server} child as the server stops its own: SIGTERM, SIGKILL after 10 s. */
  public static void stop(Process process) {
    EmbeddedRedis.stop(process);
  }
}
