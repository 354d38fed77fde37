package io.werkraum.store;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.Role;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commit scripts against a real Redis, below any node and socket: the server's own command
 * table and store on a Redis of this class's own, checking each operation's outcome, what it
 * records for a resend and what it logs, the way the store is meant to keep them.
 */
class CommitScriptsTest {
  static Vertx vertx;
  static TestRedis redis;
  static DirectStore store;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    redis = new TestRedis();
    store = new DirectStore(vertx, redis.url());
  }

  @AfterAll
  static void stop() {
    store.close();
    BridgeClient.await(vertx.close());
    redis.close();
  }

  record Workshop(Board board, Actor fay, Actor anna, Actor ben) {}

  static Workshop workshop(String title) {
    Board board = store.createBoard(title);
    return new Workshop(board, store.join(board, Role.FACILITATOR, "Fay", ""),
        store.join(board, Role.PARTICIPANT, "Anna", "Stadt Jena"), store.join(board, Role.PARTICIPANT, "Ben", "Gera"));
  }

  static JsonObject ok(Actor actor, JsonObject command) {
    return assertOk(store.apply(actor, command), command.encode());
  }

  static void refused(String code, Actor actor, JsonObject command) {
    assertError(code, store.apply(actor, command), command.encode());
  }

  /** The op log entries of a stream: seq -> the stored event. */
  static JsonArray log(String key) {
    JsonArray events = new JsonArray();
    for (Response entry : store.send(Request.cmd(Command.XRANGE).arg(key).arg("-").arg("+"))) {
      Response fields = entry.get(1);
      for (int i = 0; i + 1 < fields.size(); i += 2) {
        if ("e".equals(fields.get(i).toString())) {
          events.add(new JsonObject(fields.get(i + 1).toString()).put("seq", entry.get(0).toString()));
        }
      }
    }
    return events;
  }

  static String record(Actor actor, JsonObject command) {
    Response r = store.send(Request.cmd(Command.GET)
        .arg(Keys.command(actor.boardId(), actor.participantId(), command.getString("commandId"))));
    return r == null ? null : r.toString();
  }

  @Test
  void aChangeIsLoggedWithItsSequenceNumberAndRecordedForResends() {
    Workshop w = workshop("Protokoll");
    JsonObject create = Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "eins"));
    assertEquals(1L, ok(w.anna(), create).getLong("seq"));
    assertEquals("{\"seq\":1}", record(w.anna(), create));
    JsonArray events = log(Keys.roomLog(w.board().id(), "main"));
    assertEquals(1, events.size());
    assertEquals("1-0", events.getJsonObject(0).getString("seq"));
    assertEquals("note.created", events.getJsonObject(0).getString("type"));
    assertEquals(w.anna().participantId(), events.getJsonObject(0).getJsonObject("note").getString("author"));
    assertEquals(ok(w.anna(), create.copy()), store.apply(w.anna(), create.copy()), "the resend answers the first");
    assertEquals(1, log(Keys.roomLog(w.board().id(), "main")).size(), "and logs nothing");
  }

  @Test
  void aRefusalIsRecordedAndChangesNothingAndItsResendAnswersItEvenAfterTheBoardMovedOn() {
    Workshop w = workshop("Abgelehnt");
    JsonObject update = Cmd.updateNote("main", "n1", new JsonObject().put("text", "zu früh"));
    refused("not_found", w.anna(), update);
    assertEquals("{\"error\":\"not_found\"}", record(w.anna(), update));
    ok(w.anna(), Cmd.createNote("main", Cmd.note("n1", 0, 0)));
    refused("not_found", w.anna(), update.copy());
    assertEquals(1, log(Keys.roomLog(w.board().id(), "main")).size());
  }

  @Test
  void someoneNoLongerOnTheBoardChangesNothingAndLeavesNoRecord() {
    Workshop w = workshop("Entfernt");
    ok(w.fay(), Cmd.removeParticipant(w.anna().participantId()));
    JsonObject create = Cmd.createNote("main", Cmd.note("n1", 0, 0));
    refused("not_allowed", w.anna(), create);
    assertNull(record(w.anna(), create));
    assertEquals(0, log(Keys.roomLog(w.board().id(), "main")).size());
  }

  @Test
  void theLockAndPrivateWritingBindParticipantsNotFacilitators() {
    Workshop w = workshop("Regeln");
    ok(w.fay(), Cmd.command("private.set").put("on", true));
    ok(w.anna(), Cmd.createNote("main", Cmd.note("secret", 0, 0).put("text", "geheim")));
    ok(w.fay(), Cmd.createNote("main", Cmd.note("open", 300, 0).put("text", "offen")));
    Response notes = store.send(Request.cmd(Command.HGETALL).arg(Keys.notes(w.board().id(), "main")));
    assertTrue(new JsonObject(notes.get("secret").toString()).getBoolean("hidden"));
    assertFalse(new JsonObject(notes.get("open").toString()).containsKey("hidden"));
    // The log says whose hidden note an event is about, beside the event.
    Response entry = store.send(Request.cmd(Command.XRANGE).arg(Keys.roomLog(w.board().id(), "main")).arg("1-0").arg("1-0"));
    assertEquals("h", entry.get(0).get(1).get(2).toString());
    assertEquals(w.anna().participantId(), entry.get(0).get(1).get(3).toString());
    refused("not_allowed", w.ben(), Cmd.updateNote("main", "secret", new JsonObject().put("text", "fremd")));
    ok(w.fay(), Cmd.updateNote("main", "secret", new JsonObject().put("x", 10)));

    ok(w.fay(), Cmd.lock(true));
    refused("board_locked", w.anna(), Cmd.updateNote("main", "secret", new JsonObject().put("text", "später")));
    refused("board_locked", w.ben(), Cmd.createSection("main", Cmd.section("s1", 0, 0, 400, 400, "Ziele")));
    ok(w.fay(), Cmd.createSection("main", Cmd.section("s1", 0, 0, 400, 400, "Ziele")));
    ok(w.anna(), Cmd.updateParticipant(new JsonObject().put("hand", true)));
  }

  @Test
  void aDuplicateTakesTheOriginalAsItIsNow() {
    Workshop w = workshop("Kopie");
    ok(w.anna(), Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "erst").put("color", "teal")));
    ok(w.ben(), Cmd.updateNote("main", "n1", new JsonObject().put("text", "dann").put("w", 300)));
    JsonObject duplicate = Cmd.command("note.duplicate").put("room", "main").put("id", "n1")
        .put("note", new JsonObject().put("id", "n2").put("x", 320).put("y", 0));
    ok(w.ben(), duplicate);
    JsonObject copy = new JsonObject(store.send(Request.cmd(Command.HGET).arg(Keys.notes(w.board().id(), "main")).arg("n2")).toString());
    assertEquals("dann", copy.getString("text"));
    assertEquals("teal", copy.getString("color"));
    assertEquals(300.0, copy.getDouble("w"));
    assertEquals(w.ben().participantId(), copy.getString("author"));
    refused("conflict", w.ben(), Cmd.command("note.duplicate").put("room", "main").put("id", "n1")
        .put("note", new JsonObject().put("id", "n2").put("x", 0).put("y", 0)));
    refused("not_found", w.ben(), Cmd.command("note.duplicate").put("room", "main").put("id", "nope")
        .put("note", new JsonObject().put("id", "n3").put("x", 0).put("y", 0)));
    ok(w.anna(), Cmd.deleteNote("main", "n1"));
    assertEquals(store.apply(w.ben(), duplicate.copy()).getLong("seq"), 3L, "a resend answers the copy made");
  }

  @Test
  void aRoundStartsOnlyWhenNoneIsOpenAndClosingKeepsOnlyTheTally() {
    Workshop w = workshop("Runden");
    ok(w.fay(), Cmd.createNote("main", Cmd.note("n1", 0, 0)));
    ok(w.fay(), Cmd.startRound("r1"));
    refused("conflict", w.fay(), Cmd.startRound("r2"));
    refused("conflict", w.fay(), Cmd.startRound("r1"));
    ok(w.anna(), Cmd.castVote("r1", "n1"));
    ok(w.anna(), Cmd.castVote("r1", "n1"));
    JsonObject vote = Cmd.castVote("r1", "n1");
    ok(w.ben(), vote);
    assertEquals("{}", record(w.ben(), vote), "a vote's record names no note");
    Response ballot = store.send(Request.cmd(Command.HGETALL).arg(Keys.ballot(w.board().id())));
    assertEquals("r1", ballot.get("round").toString());
    assertEquals(3, ballot.get("votes").toInteger());
    assertEquals(2, ballot.get("voters").toInteger());
    ok(w.fay(), Cmd.closeRound("r1"));
    assertEquals(0, store.send(Request.cmd(Command.EXISTS).arg(Keys.ballot(w.board().id()))).toInteger());
    refused("round_closed", w.anna(), Cmd.castVote("r1", "n1"));
    JsonObject round = new JsonObject(store.send(Request.cmd(Command.HGET).arg(Keys.rounds(w.board().id())).arg("r1")).toString());
    assertEquals(3, round.getJsonObject("results").getInteger("votes"));
    ok(w.fay(), Cmd.startRound("r2"));
  }

  static <T> T read(io.vertx.core.Future<T> future) {
    return BridgeClient.await(future);
  }

  static JsonArray boardLog(Workshop w) {
    return log(Keys.boardLog(w.board().id()));
  }

  @Test
  void deletingTakesTheItemAndKeepsAHiddenNoteToItsAuthor() {
    Workshop w = workshop("Löschen");
    ok(w.anna(), Cmd.createSection("main", Cmd.section("s1", 0, 0, 400, 300, "Ziele")));
    ok(w.fay(), Cmd.command("private.set").put("on", true));
    ok(w.anna(), Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "geheim")));
    refused("not_allowed", w.ben(), Cmd.deleteNote("main", "n1"));
    assertNotNull(read(store.store().note(w.board().id(), "main", "n1")), "Ben's attempt left it");
    ok(w.anna(), Cmd.deleteNote("main", "n1"));
    assertNull(read(store.store().note(w.board().id(), "main", "n1")));
    JsonArray events = log(Keys.roomLog(w.board().id(), "main"));
    assertEquals("note.deleted", events.getJsonObject(events.size() - 1).getString("type"));
    refused("not_found", w.anna(), Cmd.deleteNote("main", "n1"));
    ok(w.ben(), Cmd.deleteSection("main", "s1"));
    assertEquals(0, read(store.store().room(w.board().id(), "main")).sections().size());
  }

  @Test
  void participantsChangeTheirOwnStateAndFacilitatorsMoveAndRemoveThem() {
    Workshop w = workshop("Leute");
    ok(w.anna(), Cmd.updateParticipant(new JsonObject().put("hand", true)));
    assertEquals(true, read(store.store().participant(w.board().id(), w.anna().participantId())).getBoolean("hand"));
    assertEquals("participant.updated", boardLog(w).getJsonObject(boardLog(w).size() - 1).getString("type"));

    ok(w.fay(), Cmd.createRooms(Cmd.room("r1", "Eins")));
    ok(w.fay(), Cmd.command("participant.move").put("id", w.anna().participantId()).put("room", "r1"));
    assertEquals("r1", read(store.store().participant(w.board().id(), w.anna().participantId())).getString("room"));
    refused("not_found", w.fay(), Cmd.command("participant.move").put("id", w.anna().participantId()).put("room", "nirgends"));
    refused("not_found", w.fay(), Cmd.command("participant.move").put("id", "niemand").put("room", "r1"));
    assertEquals("r1", read(store.store().participant(w.board().id(), w.anna().participantId())).getString("room"));

    JsonObject remove = Cmd.removeParticipant(w.ben().participantId());
    long seq = ok(w.fay(), remove).getLong("seq");
    assertNull(read(store.store().participant(w.board().id(), w.ben().participantId())));
    assertEquals(seq, store.apply(w.fay(), remove.copy()).getLong("seq"), "a resend answers the removal");
    refused("not_found", w.fay(), Cmd.removeParticipant(w.ben().participantId()));
  }

  @Test
  void settingsAreOneVersionedItemAndTheSpotlightFallsOnlyOnANoteThatExists() {
    Workshop w = workshop("Einstellungen");
    long before = read(store.store().settings(w.board().id())).getLong("v", 0L);
    ok(w.fay(), Cmd.lock(true));
    ok(w.fay(), Cmd.broadcast("Pause bis 11 Uhr"));
    JsonObject settings = read(store.store().settings(w.board().id()));
    assertEquals(true, settings.getBoolean("locked"));
    assertEquals(before + 2, settings.getLong("v"));
    assertEquals("settings.updated", boardLog(w).getJsonObject(boardLog(w).size() - 1).getString("type"));

    ok(w.fay(), Cmd.createNote("main", Cmd.note("n1", 0, 0)));
    settings = read(store.store().settings(w.board().id()));
    refused("not_found", w.fay(), Cmd.spotlight("main", "anderswo"));
    assertEquals(settings, read(store.store().settings(w.board().id())), "a refused spotlight changes nothing");
    ok(w.fay(), Cmd.spotlight("main", "n1"));
    assertNotEquals(settings, read(store.store().settings(w.board().id())));
  }

  @Test
  void renewingALinkReplacesItsCodeAndSaysSoWithoutTheCode() {
    Workshop w = workshop("Neuer Link");
    Board before = read(store.store().board(w.board().id()));
    ok(w.fay(), Cmd.linksRenew("participant"));
    Board after = read(store.store().board(w.board().id()));
    assertNotEquals(before.joinCode(), after.joinCode());
    assertEquals(before.observerCode(), after.observerCode());
    JsonObject event = boardLog(w).getJsonObject(boardLog(w).size() - 1);
    assertEquals("links.renewed", event.getString("type"));
    assertFalse(event.encode().contains(after.joinCode()), "the event carries no secret");
  }

  @Test
  void revealingShowsEveryHiddenNoteOfTheRoom() {
    Workshop w = workshop("Aufdecken");
    ok(w.fay(), Cmd.command("private.set").put("on", true));
    ok(w.anna(), Cmd.createNote("main", Cmd.note("a", 0, 0).put("text", "von Anna")));
    ok(w.ben(), Cmd.createNote("main", Cmd.note("b", 300, 0).put("text", "von Ben")));
    ok(w.fay(), Cmd.command("private.reveal").put("room", "main"));
    for (String id : java.util.List.of("a", "b")) {
      assertFalse(read(store.store().note(w.board().id(), "main", id)).containsKey("hidden"), id);
    }
  }

  @Test
  void roomsAreCreatedAssignedAndHarvestedIntoTheirOwnSection() {
    Workshop w = workshop("Räume");
    ok(w.fay(), Cmd.createRooms(Cmd.room("nord", "Nord"), Cmd.room("sued", "Süd")));
    assertEquals(java.util.Set.of("main", "nord", "sued"), read(store.store().rooms(w.board().id())).fieldNames());
    ok(w.fay(), Cmd.command("rooms.assign").put("mode", "manual").put("assignments",
        new JsonObject().put(w.anna().participantId(), "nord").put(w.ben().participantId(), "sued")));
    assertEquals("nord", read(store.store().participant(w.board().id(), w.anna().participantId())).getString("room"));
    ok(w.fay(), Cmd.command("rooms.open"));
    refused("not_allowed", w.anna(), Cmd.createNote("sued", Cmd.note("x", 0, 0)));
    ok(w.anna(), Cmd.createNote("nord", Cmd.note("n1", 0, 0).put("text", "Radweg")));
    ok(w.fay(), Cmd.command("rooms.close"));
    ok(w.fay(), Cmd.command("rooms.harvest").put("room", "nord"));
    RoomContent plenary = read(store.store().room(w.board().id(), "main"));
    assertEquals(1, plenary.sections().size());
    assertEquals("Nord", plenary.sections().get(0).title());
    assertEquals(1, plenary.notes().size());
    assertEquals("Radweg", plenary.notes().get(0).text());
    assertEquals("nord", plenary.notes().get(0).origin().room());
    assertTrue(io.werkraum.board.Sections.contains(plenary.sections().get(0), plenary.notes().get(0)),
        "the copy lies in its room's section");
  }

  @Test
  void aRoundIsShownOnlyWhenItExistsAndARetractedVoteIsGivenBack() {
    Workshop w = workshop("Zeigen");
    ok(w.fay(), Cmd.createNote("main", Cmd.note("n1", 0, 0)));
    ok(w.fay(), Cmd.startRound("r1"));
    ok(w.anna(), Cmd.castVote("r1", "n1"));
    ok(w.anna(), Cmd.retractVote("r1", "n1"));
    Response ballot = store.send(Request.cmd(Command.HGETALL).arg(Keys.ballot(w.board().id())));
    assertEquals(0, ballot.get("votes").toInteger());
    refused("not_found", w.anna(), Cmd.retractVote("r1", "n1"));
    ok(w.fay(), Cmd.closeRound("r1"));
    refused("not_found", w.fay(), Cmd.showRound("r9"));
    ok(w.fay(), Cmd.showRound("r1"));
    assertEquals("r1", read(store.store().settings(w.board().id())).getString("shownRound"));
  }

  @Test
  void aSnapshotIsWrittenOnceAndItsResendAnswersTheSameId() {
    Workshop w = workshop("Stand");
    ok(w.anna(), Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "drin")));
    JsonObject take = Cmd.command("snapshot.take").put("name", "Zwischenstand");
    String id = ok(w.fay(), take).getJsonObject("snapshot").getString("id");
    assertEquals(id, store.apply(w.fay(), take.copy()).getJsonObject("snapshot").getString("id"));
    assertEquals(1, store.send(Request.cmd(Command.HLEN).arg(Keys.snapshots(w.board().id()))).toInteger());
    assertEquals("Zwischenstand", read(store.store().snapshotInfo(w.board().id(), id)).getString("name"));
    assertTrue(read(store.store().snapshot(w.board().id(), id)).contains("drin"), "the document holds the note");
  }

  @Test
  void everyKeyOfABoardSharesItsHashTag() {
    Workshop w = workshop("Ein Slot");
    ok(w.fay(), Cmd.createRooms(Cmd.room("r1", "Eins")));
    ok(w.anna(), Cmd.createNote("main", Cmd.note("n1", 0, 0)));
    ok(w.fay(), Cmd.startRound("r1"));
    ok(w.anna(), Cmd.castVote("r1", "n1"));
    ok(w.fay(), Cmd.command("snapshot.take").put("name", "Stand"));
    String tag = "{b:" + w.board().id() + "}";
    int keys = 0;
    for (Response key : store.send(Request.cmd(Command.KEYS).arg("*" + w.board().id() + "*"))) {
      assertTrue(key.toString().startsWith(tag + ":"), key.toString());
      keys++;
    }
    assertTrue(keys > 10, "the board's keys: " + keys);
  }
}
