package io.werkraum.store;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.ServerProcess;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestRedis;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: not when the server is killed, not when Redis is killed with
 * SIGKILL. The server runs in a process of its own so it can be killed for real.
 */
class PersistenceTest {
  static Vertx vertx;

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void acknowledgedNotesSurviveAServerKillAndARedisKill(@TempDir Path dir) throws Exception {
    try (TestRedis redis = new TestRedis()) {
      int port = EmbeddedRedis.freePort();
      ServerProcess server = ServerProcess.start(redis.url(), dir, port);
      Board board = Board.create(port);
      Set<String> acknowledged = new HashSet<>(board.writeNotes(vertx, "before-server-kill", 20));

      server.kill();
      server = ServerProcess.start(redis.url(), dir, port);
      // The token issued before the kill still works: the signing secret lives in Redis.
      assertEquals(acknowledged, board.noteTexts(vertx));
      acknowledged.addAll(board.writeNotes(vertx, "before-redis-kill", 20));

      redis.kill();
      redis.start();
      // The running server reconnects to the restarted Redis and its scripts are loaded again.
      assertEquals(acknowledged, board.noteTexts(vertx));
      acknowledged.addAll(board.writeNotes(vertx, "after-redis-restart", 5));
      assertEquals(acknowledged, board.noteTexts(vertx));
      server.stop();
    }
  }

  @Test
  void theEmbeddedDefaultKeepsBoardsAcrossRestartsAndKills(@TempDir Path dir) throws Exception {
    int port = EmbeddedRedis.freePort();
    ServerProcess server = ServerProcess.start(null, dir, port);
    Board board = Board.create(port);
    Set<String> acknowledged = new HashSet<>(board.writeNotes(vertx, "first-run", 10));

    server.stop();
    server = ServerProcess.start(null, dir, port);
    assertEquals(acknowledged, board.noteTexts(vertx));
    acknowledged.addAll(board.writeNotes(vertx, "second-run", 10));

    // Killed hard, the server leaves its Redis child behind; the next start must take over the
    // data folder without two Redis processes writing one append-only file.
    server.kill();
    server = ServerProcess.start(null, dir, port);
    assertEquals(acknowledged, board.noteTexts(vertx));
    server.stop();
  }

  /** A board with one participant, driven over HTTP and the bridge of whatever server is on the port. */
  private record Board(int port, String boardId, String token) {
    static Board create(int port) {
      TestNode.HttpResult created = TestNode.http(port).post("/api/boards", new JsonObject().put("title", "Persistenz"));
      JsonObject json = created.json();
      String code = json.getString("participantLink").split("#j=")[1];
      JsonObject joined = TestNode.http(port).post("/api/boards/" + json.getString("boardId") + "/join",
          new JsonObject().put("joinCode", code).put("name", "Clara").put("organisation", "Weimar")).json();
      return new Board(port, json.getString("boardId"), joined.getString("token"));
    }

    Set<String> writeNotes(Vertx vertx, String prefix, int count) {
      Set<String> texts = new HashSet<>();
      try (BridgeClient client = BridgeClient.connect(vertx, port, token)) {
        for (int i = 0; i < count; i++) {
          String text = prefix + "-" + i + " Übergänge Schule/Beruf";
          JsonObject reply = client.command(new JsonObject().put("type", "note.create")
              .put("commandId", prefix + i).put("room", "main")
              .put("note", new JsonObject().put("id", prefix + i).put("x", i * 10).put("y", 0).put("text", text)));
          assertTrue(reply.getBoolean("ok"), reply.encode());
          texts.add(text);
        }
      }
      return texts;
    }

    Set<String> noteTexts(Vertx vertx) {
      try (BridgeClient client = BridgeClient.connect(vertx, port, token)) {
        JsonObject reply = client.command(Cmd.sync("main", null, null));
        assertTrue(reply.getBoolean("ok"), reply.encode());
        JsonArray notes = reply.getJsonObject("room").getJsonObject("state").getJsonArray("notes");
        return notes.stream().map(n -> ((JsonObject) n).getString("text")).collect(Collectors.toSet());
      }
    }
  }
}
