package io.werkraum.testing;

import io.werkraum.store.EmbeddedRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A Werkraum server in a process of its own, started as {@code Main} and killable like a real one. */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** @param redisUrl null for the embedded default in {@code dataDir} */
  public static ServerProcess start(String redisUrl, Path dataDir, int port) {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "io.werkraum.Main"));
    Map<String, String> env = builder.environment();
    env.put("WERKRAUM_HOST", "127.0.0.1");
    env.put("WERKRAUM_PORT", Integer.toString(port));
    env.put("WERKRAUM_METRICS_PORT", Integer.toString(EmbeddedRedis.freePort()));
    env.put("WERKRAUM_DATA_DIR", dataDir.toString());
    env.put("WERKRAUM_HTTP_INSTANCES", "1");
    env.remove("REDIS_URL");
    if (redisUrl != null) {
      env.put("REDIS_URL", redisUrl);
    }
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      CompletableFuture<Void> ready = new CompletableFuture<>();
      StringBuilder output = new StringBuilder();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            synchronized (output) {
              output.append(line).append('\n');
            }
            if (line.startsWith("Werkraum is running")) {
              ready.complete(null);
            }
          }
        } catch (IOException e) {
          // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("server exited:\n" + output));
      }, "server-output");
      reader.setDaemon(true);
      reader.start();
      ready.get(60, TimeUnit.SECONDS);
      return new ServerProcess(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("server did not start", e);
    }
  }

  public int port() {
    return port;
  }

  /** SIGKILL: no shutdown hook runs, as when a machine or container dies. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the server shuts down cleanly. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
