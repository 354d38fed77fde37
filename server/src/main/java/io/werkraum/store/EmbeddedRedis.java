package io.werkraum.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A real {@code redis-server} run as a child process on 127.0.0.1, with append-only persistence
 * in a data folder. It is the default store and the one tests use: the same Redis, not a stand-in.
 * The binary comes from PATH, else from the {@code com.github.codemonstur:embedded-redis} jar.
 */
public final class EmbeddedRedis implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());
  private static final String PID_FILE = "redis.pid";

  private final Path dataDir;
  private final int port;
  private final String fsyncPolicy;
  private Process process;

  /**
   * @param port 0 for a free port
   * @param fsyncPolicy {@code always} (every acknowledged write is on disk) or {@code everysec}
   */
  public EmbeddedRedis(Path dataDir, int port, String fsyncPolicy) {
    this.dataDir = dataDir.toAbsolutePath();
    this.port = port == 0 ? freePort() : port;
    this.fsyncPolicy = fsyncPolicy;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public synchronized EmbeddedRedis start() throws IOException {
    Files.createDirectories(dataDir);
    stopLeftover();
    List<String> command = new ArrayList<>(List.of(
        executable().toString(),
        "--bind", "127.0.0.1",
        "--port", Integer.toString(port),
        "--dir", dataDir.toString(),
        "--appendonly", "yes",
        "--appendfsync", fsyncPolicy,
        "--save", "",
        "--pidfile", dataDir.resolve(PID_FILE).toString(),
        "--daemonize", "no",
        "--protected-mode", "yes",
        "--loglevel", "warning",
        "--logfile", dataDir.resolve("redis.log").toString()));
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Path log = dataDir.resolve("redis.log");
    awaitReady("redis-server", process, port, Duration.ofSeconds(30), () -> "see " + log);
    LOG.info(() -> "Redis " + url() + " (pid " + process.pid() + ", data in " + dataDir + ")");
    return this;
  }

  /** Stops Redis; SIGTERM lets it finish writing the append-only file. */
  public synchronized void stop() {
    stop(process);
  }

  /**
   * Stops a {@code redis-server} child (null or ended: nothing to do): SIGTERM, so it finishes
   * writing, then SIGKILL if it has not ended within 10 s. Interrupted, it returns at once with
   * the interrupt flag set, the process perhaps still running.
   */
  static void stop(Process process) {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Kills Redis with SIGKILL, as a crash would: only what was already written survives. */
  public synchronized void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * A Redis child left behind by a server that was killed still holds the data folder; two writers
   * on one append-only file would corrupt it.
   */
  private void stopLeftover() throws IOException {
    Path pidFile = dataDir.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    String text = Files.readString(pidFile).trim();
    Files.deleteIfExists(pidFile);
    if (text.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(text));
    leftover.filter(p -> p.info().command().map(c -> c.contains("redis")).orElse(false)).ifPresent(p -> {
      LOG.warning("stopping Redis left over from an earlier run (pid " + p.pid() + ")");
      p.destroy();
      p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> {
        p.destroyForcibly();
        return p;
      }).join();
    });
  }

  /**
   * Waits until the {@code redis-server} child {@code process} answers PING on {@code port},
   * checking every 25 ms.
   *
   * @param name what the process is called in messages
   * @param details where to look when it fails (a log file, or the log's end)
   * @throws IOException when the process exits first, does not answer within {@code timeout}, or
   *     the wait is interrupted
   */
  static void awaitReady(String name, Process process, int port, Duration timeout, Supplier<String> details)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + "; " + details.get());
      }
      if (answersPing(port)) {
        return;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + name, e);
      }
    }
    throw new IOException(name + " did not answer on port " + port + " within " + timeout.toSeconds() + " s; "
        + details.get());
  }

  /** PING over a plain socket; also fails while Redis is still loading its append-only file. */
  private static boolean answersPing(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] buffer = new byte[64];
      int n = socket.getInputStream().read(buffer);
      return n > 0 && new String(buffer, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** redis-server from PATH, else the Linux binary shipped in the embedded-redis artifact. */
  static Path executable() throws IOException {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, "redis-server");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String resource = switch (System.getProperty("os.arch")) {
      case "amd64", "x86_64" -> "redis-server-6.2.6-v5-linux-amd64";
      case "aarch64", "arm64" -> "redis-server-6.2.7-linux-arm64";
      default -> throw new IOException("no redis-server on PATH and none shipped for " + System.getProperty("os.arch"));
    };
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "werkraum-" + resource);
    if (!Files.isExecutable(target)) {
      try (InputStream in = EmbeddedRedis.class.getResourceAsStream("/" + resource)) {
        if (in == null) {
          throw new IOException("embedded-redis artifact lacks " + resource);
        }
        Path partial = Files.createTempFile(target.getParent(), "werkraum-redis", ".part");
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        partial.toFile().setExecutable(true);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return target;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
