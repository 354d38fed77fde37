package io.werkraum.rooms;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Workshop.byId;
import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Note;
import io.werkraum.board.Section;
import io.werkraum.board.Sections;
import io.werkraum.store.EventCodec;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Breakout rooms through real frames against real Redis: what a facilitator sets up, where each
 * participant may look and write, and the harvest back into the plenary.
 */
class RoomsTest extends NodeTest {


  private static void refused(String code, BridgeClient client, JsonObject command) {
    assertError(code, client.command(command));
  }

  /** A rooms.create of rooms r1, r2, ... with these names. */
  private static JsonObject createRooms(String... names) {
    JsonObject[] rooms = new JsonObject[names.length];
    for (int i = 0; i < names.length; i++) {
      rooms[i] = Cmd.room("r" + (i + 1), names[i]);
    }
    return Cmd.createRooms(rooms);
  }

  private static JsonObject boardState(BridgeClient client) {
    return Workshop.fullState(client, "main").getJsonObject("board").getJsonObject("state");
  }

  private static String roomOf(BridgeClient client, String participant) {
    JsonObject p = byId(boardState(client).getJsonArray("participants"), participant);
    return p.getString("room");
  }

  @Test
  void roomsAreCreatedAndAParticipantWritesOnlyInTheirOwnRoomWhileTheyAreOpen() {
    try (Workshop w = Workshop.create(node, "Gruppenarbeit")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "Jena");
      JsonObject ben = w.join("Ben", "Gera");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.connect(ben);
      b.registerAndWait(w.boardAddress());

      fac.ok(createRooms("Mobilität", "Bildung"));
      JsonObject created = b.awaitMessage(w.boardAddress(), e -> "rooms.created".equals(e.getString("type")));
      assertEquals(2, created.getJsonArray("rooms").size());
      assertEquals(3, boardState(fac).getJsonArray("rooms").size(), "plenary and two rooms");

      Map<String, String> manual = Map.of(participantId(anna), "r1", participantId(ben), "r2");
      fac.ok(Cmd.command("rooms.assign").put("mode", "manual").put("assignments", new JsonObject(new HashMap<>(manual))));
      assertEquals("r1", roomOf(fac, participantId(anna)));

      // Assigned but not open: everyone is still in the plenary.
      a.ok(Cmd.createNote("main", Cmd.note("before", 0, 0)));
      refused("not_allowed", a, Cmd.createNote("r1", Cmd.note("early", 0, 0)));

      fac.ok(Cmd.command("rooms.open"));
      a.ok(Cmd.createNote("r1", Cmd.note("in-r1", 0, 0).put("text", "Radwege")));
      refused("not_allowed", a, Cmd.createNote("r2", Cmd.note("elsewhere", 0, 0)));
      refused("not_allowed", a, Cmd.createNote("main", Cmd.note("plenary", 0, 0)));
      refused("not_allowed", a, Cmd.sync("r2", null, null));
      // A browser reloaded inside its room learns from the refusal where it is.
      assertEquals("r1", a.command(Cmd.sync("main", null, null)).getString("room"));
      refused("not_found", a, Cmd.sync("r9", null, null));
      b.ok(Cmd.createNote("r2", Cmd.note("in-r2", 0, 0)));
      // The facilitator may enter any room.
      assertEquals(1, Workshop.notes(fac, "r1").size());
      assertEquals(1, Workshop.notes(fac, "r2").size());

      fac.ok(Cmd.command("rooms.close"));
      refused("not_allowed", a, Cmd.createNote("r1", Cmd.note("late", 0, 0)));
      a.ok(Cmd.createNote("main", Cmd.note("back", 0, 0)));
    }
  }

  @Test
  void aNoteBeingWrittenWhenTheRoomsCloseIsStillSavedInItsRoomAndHarvested() {
    try (Workshop w = Workshop.create(node, "Schluss")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "Jena");
      JsonObject ben = w.join("Ben", "Gera");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.connect(ben);
      fac.ok(createRooms("Verkehr", "Bildung"));
      fac.ok(Cmd.command("rooms.assign").put("mode", "manual").put("assignments",
          new JsonObject().put(participantId(anna), "r1").put(participantId(ben), "r2")));
      fac.ok(Cmd.command("rooms.open"));
      a.ok(Cmd.createNote("r1", Cmd.note("n1", 0, 0).put("text", "Busse")));

      // Anna is still writing when the facilitator closes the rooms; her save arrives after.
      fac.ok(Cmd.command("rooms.close"));
      a.ok(Cmd.updateNote("r1", "n1", new JsonObject().put("text", "Busse alle 10 Minuten")));
      // Only finishing what was begun there, by its members: nothing new, and no other room.
      refused("not_allowed", a, Cmd.createNote("r1", Cmd.note("late", 0, 0)));
      refused("not_allowed", a, Cmd.deleteNote("r1", "n1"));
      refused("not_allowed", b, Cmd.updateNote("r1", "n1", new JsonObject().put("text", "Fremd")));

      fac.ok(Cmd.command("rooms.harvest").put("room", "r1"));
      List<String> texts = Workshop.notes(fac, "main").stream().map(o -> ((JsonObject) o).getString("text")).toList();
      assertEquals(List.of("Busse alle 10 Minuten"), texts, "the harvest has what she wrote last");
    }
  }

  @Test
  void theControlViewWatchesEveryRoomWithOneCommand() {
    try (Workshop w = Workshop.create(node, "Überblick")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      BridgeClient a = w.connect(w.join("Anna", ""));
      fac.ok(createRooms("Eins", "Zwei"));
      fac.ok(Cmd.createNote("r1", Cmd.note("n1", 0, 0).put("text", "Schulweg")));

      // The first watch gets each room's full state, the next only what happened since.
      JsonObject first = fac.ok(Cmd.command("rooms.watch").put("rooms", new JsonObject().putNull("r1").putNull("r2")));
      JsonObject r1 = first.getJsonObject("rooms").getJsonObject("r1");
      assertEquals("full", r1.getString("mode"));
      assertEquals("Schulweg", r1.getJsonObject("state").getJsonArray("notes").getJsonObject(0).getString("text"));
      assertEquals(0, first.getJsonObject("rooms").getJsonObject("r2").getJsonObject("state").getJsonArray("notes").size());
      fac.ok(Cmd.createNote("r2", Cmd.note("n2", 0, 0).put("text", "Busse")));
      JsonObject next = fac.ok(Cmd.command("rooms.watch").put("rooms", new JsonObject()
          .put("r1", r1.getLong("seq"))
          .put("r2", first.getJsonObject("rooms").getJsonObject("r2").getLong("seq"))));
      assertEquals(new JsonArray(), next.getJsonObject("rooms").getJsonObject("r1").getJsonArray("events"));
      JsonArray events = next.getJsonObject("rooms").getJsonObject("r2").getJsonArray("events");
      assertEquals("note.created", events.getJsonObject(0).getString("type"));

      refused("not_allowed", a, Cmd.command("rooms.watch").put("rooms", new JsonObject().putNull("r1")));
      refused("invalid_input", fac, Cmd.command("rooms.watch").put("rooms", new JsonObject()));
      refused("invalid_input", fac, Cmd.command("rooms.watch").put("rooms", new JsonObject().put("r1", -1)));
      refused("invalid_input", fac, Cmd.command("rooms.watch").put("rooms", new JsonObject().putNull("no room!")));
    }
  }

  @Test
  void aParticipantListensOnlyToTheirRoomAndStopsHearingARoomTheyLeft() {
    try (Workshop w = Workshop.create(node, "Zuhören")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      fac.ok(createRooms("Eins", "Zwei"));
      fac.ok(Cmd.command("participant.move").put("id", participantId(anna)).put("room", "r1"));
      fac.ok(Cmd.command("rooms.open"));

      int mark = a.mark();
      a.register(w.boardAddress());
      a.register(w.roomAddress("r2"));
      a.awaitFrameAfter(mark, f -> "err".equals(f.getString("type")) && "rejected".equals(f.getString("body")));
      a.registerAndWait(w.roomAddress("r1"));

      fac.ok(Cmd.createNote("r1", Cmd.note("for-anna", 0, 0)));
      a.awaitMessageAfter(mark, w.roomAddress("r1"), e -> "note.created".equals(e.getString("type")));

      // Moved to room 2: what happens in room 1 no longer reaches her, even though she listens.
      fac.ok(Cmd.command("participant.move").put("id", participantId(anna)).put("room", "r2"));
      a.awaitMessageAfter(mark, w.boardAddress(), e -> "participant.updated".equals(e.getString("type")));
      int moved = a.mark();
      a.register(w.roomAddress("r2"));
      // The guard decides a registration after reading the store; probe until it is in place.
      for (int i = 0; i < 50 && a.messages(w.roomAddress("r2")).isEmpty(); i++) {
        fac.ok(Cmd.createNote("r2", Cmd.note("probe" + i, 0, 0)));
      }
      assertFalse(a.messages(w.roomAddress("r2")).isEmpty(), "her new room reaches her");
      fac.ok(Cmd.createNote("r1", Cmd.note("secret", 0, 0)));
      fac.ok(Cmd.createNote("r2", Cmd.note("for-anna-now", 0, 0)));
      a.awaitMessageAfter(moved, w.roomAddress("r2"), e -> "note.created".equals(e.getString("type")));
      assertTrue(a.messages(w.roomAddress("r1")).stream()
              .noneMatch(e -> e.getJsonObject("note") != null && "secret".equals(e.getJsonObject("note").getString("id"))),
          "a room she left does not reach her");
    }
  }

  @Test
  void aRoomCanStartFromACopyOfAPlenarySection() {
    try (Workshop w = Workshop.create(node, "Vorlage")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.ok(Cmd.createSection("main", Cmd.section("tpl", 0, 0, 600, 400, "Leitfragen")));
      fac.ok(Cmd.createNote("main", Cmd.note("q1", 50, 80).put("text", "Was läuft gut?")));
      fac.ok(Cmd.createNote("main", Cmd.note("outside", 2000, 2000).put("text", "nicht kopieren")));
      fac.ok(createRooms("A", "B").put("templateSection", "tpl"));
      for (String room : List.of("r1", "r2")) {
        JsonArray notes = Workshop.notes(fac, room);
        assertEquals(1, notes.size(), room + ": only the notes inside the section");
        assertEquals("Was läuft gut?", notes.getJsonObject(0).getString("text"));
        assertEquals("Leitfragen", Workshop.sections(fac, room).getJsonObject(0).getString("title"));
      }
      refused("not_found", fac, createRooms("C").put("templateSection", "nope").put("rooms",
          new JsonArray().add(new JsonObject().put("id", "r3").put("name", "C"))));
      refused("conflict", fac, createRooms("A again"));
    }
  }

  @Test
  void balancedAssignmentMixesOrganisationsAndEveryoneGetsARoom() {
    try (Workshop w = Workshop.create(node, "Mischung")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      String[] towns = {"Jena", "Jena", "Jena", "Gera", "Gera", "Gera"};
      for (int i = 0; i < towns.length; i++) {
        w.join("P" + i, towns[i]);
      }
      fac.ok(createRooms("Eins", "Zwei", "Drei"));
      fac.ok(Cmd.command("rooms.assign").put("mode", "balanced"));
      JsonArray participants = boardState(fac).getJsonArray("participants");
      Map<String, List<String>> organisationsByRoom = new HashMap<>();
      for (Object o : participants) {
        JsonObject p = (JsonObject) o;
        if ("participant".equals(p.getString("role"))) {
          assertNotNull(p.getString("room"), p.encode());
          organisationsByRoom.computeIfAbsent(p.getString("room"), r -> new java.util.ArrayList<>())
              .add(p.getString("organisation"));
        }
      }
      assertEquals(3, organisationsByRoom.size());
      organisationsByRoom.forEach((room, orgs) -> {
        assertEquals(2, orgs.size(), room + " " + orgs);
        assertEquals(2, orgs.stream().distinct().count(), room + " mixes organisations: " + orgs);
      });
    }
  }

  @Test
  void participantsPickTheirRoomOnlyWhenTheFacilitatorLetsThem() {
    try (Workshop w = Workshop.create(node, "Wahl")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      fac.ok(createRooms("Eins", "Zwei"));
      refused("not_allowed", a, Cmd.command("room.choose").put("room", "r2"));
      fac.ok(Cmd.command("rooms.assign").put("mode", "choice"));
      a.ok(Cmd.command("room.choose").put("room", "r2"));
      refused("not_found", a, Cmd.command("room.choose").put("room", "main"));
      assertEquals("r2", roomOf(fac, participantId(anna)));
    }
  }

  @Test
  void harvestingBringsARoomsNotesIntoThePlenaryUnderItsName() {
    try (Workshop w = Workshop.create(node, "Ernte")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "Jena");
      BridgeClient a = w.connect(anna);
      BridgeClient watcher = w.joinAndListen("Ben");
      fac.ok(Cmd.createNote("main", Cmd.note("existing", 0, 0)));
      fac.ok(createRooms("Verkehr"));
      fac.ok(Cmd.command("participant.move").put("id", participantId(anna)).put("room", "r1"));
      fac.ok(Cmd.command("rooms.open"));
      a.ok(Cmd.createNote("r1", Cmd.note("n1", 0, 0).put("text", "Busse öfter")));
      a.ok(Cmd.createNote("r1", Cmd.note("n2", 300, 0).put("text", "Radweg Lobeda")));
      fac.ok(Cmd.command("rooms.close"));

      fac.ok(Cmd.command("rooms.harvest").put("room", "r1"));
      JsonObject harvested = watcher.awaitMessage(w.roomAddress("main"),
          e -> "rooms.harvested".equals(e.getString("type")));
      assertNotNull(harvested.getJsonObject("section"), harvested.encode());
      assertEquals("Verkehr", harvested.getJsonObject("section").getString("title"));
      assertEquals(2, harvested.getJsonArray("notes").size());
      JsonArray plenary = Workshop.notes(fac, "main");
      assertEquals(3, plenary.size());
      JsonObject copy = plenary.stream().map(o -> (JsonObject) o)
          .filter(n -> "Busse öfter".equals(n.getString("text"))).findFirst().orElseThrow();
      assertNotNull(copy.getJsonObject("origin"), copy.encode());
      assertEquals("r1", copy.getJsonObject("origin").getString("room"));
      assertEquals("Verkehr", copy.getJsonObject("origin").getString("roomName"));
      assertEquals(participantId(anna), copy.getString("author"));
      JsonObject section = Workshop.sections(fac, "main").getJsonObject(0);
      assertTrue(section.getDouble("x") >= 200, "placed right of what was there: " + section.encode());
      assertTrue(Sections.contains(EventCodec.read(section.encode(), Section.class), EventCodec.read(copy.encode(), Note.class)),
          "the copies lie inside the new section");
      refused("not_found", fac, Cmd.command("rooms.harvest").put("room", "main"));
    }
  }

  @Test
  void harvestingARoomAgainUpdatesItsSectionInsteadOfAddingASecond() {
    try (Workshop w = Workshop.create(node, "Nachernte")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      BridgeClient watcher = w.joinAndListen("Ben");
      fac.ok(createRooms("Verkehr"));
      fac.ok(Cmd.createNote("r1", Cmd.note("n1", 0, 0).put("text", "Busse öfter")));
      fac.ok(Cmd.createNote("r1", Cmd.note("n2", 300, 0).put("text", "Radweg Lobeda")));
      fac.ok(Cmd.command("rooms.harvest").put("room", "r1"));
      JsonObject first = Workshop.sections(fac, "main").getJsonObject(0);
      // The facilitator moves the harvest where it belongs; the room works on.
      fac.ok(Cmd.updateSection("main", first.getString("id"), new JsonObject().put("x", 5000).put("y", 3000)));
      fac.ok(Cmd.updateNote("r1", "n1", new JsonObject().put("text", "Busse alle 10 Minuten")));
      fac.ok(Cmd.deleteNote("r1", "n2"));
      fac.ok(Cmd.createNote("r1", Cmd.note("n3", 0, 300).put("text", "Carsharing")));
      int mark = watcher.mark();

      fac.ok(Cmd.command("rooms.harvest").put("room", "r1"));
      JsonArray sections = Workshop.sections(fac, "main");
      assertEquals(1, sections.size(), "one section per room, however often harvested: " + sections.encode());
      JsonObject section = sections.getJsonObject(0);
      assertEquals(first.getString("id"), section.getString("id"));
      assertEquals(5000, section.getDouble("x"), "stays where the facilitator put it");
      assertEquals(3000, section.getDouble("y"));
      JsonArray plenary = Workshop.notes(fac, "main");
      List<String> texts = plenary.stream().map(o -> ((JsonObject) o).getString("text")).sorted().toList();
      assertEquals(List.of("Busse alle 10 Minuten", "Carsharing"), texts, "the room as it is now");
      for (Object o : plenary) {
        assertTrue(Sections.contains(EventCodec.read(section.encode(), Section.class),
            EventCodec.read(((JsonObject) o).encode(), Note.class)), "inside the moved section: " + o);
      }
      JsonObject again = watcher.awaitMessageAfter(mark, w.roomAddress("main"),
          e -> "rooms.harvested".equals(e.getString("type")));
      assertEquals(1, again.getJsonArray("removed").size(), "the copy of the deleted note goes: " + again.encode());
    }
  }

  @Test
  void aHarvestLandsOnTheFreeSpotNearestThePointGivenOverlappingNothing() {
    try (Workshop w = Workshop.create(node, "Ernte im Blick")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.ok(Cmd.createSection("main", Cmd.section("frage", 0, 0, 800, 500, "Leitfrage")));
      fac.ok(Cmd.createNote("main", Cmd.note("da", 5000, 3000)));
      fac.ok(createRooms("Verkehr", "Wohnen"));
      fac.ok(Cmd.createNote("r1", Cmd.note("n1", 0, 0).put("text", "Busse öfter")));
      fac.ok(Cmd.createNote("r2", Cmd.note("n2", 0, 0).put("text", "Mieten")));

      // Where the facilitator looks, the plenary is empty: the section is centred there.
      fac.ok(Cmd.command("rooms.harvest").put("room", "r1").put("near", new JsonObject().put("x", -3000).put("y", 2000)));
      Section verkehr = section(fac, "r1");
      assertEquals(-3000, verkehr.x() + verkehr.w() / 2, verkehr.toString());
      assertEquals(2000, verkehr.y() + verkehr.h() / 2, verkehr.toString());
      // Looking at the question: the section goes beside it, not over it, and not far away.
      fac.ok(Cmd.command("rooms.harvest").put("room", "r2").put("near", new JsonObject().put("x", 400).put("y", 250)));
      Section wohnen = section(fac, "r2");
      for (JsonObject area : List.of(byId(Workshop.sections(fac, "main"), "frage"), byId(Workshop.notes(fac, "main"), "da"))) {
        assertFalse(wohnen.x() < area.getDouble("x") + area.getDouble("w") && area.getDouble("x") < wohnen.x() + wohnen.w()
            && wohnen.y() < area.getDouble("y") + area.getDouble("h") && area.getDouble("y") < wohnen.y() + wohnen.h(),
            wohnen + " overlaps " + area.encode());
      }
      assertTrue(Math.hypot(wohnen.x() + wohnen.w() / 2 - 400, wohnen.y() + wohnen.h() / 2 - 250) < 800,
          "beside the question, not right of everything: " + wohnen);
      assertTrue(Sections.contains(wohnen, EventCodec.read(Workshop.notes(fac, "main").stream().map(o -> (JsonObject) o)
          .filter(n -> "Mieten".equals(n.getString("text"))).findFirst().orElseThrow().encode(), Note.class)));

      // A later harvest leaves the section where it is, wherever the facilitator looks now.
      fac.ok(Cmd.command("rooms.harvest").put("room", "r1").put("near", new JsonObject().put("x", 9000).put("y", 9000)));
      assertEquals(verkehr.x(), section(fac, "r1").x());
      assertEquals(verkehr.y(), section(fac, "r1").y());
    }
  }

  @Test
  void aHarvestWithABadPointIsRefusedAndChangesNothing() {
    try (Workshop w = Workshop.create(node, "Ernte daneben")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.ok(createRooms("Verkehr"));
      fac.ok(Cmd.createNote("r1", Cmd.note("n1", 0, 0).put("text", "Busse öfter")));
      for (Object near : List.of(new JsonObject().put("x", 1), new JsonObject().put("x", "1").put("y", 2),
          new JsonObject().put("x", 1).put("y", 2_000_000),
          new JsonObject().put("x", 1).put("y", 2).put("zoom", 1), new JsonArray().add(1).add(2), "middle")) {
        refused("invalid_input", fac, Cmd.command("rooms.harvest").put("room", "r1").put("near", near));
      }
      assertEquals(0, Workshop.sections(fac, "main").size());
      assertEquals(0, Workshop.notes(fac, "main").size());
    }
  }

  /** The plenary's harvest section of a room, as stored. */
  private static Section section(BridgeClient client, String room) {
    return EventCodec.read(byId(Workshop.sections(client, "main"), HarvestLayout.sectionId(room)).encode(), Section.class);
  }

  @Test
  void onlyFacilitatorsRunTheRooms() {
    try (Workshop w = Workshop.create(node, "Rechte")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      for (JsonObject command : List.of(createRooms("X"), Cmd.command("rooms.assign").put("mode", "random"),
          Cmd.command("rooms.open"), Cmd.command("rooms.close"), Cmd.command("rooms.harvest").put("room", "r1"),
          Cmd.command("participant.move").put("id", "someone").put("room", "r1"))) {
        refused("not_allowed", a, command);
      }
    }
  }
}
