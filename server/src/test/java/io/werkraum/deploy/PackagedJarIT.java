package io.werkraum.deploy;

import static io.werkraum.deploy.Repository.map;
import static io.werkraum.deploy.Repository.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.werkraum.store.EmbeddedRedis;
import io.werkraum.testing.ApiClient;
import io.werkraum.testing.ServerProcess;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestRedis;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started the way the image starts it: the Dockerfile's ENTRYPOINT (java flags
 * and all) and ENV, plus a compose node's environment, with only the addresses made local (the
 * tests listen on 127.0.0.1). It runs after {@code package} (failsafe), on the jar the image copies.
 * Its working directory and home stay untouched: the data and temporary folders are the only
 * places it writes, as on the image's read-only root filesystem.
 */
class PackagedJarIT {
  private static TestRedis redis;

  @BeforeAll
  static void startRedis() {
    redis = new TestRedis();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void theJarServesAsTheImageRunsIt(@TempDir Path dir) throws Exception {
    int port = EmbeddedRedis.freePort();
    Container container = Container.in(dir);
    try (ServerProcess server = ServerProcess.start(container.command(port))) {
      ApiClient http = TestNode.http(port);
      TestNode.HttpResult start = http.get("/", null);
      assertEquals(200, start.status(), "the start page");
      Matcher module = Pattern.compile("src=\"(/v/[0-9a-f]{16}/js/start-page\\.js)\"").matcher(start.body());
      assertTrue(module.find(), "the start page's module under the version of the client in the jar: " + start.body());
      assertEquals(200, http.get(module.group(1), null).status(), module.group(1));
      JsonObject board = TestNode.created(http.post("/api/boards", new JsonObject().put("title", "Container")));
      TestNode.HttpResult joined = http.post("/api/boards/" + board.getString("boardId") + "/join",
          new JsonObject().put("joinCode", board.getString("joinCode")).put("name", "Anna").put("organisation", "Jena"));
      assertEquals(200, joined.status(), joined.body());
      assertFalse(server.output().contains("SEVERE"), server.output());
    }
    assertEquals(List.of(), container.writtenOutsideDataAndTmp(), "nothing written outside /data and /tmp");
  }

  @Test
  void aTakenPortEndsTheStartWithAClearMessage(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ServerProcess.Ended ended = ServerProcess.runUntilExit(Container.in(dir).command(taken.getLocalPort()),
          Duration.ofSeconds(60));
      assertEquals(69, ended.exitCode(), ended.output());
      assertTrue(ended.output().contains("werkraum: port " + taken.getLocalPort()
          + " on 127.0.0.1 is already in use; start with --port N or stop the other program"), ended.output());
      assertFalse(ended.output().contains("Exception"), "no stack trace:\n" + ended.output());
    }
  }

  /** Folders standing in for the container's filesystem: /app (working directory), /data, /tmp, and a home. */
  private record Container(Path app, Path data, Path tmp, Path home) {
    static Container in(Path dir) throws IOException {
      return new Container(Files.createDirectory(dir.resolve("app")), Files.createDirectory(dir.resolve("data")),
          Files.createDirectory(dir.resolve("tmp")), Files.createDirectory(dir.resolve("home")));
    }

    /** The image's ENTRYPOINT and ENV, then a compose node's environment, with local addresses. */
    ProcessBuilder command(int port) {
      Dockerfile.Stage image = Dockerfile.read(Repository.file("infra/Dockerfile")).runtime();
      List<String> command = new ArrayList<>();
      for (String arg : image.execEntrypoint()) {
        command.add(local(arg));
      }
      ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile());
      Map<String, String> env = builder.environment();
      env.clear();
      env.putAll(image.env());
      Map<String, Object> compose = Repository.yaml(Repository.file("infra/compose/compose.yaml")).get(0);
      map(compose, "services", "werkraum-1", "environment").forEach((name, value) -> env.put(name, value.toString()));
      int clusterPort = EmbeddedRedis.freePort();
      env.put("HOME", home.toString());
      env.put("WERKRAUM_HOST", "127.0.0.1");
      env.put("WERKRAUM_PORT", Integer.toString(port));
      env.put("WERKRAUM_DATA_DIR", data.toString());
      env.put("REDIS_URL", redis.url());
      env.put("WERKRAUM_PUBLIC_URL", "http://127.0.0.1:" + port);
      env.put("WERKRAUM_CLUSTER_HOST", "127.0.0.1");
      env.put("WERKRAUM_CLUSTER_PORT", Integer.toString(clusterPort));
      env.put("WERKRAUM_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort);
      // The management port, where the build has one: free, so parallel test classes do not collide.
      env.put("WERKRAUM_METRICS_PORT", Integer.toString(EmbeddedRedis.freePort()));
      assertEquals("true", text(env, "WERKRAUM_CLUSTER"), "a compose node is clustered");
      return builder;
    }

    /** An argument of the image's command with its paths and java made this machine's. */
    private String local(String arg) {
      if (arg.equals("java")) {
        return ServerProcess.javaExecutable();
      }
      if (arg.equals("/app/werkraum-server.jar")) {
        return Repository.file(Repository.JAR).toString();
      }
      return arg.replace("=/tmp", "=" + tmp);
    }

    List<String> writtenOutsideDataAndTmp() throws IOException {
      List<String> written = new ArrayList<>();
      for (Path folder : List.of(app, home)) {
        try (Stream<Path> files = Files.walk(folder)) {
          files.filter(f -> !f.equals(folder)).forEach(f -> written.add(f.toString()));
        }
      }
      return written;
    }
  }
}
