package io.werkraum.realtime;

import io.werkraum.testing.NodeTest;
import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static io.werkraum.testing.Workshop.byId;
import static io.werkraum.testing.Workshop.fullState;
import static io.werkraum.testing.Workshop.notes;
import static io.werkraum.testing.Workshop.participantId;
import static io.werkraum.testing.Workshop.sections;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.werkraum.board.Actor;
import io.werkraum.protocol.Limits;
import io.werkraum.board.Role;
import io.werkraum.store.Keys;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.Workshop;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command over real bridge frames against real Redis: its reply, its event as a second
 * socket sees it, its errors, and that a refused command changes nothing.
 */
class CommandsTest extends NodeTest {


  static JsonObject awaitEvent(BridgeClient client, String address, String type, long seq) {
    return client.awaitMessage(address, e -> type.equals(e.getString("type")) && e.getLong("seq") == seq);
  }

  @Test
  void noteCreateUpdateDeleteAreSeenByAnotherSocket() {
    try (Workshop w = Workshop.create(node, "Jugendhilfeplanung")) {
      JsonObject anna = w.join("Anna", "Stadt Jena");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.joinAndListen("Ben");
      String room = w.roomAddress("main");
      String annaId = participantId(anna);
      long before = System.currentTimeMillis();

      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 10, 20).put("text", "Schulsozialarbeit"))), 1);
      JsonObject created = awaitEvent(b, room, "note.created", 1);
      assertEquals("main", created.getString("room"));
      JsonObject note = created.getJsonObject("note");
      assertEquals("n1", note.getString("id"));
      assertEquals(10.0, note.getDouble("x"));
      assertEquals(20.0, note.getDouble("y"));
      assertEquals(Limits.NOTE_WIDTH_DEFAULT, note.getDouble("w"), "default size, the protocol's");
      assertEquals(Limits.NOTE_HEIGHT_DEFAULT, note.getDouble("h"), "default size, the protocol's");
      assertEquals("yellow", note.getString("color"), "default colour");
      assertEquals("Schulsozialarbeit", note.getString("text"));
      assertEquals(annaId, note.getString("author"));
      assertTrue(note.getLong("createdAt") >= before);
      assertTrue(created.getLong("at") >= before);

      assertOk(a.command(Cmd.updateNote("main", "n1", new JsonObject().put("text", "Offene Jugendarbeit"))), 2);
      JsonObject text = awaitEvent(b, room, "note.updated", 2);
      assertEquals("n1", text.getString("id"));
      assertEquals("main", text.getString("room"));
      assertEquals(new JsonObject().put("text", "Offene Jugendarbeit"), text.getJsonObject("patch"));
      assertEquals(annaId, text.getString("by"));
      assertTrue(text.getLong("updatedAt") >= note.getLong("createdAt"));

      assertOk(a.command(Cmd.updateNote("main", "n1", new JsonObject().put("x", 150).put("y", -30))), 3);
      assertEquals(new JsonObject().put("x", 150.0).put("y", -30.0),
          awaitEvent(b, room, "note.updated", 3).getJsonObject("patch"));

      assertOk(a.command(Cmd.updateNote("main", "n1", new JsonObject().put("w", 320).put("h", 120))), 4);
      assertEquals(new JsonObject().put("w", 320.0).put("h", 120.0),
          awaitEvent(b, room, "note.updated", 4).getJsonObject("patch"));

      assertOk(a.command(Cmd.updateNote("main", "n1", new JsonObject().put("color", "teal"))), 5);
      assertEquals(new JsonObject().put("color", "teal"), awaitEvent(b, room, "note.updated", 5).getJsonObject("patch"));

      // The stored note has every change merged, its author and creation time untouched.
      JsonObject stored = byId(notes(b, "main"), "n1");
      assertEquals("Offene Jugendarbeit", stored.getString("text"));
      assertEquals(150.0, stored.getDouble("x"));
      assertEquals(-30.0, stored.getDouble("y"));
      assertEquals(320.0, stored.getDouble("w"));
      assertEquals(120.0, stored.getDouble("h"));
      assertEquals("teal", stored.getString("color"));
      assertEquals(annaId, stored.getString("author"));
      assertEquals(note.getLong("createdAt"), stored.getLong("createdAt"));
      assertTrue(stored.getLong("updatedAt") >= note.getLong("createdAt"));

      assertOk(a.command(Cmd.deleteNote("main", "n1")), 6);
      JsonObject deleted = awaitEvent(b, room, "note.deleted", 6);
      assertEquals("n1", deleted.getString("id"));
      assertEquals("main", deleted.getString("room"));
      assertTrue(notes(b, "main").isEmpty());
    }
  }

  @Test
  void sectionCreateUpdateDeleteAreSeenByAnotherSocket() {
    try (Workshop w = Workshop.create(node, "Sektionen")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = w.connect(fay);
      BridgeClient b = w.joinAndListen("Ben");
      String room = w.roomAddress("main");

      assertOk(f.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 600, 400, "Ideen"))), 1);
      JsonObject section = awaitEvent(b, room, "section.created", 1).getJsonObject("section");
      assertEquals("s1", section.getString("id"));
      assertEquals("Ideen", section.getString("title"));
      assertEquals(600.0, section.getDouble("w"));
      assertEquals(participantId(fay), section.getString("author"));

      assertOk(f.command(Cmd.updateSection("main", "s1", new JsonObject().put("title", "Ziele"))), 2);
      JsonObject title = awaitEvent(b, room, "section.updated", 2);
      assertEquals(new JsonObject().put("title", "Ziele"), title.getJsonObject("patch"));
      assertEquals(participantId(fay), title.getString("by"));

      assertOk(f.command(Cmd.updateSection("main", "s1", new JsonObject().put("x", 100).put("y", 50))), 3);
      assertEquals(new JsonObject().put("x", 100.0).put("y", 50.0), awaitEvent(b, room, "section.updated", 3).getJsonObject("patch"));

      assertOk(f.command(Cmd.updateSection("main", "s1", new JsonObject().put("w", 1200).put("h", 800))), 4);
      assertEquals(new JsonObject().put("w", 1200.0).put("h", 800.0), awaitEvent(b, room, "section.updated", 4).getJsonObject("patch"));

      JsonObject stored = byId(sections(b, "main"), "s1");
      assertEquals("Ziele", stored.getString("title"));
      assertEquals(100.0, stored.getDouble("x"));
      assertEquals(1200.0, stored.getDouble("w"));

      assertOk(f.command(Cmd.deleteSection("main", "s1")), 5);
      assertEquals("s1", awaitEvent(b, room, "section.deleted", 5).getString("id"));
      assertTrue(sections(b, "main").isEmpty());
    }
  }

  @Test
  void participantUpdateGoesOutOnTheBoardAddressAndTheBoardStreamCountsApartFromTheRoomStream() {
    try (Workshop w = Workshop.create(node, "Teilnehmende")) {
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.joinAndListen("Ben");
      // Two joins are the board stream's events 1 and 2.
      JsonObject reply = a.command(Cmd.updateParticipant(new JsonObject().put("name", "Anna K.").put("organisation", "Landkreis Greiz")));
      assertOk(reply, 3);
      JsonObject updated = awaitEvent(b, w.boardAddress(), "participant.updated", 3);
      assertEquals(participantId(anna), updated.getString("id"));
      assertEquals(new JsonObject().put("name", "Anna K.").put("organisation", "Landkreis Greiz"), updated.getJsonObject("patch"));

      // The room stream has its own numbers: its first event is 1.
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))), 1);
      assertOk(a.command(Cmd.updateParticipant(new JsonObject().put("organisation", "Gera"))), 4);
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n2", 0, 0))), 2);

      JsonObject state = fullState(b, "main");
      assertEquals(4, state.getJsonObject("board").getLong("seq"));
      assertEquals(2, state.getJsonObject("room").getLong("seq"));
      JsonObject stored = byId(state.getJsonObject("board").getJsonObject("state").getJsonArray("participants"), participantId(anna));
      assertEquals("Anna K.", stored.getString("name"));
      assertEquals("Gera", stored.getString("organisation"));
      assertEquals("participant", stored.getString("role"));
    }
  }

  @Test
  void aParticipantCanOnlyRenameThemself() {
    try (Workshop w = Workshop.create(node, "Nur selbst")) {
      JsonObject anna = w.join("Anna", "");
      JsonObject ben = w.join("Ben", "");
      BridgeClient a = w.connect(anna);
      // There is no way to name someone else: an id in the patch is an unknown field.
      assertError("invalid_input", a.command(Cmd.updateParticipant(new JsonObject().put("id", participantId(ben)).put("name", "X"))));
      assertError("invalid_input", a.command(Cmd.command("participant.update").put("id", participantId(ben)).put("patch", new JsonObject().put("name", "X"))));
      JsonArray participants = fullState(a, "main").getJsonObject("board").getJsonObject("state").getJsonArray("participants");
      assertEquals("Ben", byId(participants, participantId(ben)).getString("name"));
      assertEquals("Anna", byId(participants, participantId(anna)).getString("name"));
    }
  }

  @Test
  void updatingOrDeletingAMissingNoteOrSectionIsNotFoundAndChangesNothing() {
    try (Workshop w = Workshop.create(node, "Fehlt")) {
      BridgeClient a = w.joinAndListen("Anna");
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "bleibt"))), 1);
      assertError("not_found", a.command(Cmd.updateNote("main", "nope", new JsonObject().put("text", "x"))));
      assertError("not_found", a.command(Cmd.deleteNote("main", "nope")));
      assertError("not_found", a.command(Cmd.updateSection("main", "nope", new JsonObject().put("title", "x"))));
      assertError("not_found", a.command(Cmd.deleteSection("main", "nope")));
      // A note id is not a section id.
      assertError("not_found", a.command(Cmd.deleteSection("main", "n1")));
      JsonObject state = fullState(a, "main");
      assertEquals(1, state.getJsonObject("room").getLong("seq"), "no sequence number used by a refused command");
      JsonArray notes = state.getJsonObject("room").getJsonObject("state").getJsonArray("notes");
      assertEquals(1, notes.size());
      assertEquals("bleibt", notes.getJsonObject(0).getString("text"));
      assertEquals(1, a.messages(w.roomAddress("main")).size(), "only the one note.created went out");
    }
  }

  @Test
  void creatingANoteWithAnExistingIdIsAConflictAndKeepsTheFirst() {
    try (Workshop w = Workshop.create(node, "Konflikt")) {
      BridgeClient a = w.joinAndListen("Anna");
      BridgeClient b = w.connect(w.join("Ben", ""));
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 1, 1).put("text", "erste"))), 1);
      assertError("conflict", b.command(Cmd.createNote("main", Cmd.note("n1", 9, 9).put("text", "zweite"))));
      assertOk(a.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 100, 100, "A"))), 2);
      assertError("conflict", b.command(Cmd.createSection("main", Cmd.section("s1", 5, 5, 100, 100, "B"))));
      JsonObject room = fullState(a, "main").getJsonObject("room");
      assertEquals(2, room.getLong("seq"));
      JsonArray notes = room.getJsonObject("state").getJsonArray("notes");
      assertEquals(1, notes.size());
      assertEquals("erste", notes.getJsonObject(0).getString("text"));
      assertEquals(1.0, notes.getJsonObject(0).getDouble("x"));
      assertEquals("A", room.getJsonObject("state").getJsonArray("sections").getJsonObject(0).getString("title"));
    }
  }

  @Test
  void aNoteOfAnotherBoardCannotBeReachedFromThisBoard() {
    try (Workshop other = Workshop.create(node, "Anderes Board");
         Workshop mine = Workshop.create(node, "Mein Board")) {
      BridgeClient owner = other.joinAndListen("Olaf");
      assertOk(owner.command(Cmd.createNote("main", Cmd.note("shared-id", 5, 5).put("text", "geheim"))), 1);
      assertOk(owner.command(Cmd.createSection("main", Cmd.section("sec-id", 0, 0, 100, 100, "fremd"))), 2);

      BridgeClient intruder = mine.joinAndListen("Ingo");
      assertError("not_found", intruder.command(Cmd.updateNote("main", "shared-id", new JsonObject().put("text", "gehackt"))));
      assertError("not_found", intruder.command(Cmd.deleteNote("main", "shared-id")));
      assertError("not_found", intruder.command(Cmd.updateSection("main", "sec-id", new JsonObject().put("title", "x"))));
      assertError("not_found", intruder.command(Cmd.deleteSection("main", "sec-id")));

      JsonObject theirs = fullState(owner, "main").getJsonObject("room");
      assertEquals(2, theirs.getLong("seq"));
      JsonObject note = byId(theirs.getJsonObject("state").getJsonArray("notes"), "shared-id");
      assertEquals("geheim", note.getString("text"));
      assertEquals("fremd", byId(theirs.getJsonObject("state").getJsonArray("sections"), "sec-id").getString("title"));
      assertTrue(notes(intruder, "main").isEmpty());
      owner.roundTrip();
      assertEquals(2, owner.messages(other.roomAddress("main")).size(), "no event on the other board");
    }
  }

  @Test
  void aRoomThatDoesNotExistIsNotFound() {
    try (Workshop w = Workshop.create(node, "Räume")) {
      BridgeClient a = w.joinAndListen("Anna");
      assertError("not_found", a.command(Cmd.createNote("breakout-7", Cmd.note("n1", 0, 0))));
      assertError("not_found", a.command(Cmd.createSection("breakout-7", Cmd.section("s1", 0, 0, 100, 100, null))));
      assertError("not_found", a.command(Cmd.updateNote("breakout-7", "n1", new JsonObject().put("x", 1))));
      assertError("not_found", a.command(Cmd.sync("breakout-7", null, null)));
      assertEquals(0, fullState(a, "main").getJsonObject("room").getLong("seq"));
    }
  }

  @Test
  void malformedBodiesAreRefusedAndChangeNothing() {
    try (Workshop w = Workshop.create(node, "Kaputt")) {
      BridgeClient a = w.joinAndListen("Anna");
      assertError("invalid_input", a.command(null));
      assertError("invalid_input", requestWithBody(a, "note.create"));
      assertError("invalid_input", requestWithBody(a, 42));
      assertError("invalid_input", requestWithBody(a, new JsonArray().add(Cmd.createNote("main", Cmd.note("n0", 0, 0)))));
      JsonObject noCommandId = Cmd.createNote("main", Cmd.note("n1", 0, 0));
      noCommandId.remove("commandId");
      assertError("invalid_input", a.command(noCommandId));
      assertError("invalid_input", a.command(Cmd.createNote("main", new JsonObject().put("id", "n2").put("x", "10").put("y", 0))));
      assertError("invalid_input", a.command(Cmd.createNote("main", Cmd.note("n3", 0, 0).put("text", 42))));
      assertError("invalid_input", a.command(Cmd.createNote("main", Cmd.note("n4", 0, 0).put("color", "red"))));
      assertError("invalid_input", a.command(Cmd.createNote("main", Cmd.note("n5", 0, 0).put("text", "x".repeat(2001)))));
      assertError("invalid_input", a.command(Cmd.createNote("main", Cmd.note("n6", 0, 0).put("author", "someone"))));
      assertError("invalid_input", a.command(Cmd.createNote("main", Cmd.note("n7", 0, 0)).put("extra", true)));
      assertError("invalid_input", a.command(Cmd.createNote("main", Cmd.note("n8", 2_000_000, 0))));
      assertError("unknown_command", a.command(Cmd.command("note.explode").put("room", "main")));
      assertError("unknown_command", a.command(Cmd.command("room.create").put("room", "x")));

      JsonObject room = fullState(a, "main").getJsonObject("room");
      assertEquals(0, room.getLong("seq"));
      assertTrue(room.getJsonObject("state").getJsonArray("notes").isEmpty());
      assertTrue(a.messages(w.roomAddress("main")).isEmpty(), "no event went out");
    }
  }

  private static JsonObject requestWithBody(BridgeClient client, Object body) {
    return client.requestFrame("werkraum.commands", body, null).getJsonObject("body");
  }

  @Test
  void theSameCommandIdSentTwiceAppliesOnceAndRepliesTheSameSeq() {
    try (Workshop w = Workshop.create(node, "Idempotent")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      BridgeClient b = w.joinAndListen("Ben");
      JsonObject create = Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "einmal"));
      JsonObject first = a.command(create);
      assertOk(first, 1);
      JsonObject again = a.command(create.copy());
      assertEquals(first, again, "a resend returns the first outcome");

      JsonObject update = Cmd.updateNote("main", "n1", new JsonObject().put("text", "zweimal?"));
      assertOk(a.command(update), 2);
      assertOk(a.command(update.copy()), 2);
      // A later command shows every event before it has arrived.
      assertOk(a.command(Cmd.createNote("main", Cmd.note("marker", 0, 0))), 3);
      awaitEvent(b, w.roomAddress("main"), "note.created", 3);
      // A resend sends its event out again (its first node may have died before it did): the
      // same event, same seq, which browsers drop as one they have. Nothing was applied twice.
      List<JsonObject> events = b.messages(w.roomAddress("main"));
      assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.getLong("seq")).distinct().toList());
      for (JsonObject event : events) {
        assertEquals(events.stream().filter(e -> e.getLong("seq").equals(event.getLong("seq"))).findFirst().orElseThrow(),
            event, "a resent event is the event as committed");
      }
      JsonObject room = fullState(b, "main").getJsonObject("room");
      assertEquals(3, room.getLong("seq"));
      assertEquals(2, room.getJsonObject("state").getJsonArray("notes").size());
    }
  }

  @Test
  void aResentFailedCommandReturnsItsFirstOutcomeAndCommandIdsAreScopedToTheSender() {
    try (Workshop w = Workshop.create(node, "Idempotent 2")) {
      BridgeClient a = w.joinAndListen("Anna");
      BridgeClient b = w.connect(w.join("Ben", ""));
      JsonObject update = Cmd.updateNote("main", "n1", new JsonObject().put("text", "spät"));
      assertError("not_found", a.command(update));
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "früh"))), 1);
      // Resending the same commandId returns the recorded outcome, and applies nothing.
      assertError("not_found", a.command(update.copy()));
      assertEquals("früh", byId(notes(a, "main"), "n1").getString("text"));

      // Ben happens to pick the same commandId as Anna's create: it is his own command.
      JsonObject shared = Cmd.createNote("main", Cmd.note("n2", 0, 0));
      assertOk(a.command(shared.copy()), 2);
      assertOk(b.command(shared.copy().put("note", Cmd.note("n3", 0, 0))), 3);
      assertEquals(3, notes(a, "main").size());
    }
  }

  @Test
  void theFiveThousandAndFirstNoteOfARoomIsRefusedWithLimitReached() {
    try (Workshop w = Workshop.create(node, "Voll");
         DirectStore direct = new DirectStore(node.werkraum().vertx(), redis.url())) {
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      Actor actor = new Actor(w.id(), participantId(anna), Role.PARTICIPANT);
      int prefill = Limits.NOTES_PER_ROOM_MAX - 1;
      List<JsonObject> replies = direct.apply(actor, prefill,
          i -> Cmd.createNote("main", Cmd.note("f" + i, i % 100 * 10, i / 100 * 10).put("w", 40).put("h", 40)));
      assertTrue(replies.stream().allMatch(r -> r.getBoolean("ok")));

      assertOk(a.command(Cmd.createNote("main", Cmd.note("last", 0, 0))), Limits.NOTES_PER_ROOM_MAX);
      assertError("limit_reached", a.command(Cmd.createNote("main", Cmd.note("one-too-many", 0, 0))));
      // Other commands still work in a full room, and a deleted note makes room again.
      assertOk(a.command(Cmd.updateNote("main", "last", new JsonObject().put("text", "geht noch"))), Limits.NOTES_PER_ROOM_MAX + 1);
      assertOk(a.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 100, 100, null))), Limits.NOTES_PER_ROOM_MAX + 2);
      assertOk(a.command(Cmd.deleteNote("main", "f0")), Limits.NOTES_PER_ROOM_MAX + 3);
      assertOk(a.command(Cmd.createNote("main", Cmd.note("one-more", 0, 0))), Limits.NOTES_PER_ROOM_MAX + 4);

      String notesKey = Keys.notes(w.id(), "main");
      assertEquals(Limits.NOTES_PER_ROOM_MAX, direct.send(Request.cmd(Command.HLEN).arg(notesKey)).toInteger());
      assertEquals(0, direct.send(Request.cmd(Command.HEXISTS).arg(notesKey).arg("one-too-many")).toInteger());
    }
  }
}
