package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Export a board as JSON, import it as a new board, export that: the content is equal. */
class ImportApiTest extends NodeTest {
  private String exportJson(String boardId, String token) {
    HttpResponse<byte[]> response = TestNode.http(node.port()).download("/api/boards/" + boardId + "/export/json", token);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertEquals(200, response.statusCode(), body);
    return body;
  }

  /** The document without what differs by nature between two boards: ids of the board, times of export. */
  private static JsonObject content(String json) {
    JsonObject doc = new JsonObject(json);
    doc.remove("id");
    doc.remove("createdAt");
    doc.remove("exportedAt");
    JsonArray rooms = doc.getJsonArray("rooms");
    rooms.forEach(r -> {
      if ("main".equals(((JsonObject) r).getString("id"))) {
        ((JsonObject) r).remove("createdAt");
      }
    });
    return doc;
  }

  @Test
  void anImportedBoardEqualsTheExportedOne() throws Exception {
    try (Workshop w = Workshop.create(node, "Vorlage Sozialplanung")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient fac = w.connect(fay);
      BridgeClient anna = w.connect(w.join("Anna", "Stadt Jena"));
      assertTrue(fac.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 600, 400, "Barrieren"))).getBoolean("ok"));
      assertTrue(anna.command(Cmd.createNote("main", Cmd.note("n1", 20, 60).put("text", "Zuständigkeiten unklar, \"Amt\"; Straße"))).getBoolean("ok"));
      assertTrue(fac.command(Cmd.command("rooms.create").put("rooms", new JsonArray()
          .add(new JsonObject().put("id", "r1").put("name", "Gruppe Süd")))).getBoolean("ok"));
      assertTrue(fac.command(Cmd.startRound(new JsonObject().put("id", "v1").put("anonymous", false))).getBoolean("ok"));
      assertTrue(anna.command(Cmd.castVote("v1", "n1")).getBoolean("ok"));
      assertTrue(fac.command(Cmd.closeRound("v1")).getBoolean("ok"));
      assertTrue(fac.command(Cmd.command("broadcast.send").put("text", "Bitte bis 15 Uhr abschließen")).getBoolean("ok"));
      assertTrue(fac.command(Cmd.command("board.lock").put("locked", true)).getBoolean("ok"));

      String first = exportJson(w.id(), fay.getString("token"));
      assertEquals(new JsonObject().put("locked", true).put("privateWriting", false).put("breakoutOpen", false)
          .put("broadcast", "Bitte bis 15 Uhr abschließen"), new JsonObject(first).getJsonObject("settings"));
      TestNode.HttpResult imported = node.postRaw("/api/boards/import", first);
      assertEquals(201, imported.status(), imported.body());
      try (Workshop copy = Workshop.of(node, TestNode.created(imported))) {
        assertNotEquals(w.id(), copy.id());
        JsonObject gabi = copy.joinAsFacilitator("Gabi");
        JsonObject second = content(exportJson(copy.id(), gabi.getString("token")));
        // The importer joined the new board as a facilitator; beyond that, it holds what the old one held.
        second.getJsonArray("participants").remove(second.getJsonArray("participants").size() - 1);
        assertEquals(content(first), second);
        // The settings came along: the new board is locked for participants.
        BridgeClient bea = copy.connect(copy.join("Bea", ""));
        JsonObject refusedNote = bea.command(Cmd.createNote("main", Cmd.note("n9", 0, 0).put("text", "neu")));
        assertEquals("board_locked", refusedNote.getString("code"), refusedNote.encode());
      }

      assertEquals(400, node.postRaw("/api/boards/import", "{\"schemaVersion\": 99}").status());
      assertEquals(400, node.postRaw("/api/boards/import", "not json").status());
      String tooLong = first.replace("Zuständigkeiten", "x".repeat(2100));
      TestNode.HttpResult refused = node.postRaw("/api/boards/import", tooLong);
      assertEquals(400, refused.status());
      assertEquals("invalid_input", refused.json().getString("code"));
      assertTrue(new String(refused.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("2000"));
    }
  }
}
