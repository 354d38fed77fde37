package io.werkraum.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The {@code redis-server} binary the server itself would start ({@link EmbeddedRedis#executable()}:
 * PATH first, else the one shipped in the embedded-redis artifact), for test utilities outside
 * this package. The same binary runs Sentinel as {@code redis-server <config> --sentinel}, so no
 * separate {@code redis-sentinel} is needed.
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
}
