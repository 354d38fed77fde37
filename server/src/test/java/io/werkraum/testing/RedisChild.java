package io.werkraum.testing;

import io.werkraum.store.RedisExecutable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code redis-server} process (a plain node, a cluster node or a Sentinel) on 127.0.0.1, with
 * its own folder and log file, for the topology utilities. It is stopped with the JVM if a test
 * forgets to, so no Redis outlives a test run.
 */
final class RedisChild implements AutoCloseable {
  private final String name;
  private final int port;
  private final Path dir;
  private final Process process;

  private RedisChild(String name, int port, Path dir, Process process) {
    this.name = name;
    this.port = port;
    this.dir = dir;
    this.process = process;
  }

  /**
   * Starts {@code redis-server [configFile] --port <port> ... args} in {@code dir} and waits until it
   * answers PING.
   *
   * @param configFile null, or a config file to start from (Sentinel needs one it can rewrite)
   */
  static RedisChild start(String name, int port, Path dir, Path configFile, List<String> args) {
    try {
      Files.createDirectories(dir);
      List<String> command = new ArrayList<>();
      command.add(RedisExecutable.path().toString());
      if (configFile != null) {
        command.add(configFile.toString());
      }
      command.addAll(List.of(
          "--bind", "127.0.0.1",
          "--port", Integer.toString(port),
          "--dir", dir.toString(),
          "--daemonize", "no",
          "--logfile", dir.resolve(name + ".log").toString()));
      command.addAll(args);
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve(name + ".out").toFile()).start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
      RedisChild child = new RedisChild(name, port, dir, process);
      // As the server waits for its own Redis; the end of the log in the message if it never answers.
      RedisExecutable.awaitReady(name, process, port, Duration.ofSeconds(30), child::log);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  /** The end of the log file and of what the process printed, for failure messages. */
  String log() {
    StringBuilder text = new StringBuilder();
    for (Path file : List.of(dir.resolve(name + ".log"), dir.resolve(name + ".out"))) {
      try {
        if (Files.exists(file)) {
          String content = Files.readString(file);
          text.append("\n--- ").append(file.getFileName()).append(" ---\n")
              .append(content.substring(Math.max(0, content.length() - 3_000)));
        }
      } catch (IOException e) {
        text.append("\n(").append(file).append(": ").append(e.getMessage()).append(')');
      }
    }
    return text.toString();
  }

  /**
   * SIGTERM, then SIGKILL if it does not end within 10 s, as the server stops its own Redis; killed
   * at once if the wait is interrupted.
   */
  @Override
  public void close() {
    RedisExecutable.stop(process);
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  /** Deletes a folder tree, as far as it can; a left-over temp folder is harmless. */
  static void deleteTree(Path root) {
    try (var files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // harmless
    }
  }
}
