package io.werkraum.snapshots;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import org.junit.jupiter.api.Test;

/** Snapshots: taken by hand and on their own, listed with the board, read back unchanged. */
class SnapshotTest extends NodeTest {


  private static JsonArray snapshots(BridgeClient client) {
    return Workshop.fullState(client, "main").getJsonObject("board").getJsonObject("state").getJsonArray("snapshots");
  }

  private JsonObject content(Workshop w, String token, String snapshotId) {
    TestNode.HttpResult result = node.get("/api/boards/" + w.id() + "/snapshots/" + snapshotId, token);
    assertEquals(200, result.status(), result.toString());
    return result.json();
  }

  @Test
  void aSnapshotKeepsTheBoardAsItWasWhateverHappensAfter() {
    try (Workshop w = Workshop.create(node, "Momentaufnahme")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient fac = w.connect(fay);
      fac.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "Schulweg sicherer")));
      JsonObject taken = fac.ok(Cmd.command("snapshot.take").put("name", "Nach der Sammlung"));
      String id = taken.getJsonObject("snapshot").getString("id");
      fac.ok(Cmd.updateNote("main", "n1", new JsonObject().put("text", "geändert")));
      fac.ok(Cmd.deleteNote("main", "n1"));

      JsonObject listed = snapshots(fac).getJsonObject(0);
      assertEquals("Nach der Sammlung", listed.getString("name"));
      JsonObject doc = content(w, fay.getString("token"), id);
      assertEquals("Nach der Sammlung", doc.getJsonObject("snapshot").getString("name"));
      assertEquals("Schulweg sicherer",
          doc.getJsonArray("rooms").getJsonObject(0).getJsonArray("notes").getJsonObject(0).getString("text"));

      // Only its facilitators read it: a snapshot holds every room, which participants do not all see.
      JsonObject anna = w.join("Anna", "");
      TestNode.HttpResult refusedRead = node.get("/api/boards/" + w.id() + "/snapshots/" + id, anna.getString("token"));
      assertEquals(403, refusedRead.status());
      assertEquals("not_allowed", refusedRead.json().getString("code"));
      JsonObject other = node.createBoard("Anderes");
      String stranger = node.joinAsParticipant(other, "Eve", "").getString("token");
      assertEquals(401, node.get("/api/boards/" + w.id() + "/snapshots/" + id, stranger).status());
      assertEquals(404, node.get("/api/boards/" + w.id() + "/snapshots/s-nope", fay.getString("token")).status());
      JsonObject refused = w.connect(anna).command(Cmd.command("snapshot.take").put("name", "x"));
      assertEquals("not_allowed", refused.getString("code"));

      // A new board can start from the snapshot: it holds what the board held then.
      TestNode.HttpResult started = TestNode.http(node.port())
          .postBearer("/api/boards/" + w.id() + "/snapshots/" + id + "/board", fay.getString("token"));
      assertEquals(201, started.status(), started.body());
      assertEquals("Momentaufnahme", started.json().getString("title"));
      String newBoard = started.json().getString("boardId");
      JsonObject joined = node.post("/api/boards/" + newBoard + "/join", new JsonObject()
          .put("facilitatorSecret", started.json().getString("facilitatorLink").split("#f=")[1]).put("name", "Fay")).json();
      JsonArray notes = Workshop.notes(BridgeClient.connect(node.werkraum().vertx(), node.port(), joined.getString("token")), "main");
      assertEquals("Schulweg sicherer", notes.getJsonObject(0).getString("text"));
      assertEquals(403, TestNode.http(node.port())
          .postBearer("/api/boards/" + w.id() + "/snapshots/" + id + "/board", anna.getString("token")).status());
    }
  }

  @Test
  void werkraumTakesOneWhenARoundCloses() {
    try (Workshop w = Workshop.create(node, "Automatisch")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.registerAndWait(w.boardAddress());
      fac.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "Idee")));
      fac.ok(Cmd.startRound(new JsonObject().put("id", "r1").put("title", "Priorität")));
      fac.ok(Cmd.castVote("r1", "n1"));
      fac.ok(Cmd.closeRound("r1"));
      JsonObject event = fac.awaitMessage(w.boardAddress(), e -> "snapshot.taken".equals(e.getString("type")));
      assertEquals("round.closed", event.getJsonObject("snapshot").getString("occasion"));
      assertEquals("Priorität", event.getJsonObject("snapshot").getString("subject"));
      fac.ok(Cmd.command("rooms.close"));
      fac.awaitMessage(w.boardAddress(), e -> "snapshot.taken".equals(e.getString("type"))
          && "rooms.closed".equals(e.getJsonObject("snapshot").getString("occasion")));
    }
  }
}
