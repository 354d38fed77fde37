package io.werkraum.testing;

import io.werkraum.store.EmbeddedRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A Werkraum server in a process of its own, started as {@code Main} and killable like a real one. */
public final class ServerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final StringBuilder output = new StringBuilder();
  /** Completes when the server says it runs; fails when its output ends first. */
  private final CompletableFuture<Void> running = new CompletableFuture<>();
  private final Thread reader;

  private ServerProcess(ProcessBuilder builder) {
    builder.redirectErrorStream(true);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    reader = new Thread(this::readOutput, "server-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** What a process that ended printed, and its exit status. */
  public record Ended(int exitCode, String output) {}

  /** @param redisUrl null for the embedded default in {@code dataDir} */
  public static ServerProcess start(String redisUrl, Path dataDir, int port) {
    return start(mainOnTestClasspath(redisUrl, dataDir, port));
  }

  /** Starts {@code command} and waits until it says it is running; fails with its output if it ends first. */
  public static ServerProcess start(ProcessBuilder command) {
    ServerProcess server = new ServerProcess(command);
    try {
      server.running.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return server;
    } catch (Exception e) {
      server.process.destroyForcibly();
      throw new IllegalStateException("server did not start:\n" + server.output(), e);
    }
  }

  /**
   * Runs {@code command}, a start that must fail, until the process ends by itself, and returns
   * what it printed. A process still running after {@code timeout} is killed and the test fails.
   */
  public static Ended runUntilExit(ProcessBuilder command, Duration timeout) throws InterruptedException {
    ServerProcess server = new ServerProcess(command);
    if (!server.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      server.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("the server did not end within " + timeout.toSeconds() + " s:\n" + server.output());
    }
    server.reader.join(TimeUnit.SECONDS.toMillis(10));
    return new Ended(server.process.exitValue(), server.output());
  }

  /** {@code java -cp <test classpath> io.werkraum.Main} on 127.0.0.1 and {@code port}. */
  private static ProcessBuilder mainOnTestClasspath(String redisUrl, Path dataDir, int port) {
    ProcessBuilder builder = new ProcessBuilder(javaExecutable(),
        "-cp", System.getProperty("java.class.path"), "io.werkraum.Main");
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
    return builder;
  }

  /** The java of the JVM running the tests. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void readOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        synchronized (output) {
          output.append(line).append('\n');
        }
        if (line.startsWith("Werkraum is running")) {
          running.complete(null);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    running.completeExceptionally(new IllegalStateException("server exited"));
  }

  /** Everything the server printed so far (standard output and error). */
  public String output() {
    synchronized (output) {
      return output.toString();
    }
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
