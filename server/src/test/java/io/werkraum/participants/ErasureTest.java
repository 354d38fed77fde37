package io.werkraum.participants;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.Protocol;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Resp;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Erasing a person (GDPR Art. 17) through the real path: commands over sockets, the board read
 * back by sync, snapshots and exports over HTTP, and what Redis still holds.
 */
class ErasureTest extends NodeTest {
  @Test
  void aFacilitatorErasesAParticipantAndTheirNotesFromTheBoardItsSnapshotsAndEveryExport() {
    try (Workshop w = Workshop.create(node, "Löschen")) {
      JsonObject fee = w.joinAsFacilitator("Fee");
      BridgeClient facilitator = w.connect(fee);
      JsonObject annaJoined = w.join("Anna Beispiel", "Stadt Pößneck");
      String anna = Workshop.participantId(annaJoined);
      BridgeClient annaSocket = w.connect(annaJoined);
      BridgeClient ben = w.connect(w.join("Ben", "Gera"));
      String annasNote = Cmd.id();
      String bensNote = Cmd.id();
      assertOk(annaSocket.command(Cmd.createNote("main", Cmd.note(annasNote, 0, 0).put("text", "Annas Vorschlag"))));
      assertOk(ben.command(Cmd.createNote("main", Cmd.note(bensNote, 300, 0).put("text", "Bens Vorschlag"))));
      // A named round Anna voted in, then a snapshot of it all.
      assertOk(facilitator.command(Cmd.startRound(new JsonObject().put("id", "r1").put("anonymous", false))));
      assertOk(annaSocket.command(Cmd.castVote("r1", bensNote)));
      assertOk(ben.command(Cmd.castVote("r1", bensNote)));
      assertOk(facilitator.command(Cmd.closeRound("r1")));
      JsonObject snapshot = assertOk(facilitator.command(Cmd.command("snapshot.take").put("name", "Stand")))
          .getJsonObject("snapshot");

      assertOk(facilitator.command(Cmd.command("participant.erase").put("id", anna).put("notes", "delete")));

      assertTrue(annaSocket.awaitClosed(), "her socket is closed");
      assertEquals(Protocol.CLOSE_REMOVED, (int) annaSocket.closeStatus());
      JsonObject state = Workshop.fullState(ben, "main");
      JsonArray people = state.getJsonObject("board").getJsonObject("state").getJsonArray("participants");
      assertNull(Workshop.byId(people, anna), "she is no longer on the board");
      JsonArray notes = state.getJsonObject("room").getJsonObject("state").getJsonArray("notes");
      assertNull(Workshop.byId(notes, annasNote), "her note is deleted");
      JsonObject round = roundOf(state, "r1");
      JsonObject ranked = round.getJsonObject("results").getJsonArray("ranking").getJsonObject(0);
      assertEquals(2, ranked.getInteger("count"), "her vote still counts");
      assertFalse(ranked.getJsonArray("voters").contains(anna), "but not by her name");
      assertFalse(ranked.getJsonObject("byOrganisation", new JsonObject()).containsKey("Stadt Pößneck"));

      String token = fee.getString("token");
      String kept = node.get("/api/boards/" + w.id() + "/snapshots/" + snapshot.getString("id"), token).body();
      for (String format : List.of("json", "csv", "md", "pdf")) {
        String body = new String(TestNode.http(node.port()).download("/api/boards/" + w.id() + "/export/" + format, token)
            .body(), StandardCharsets.ISO_8859_1);
        assertFalse(body.contains("Anna") || body.contains("Annas Vorschlag"), format + " names her");
      }
      for (String text : List.of("Anna", "Pößneck", "Annas Vorschlag", anna)) {
        assertFalse(kept.contains(text), "the snapshot still holds " + text);
      }
      assertTrue(kept.contains("Bens Vorschlag"), "the rest of the snapshot stays");
      String redis = everythingIn(w.id());
      assertFalse(redis.contains("Anna Beispiel") || redis.contains("Pößneck") || redis.contains("Annas Vorschlag"),
          "Redis holds nothing of her: " + redis);
    }
  }

  @Test
  void aParticipantErasesTheirOwnDataAndKeepsTheirNotesByAParticipant() {
    try (Workshop w = Workshop.create(node, "Selbst")) {
      JsonObject annaJoined = w.join("Anna Beispiel", "Stadt Pößneck");
      String anna = Workshop.participantId(annaJoined);
      BridgeClient annaSocket = w.connect(annaJoined);
      BridgeClient ben = w.joinAndListen("Ben");
      String note = Cmd.id();
      assertOk(annaSocket.command(Cmd.createNote("main", Cmd.note(note, 0, 0).put("text", "bleibt stehen"))));
      int mark = ben.mark();

      // Her socket closes at once, with the code that says she is no longer on the board; the
      // answer may not reach it first.
      annaSocket.requestAsync(Addresses.COMMANDS, Cmd.command("participant.erase").put("id", anna).put("notes", "anonymise"));
      assertTrue(annaSocket.awaitClosed());
      assertEquals(Protocol.CLOSE_REMOVED, (int) annaSocket.closeStatus());

      JsonObject erased = ben.awaitMessageAfter(mark, w.boardAddress(), m -> "participant.erased".equals(m.getString("type")));
      assertEquals(anna, erased.getString("id"));
      assertFalse(erased.getBoolean("notesDeleted"));
      JsonObject kept = Workshop.byId(Workshop.notes(ben, "main"), note);
      assertEquals("anonymous", kept.getString("author"));
      assertEquals("bleibt stehen", kept.getString("text"));
      JsonObject fee = w.joinAsFacilitator("Fee");
      String csv = new String(TestNode.http(node.port()).download("/api/boards/" + w.id() + "/export/csv?lang=de",
          fee.getString("token")).body(), StandardCharsets.UTF_8);
      assertTrue(csv.contains("bleibt stehen") && csv.contains("eine teilnehmende Person"), csv);
      assertFalse(csv.contains("Anna"), csv);
      assertEquals(401, node.get("/api/boards/" + w.id() + "/session", annaJoined.getString("token")).status(),
          "her link no longer opens the board as her");
    }
  }

  @Test
  void participantsEraseOnlyTheirOwnData() {
    try (Workshop w = Workshop.create(node, "Fremd")) {
      BridgeClient anna = w.connect(w.join("Anna", ""));
      String ben = Workshop.participantId(w.join("Ben", ""));
      assertError("not_allowed", anna.command(Cmd.command("participant.erase").put("id", ben).put("notes", "delete")));
      assertError("invalid_input", anna.command(Cmd.command("participant.erase").put("id", ben).put("notes", "forget")));
    }
  }

  private static JsonObject roundOf(JsonObject state, String id) {
    return Workshop.byId(state.getJsonObject("board").getJsonObject("state").getJsonArray("rounds"), id);
  }

  /** Every value of every key of the board, as text. */
  @SuppressWarnings("unchecked")
  private static String everythingIn(String board) {
    StringBuilder all = new StringBuilder();
    for (Object key : (List<Object>) Resp.call(redis.port(), "KEYS", "{b:" + board + "}*")) {
      String type = Resp.call(redis.port(), "TYPE", key).toString();
      Object value = switch (type) {
        case "hash" -> Resp.call(redis.port(), "HGETALL", key);
        case "string" -> Resp.call(redis.port(), "GET", key);
        case "stream" -> Resp.call(redis.port(), "XRANGE", key, "-", "+");
        case "zset" -> Resp.call(redis.port(), "ZRANGE", key, "0", "-1");
        default -> "";
      };
      all.append(key).append('=').append(value).append('\n');
    }
    return all.toString();
  }
}
