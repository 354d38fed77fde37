package io.werkraum.realtime;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestRedis;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every note and section command through real bridge frames and real Redis, seen by a second socket. */
class NoteCommandsTest {
  static TestRedis redis;
  static TestNode node;

  @BeforeAll
  static void start(@TempDir Path dir) {
    redis = new TestRedis();
    node = TestNode.start(redis.url(), dir);
  }

  @AfterAll
  static void stop() {
    node.close();
    redis.close();
  }

  @Test
  void aNoteCreatedByOneIsSeenByAnotherWithItsSequenceNumber() {
    JsonObject board = node.createBoard("Integrierte Planung");
    String boardId = board.getString("boardId");
    JsonObject anna = node.joinAsParticipant(board, "Anna", "Stadt Jena");
    JsonObject ben = node.joinAsParticipant(board, "Ben", "Gera");
    try (BridgeClient a = BridgeClient.connect(node.werkraum().vertx(), node.port(), anna.getString("token"));
         BridgeClient b = BridgeClient.connect(node.werkraum().vertx(), node.port(), ben.getString("token"))) {
      b.registerAndWait("board." + boardId + ".room.main");
      JsonObject reply = a.command(new JsonObject()
          .put("type", "note.create").put("commandId", "c1").put("room", "main")
          .put("note", new JsonObject().put("id", "n1").put("x", 10).put("y", 20).put("text", "Schulsozialarbeit")));
      assertEquals(true, reply.getBoolean("ok"), reply.encode());
      assertEquals(1, reply.getLong("seq"));
      JsonObject event = b.awaitMessage("board." + boardId + ".room.main", e -> "note.created".equals(e.getString("type")));
      assertEquals(1, event.getLong("seq"));
      assertEquals("Schulsozialarbeit", event.getJsonObject("note").getString("text"));
      assertEquals(anna.getJsonObject("participant").getString("id"), event.getJsonObject("note").getString("author"));
    }
  }
}
