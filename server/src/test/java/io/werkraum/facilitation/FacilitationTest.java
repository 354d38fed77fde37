package io.werkraum.facilitation;

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
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestNode.HttpResult;
import io.werkraum.testing.Workshop;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What facilitators steer, over real bridge frames against real Redis: lock, spotlight, view,
 * broadcast, timer, removing people, links, and that nobody else can do any of it.
 */
class FacilitationTest extends NodeTest {


  /** The board part of a full sync: {board, participants, online, settings, rounds}. */
  static JsonObject boardState(BridgeClient client) {
    return fullState(client, "main").getJsonObject("board").getJsonObject("state");
  }

  static long boardSeq(BridgeClient client) {
    return fullState(client, "main").getJsonObject("board").getLong("seq");
  }

  static JsonObject settings(BridgeClient client) {
    return boardState(client).getJsonObject("settings");
  }

  /** The settings.updated event with the sequence number a command's reply gave. */
  static JsonObject settingsEvent(Workshop w, BridgeClient listener, JsonObject reply) {
    assertOk(reply);
    long seq = reply.getLong("seq");
    JsonObject event = listener.awaitMessage(w.boardAddress(),
        e -> "settings.updated".equals(e.getString("type")) && e.getLong("seq") == seq);
    assertNotNull(event.getJsonObject("patch"), event.encode());
    return event;
  }

  /** The stored (sequenced) events received on an address; not presence or online messages. */
  static List<JsonObject> stored(BridgeClient client, String address) {
    return client.messages(address).stream().filter(e -> e.containsKey("seq")).toList();
  }

  static String origin() {
    return "http://127.0.0.1:" + node.port();
  }

  static HttpResult join(Workshop w, String credentialField, String code, String name) {
    return node.post("/api/boards/" + w.id() + "/join",
        new JsonObject().put(credentialField, code).put("name", name).put("organisation", ""));
  }

  static JsonObject joinAsObserver(Workshop w, BridgeClient facilitator, String name) {
    String code = facilitator.command(Cmd.linksGet()).getJsonObject("links").getString("observer").split("#o=")[1];
    HttpResult joined = join(w, "observerCode", code, name);
    assertEquals(200, joined.status(), joined.body());
    return joined.json();
  }

  static int ticketStatus(Workshop w, JsonObject joined) {
    return TestNode.http(node.port()).postBearer("/api/boards/" + w.id() + "/ticket", joined.getString("token")).status();
  }

  static int sessionStatus(Workshop w, JsonObject joined) {
    return node.get("/api/boards/" + w.id() + "/session", joined.getString("token")).status();
  }

  /** A facilitator's socket listening on the board and main room. */
  static BridgeClient facilitator(Workshop w, JsonObject fay) {
    BridgeClient f = w.connect(fay);
    f.register(w.boardAddress());
    f.registerAndWait(w.roomAddress("main"));
    return f;
  }

  @Test
  void aLockedBoardRefusesParticipantsChangesToNotesAndSectionsButNotFacilitatorsHandsOrVotes() {
    try (Workshop w = Workshop.create(node, "Gesperrt")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      JsonObject anna = w.join("Anna", "Stadt Jena");
      BridgeClient a = w.connect(anna);
      a.register(w.boardAddress());
      a.registerAndWait(w.roomAddress("main"));
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "vorher"))));
      assertOk(a.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 800, 600, "Ideen"))));

      JsonObject locked = settingsEvent(w, a, f.command(Cmd.lock(true)));
      assertEquals(new JsonObject().put("locked", true), locked.getJsonObject("patch"));
      assertEquals(participantId(fay), locked.getString("by"));
      assertEquals(true, settings(a).getBoolean("locked"));
      long roomSeq = fullState(a, "main").getJsonObject("room").getLong("seq");
      int roomEvents = stored(a, w.roomAddress("main")).size();

      assertError("board_locked", a.command(Cmd.createNote("main", Cmd.note("n2", 10, 10))));
      assertError("board_locked", a.command(Cmd.updateNote("main", "n1", new JsonObject().put("text", "gesperrt?"))));
      assertError("board_locked", a.command(Cmd.updateNote("main", "n1", new JsonObject().put("x", 500))));
      assertError("board_locked", a.command(Cmd.deleteNote("main", "n1")));
      assertError("board_locked", a.command(Cmd.createSection("main", Cmd.section("s2", 0, 0, 100, 100, null))));
      assertError("board_locked", a.command(Cmd.updateSection("main", "s1", new JsonObject().put("title", "Ziele"))));
      assertError("board_locked", a.command(Cmd.deleteSection("main", "s1")));

      JsonObject room = fullState(a, "main").getJsonObject("room");
      assertEquals(roomSeq, room.getLong("seq"), "no refused change took a sequence number");
      JsonArray notes = room.getJsonObject("state").getJsonArray("notes");
      assertEquals(1, notes.size());
      assertEquals("vorher", notes.getJsonObject(0).getString("text"));
      assertEquals(0.0, notes.getJsonObject(0).getDouble("x"));
      JsonArray sections = room.getJsonObject("state").getJsonArray("sections");
      assertEquals(1, sections.size());
      assertEquals("Ideen", sections.getJsonObject(0).getString("title"));
      a.roundTrip();
      assertEquals(roomEvents, stored(a, w.roomAddress("main")).size(), "no event went out");

      // Hands, readiness and votes still work for participants while the board is locked.
      JsonObject hand = a.command(Cmd.updateParticipant(new JsonObject().put("hand", true).put("ready", true)));
      assertOk(hand);
      JsonObject updated = f.awaitMessage(w.boardAddress(),
          e -> "participant.updated".equals(e.getString("type")) && e.getLong("seq") == hand.getLong("seq"));
      assertEquals(new JsonObject().put("hand", true).put("ready", true), updated.getJsonObject("patch"));
      assertOk(f.command(Cmd.startRound("r1")));
      assertOk(a.command(Cmd.castVote("r1", "n1")));

      // The facilitator can still change notes and sections.
      assertOk(f.command(Cmd.updateNote("main", "n1", new JsonObject().put("text", "von Fay"))));
      a.awaitMessage(w.roomAddress("main"), e -> "note.updated".equals(e.getString("type"))
          && "von Fay".equals(e.getJsonObject("patch").getString("text")));
      assertOk(f.command(Cmd.createNote("main", Cmd.note("n3", 300, 0))));
      assertOk(f.command(Cmd.updateSection("main", "s1", new JsonObject().put("title", "Ziele"))));
      assertEquals("von Fay", byId(notes(a, "main"), "n1").getString("text"));

      JsonObject unlocked = settingsEvent(w, a, f.command(Cmd.lock(false)));
      assertEquals(new JsonObject().put("locked", false), unlocked.getJsonObject("patch"));
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n2", 10, 10).put("text", "wieder offen"))));
      assertOk(a.command(Cmd.deleteSection("main", "s1")));
      assertEquals("wieder offen", byId(notes(a, "main"), "n2").getString("text"));
      assertTrue(sections(a, "main").isEmpty());
    }
  }

  @Test
  void spotlightViewAndFollowAreSettingsEveryoneSees() {
    try (Workshop w = Workshop.create(node, "Fokus")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      BridgeClient a = w.joinAndListen("Anna");
      assertOk(f.command(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "Wichtig"))));

      JsonObject spot = settingsEvent(w, a, f.command(Cmd.spotlight("main", "n1")));
      assertEquals(new JsonObject().put("room", "main").put("id", "n1"), spot.getJsonObject("patch").getJsonObject("spotlight"));
      assertEquals(new JsonObject().put("room", "main").put("id", "n1"), settings(a).getJsonObject("spotlight"));
      JsonObject cleared = settingsEvent(w, a, f.command(Cmd.spotlightClear()));
      assertTrue(cleared.getJsonObject("patch").containsKey("spotlight"), cleared.encode());
      assertNull(cleared.getJsonObject("patch").getValue("spotlight"));
      assertNull(settings(a).getValue("spotlight"));

      JsonObject bring = settingsEvent(w, a, f.command(Cmd.bringToView(120, -40, 1.5)));
      JsonObject focus = bring.getJsonObject("patch").getJsonObject("focus");
      JsonObject viewport = focus.getJsonObject("viewport");
      assertEquals(120.0, viewport.getDouble("x"));
      assertEquals(-40.0, viewport.getDouble("y"));
      assertEquals(1.5, viewport.getDouble("zoom"));
      assertEquals(participantId(fay), focus.getString("by"));
      assertEquals(bring.getLong("at"), focus.getLong("at"));
      assertEquals(focus, settings(a).getJsonObject("focus"));
      assertError("invalid_input", f.command(Cmd.bringToView(0, 0, 100)));
      assertError("invalid_input", f.command(Cmd.bringToView(2_000_000, 0, 1)));

      JsonObject follow = settingsEvent(w, a, f.command(Cmd.follow(true)));
      assertEquals(participantId(fay), follow.getJsonObject("patch").getString("follow"));
      assertEquals(participantId(fay), settings(a).getString("follow"));
      JsonObject unfollow = settingsEvent(w, a, f.command(Cmd.follow(false)));
      assertTrue(unfollow.getJsonObject("patch").containsKey("follow"));
      assertNull(unfollow.getJsonObject("patch").getValue("follow"));
      assertNull(settings(a).getValue("follow"));
    }
  }


  @Test
  void theSpotlightFallsOnlyOnANoteThatExistsInTheRoomItNames() {
    try (Workshop w = Workshop.create(node, "Nur echte Notizen");
         Workshop other = Workshop.create(node, "Nachbarboard")) {
      BridgeClient f = facilitator(w, w.joinAsFacilitator("Fay"));
      assertOk(f.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      BridgeClient g = facilitator(other, other.joinAsFacilitator("Gil"));
      assertOk(g.command(Cmd.createNote("main", Cmd.note("elsewhere", 0, 0))));

      assertError("not_found", f.command(Cmd.spotlight("main", "missing")));
      assertError("not_found", f.command(Cmd.spotlight("main", "elsewhere")), "another board's note");
      assertError("not_found", f.command(Cmd.spotlight("no-such-room", "n1")));
      assertNull(settings(f).getValue("spotlight"), "nothing was stored");
      assertOk(f.command(Cmd.spotlight("main", "n1")));
    }
  }

  @Test
  void aBroadcastReachesEveryoneAndIsLimitedTo500Characters() {
    try (Workshop w = Workshop.create(node, "Durchsage")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      BridgeClient a = w.joinAndListen("Anna");

      JsonObject sent = settingsEvent(w, a, f.command(Cmd.broadcast("Noch 5 Minuten, dann Pause")));
      JsonObject banner = sent.getJsonObject("patch").getJsonObject("broadcast");
      assertEquals("Noch 5 Minuten, dann Pause", banner.getString("text"));
      assertEquals(participantId(fay), banner.getString("by"));
      assertEquals(sent.getLong("at"), banner.getLong("at"));
      assertEquals(banner, settings(a).getJsonObject("broadcast"));

      long seq = boardSeq(a);
      assertError("invalid_input", f.command(Cmd.broadcast("x".repeat(501))));
      assertError("invalid_input", f.command(Cmd.broadcast("   ")));
      assertError("invalid_input", f.command(Cmd.command("broadcast.send")));
      assertEquals(seq, boardSeq(a), "refused broadcasts change nothing");
      assertEquals("Noch 5 Minuten, dann Pause", settings(a).getJsonObject("broadcast").getString("text"));

      JsonObject longest = settingsEvent(w, a, f.command(Cmd.broadcast("y".repeat(500))));
      assertEquals(500, longest.getJsonObject("patch").getJsonObject("broadcast").getString("text").length());

      JsonObject cleared = settingsEvent(w, a, f.command(Cmd.broadcastClear()));
      assertTrue(cleared.getJsonObject("patch").containsKey("broadcast"));
      assertNull(cleared.getJsonObject("patch").getValue("broadcast"));
      assertNull(settings(a).getValue("broadcast"));
    }
  }

  @Test
  void theTimerStartsPausesResumesMovesAndResetsForEveryone() {
    try (Workshop w = Workshop.create(node, "Timer")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      BridgeClient a = w.joinAndListen("Anna");

      JsonObject started = settingsEvent(w, a, f.command(Cmd.timerStart(60_000)));
      JsonObject timer = started.getJsonObject("patch").getJsonObject("timer");
      assertEquals("running", timer.getString("status"));
      assertEquals(60_000L, timer.getLong("durationMs"));
      assertEquals(started.getLong("at") + 60_000, timer.getLong("endsAt"), "ends a minute after it started");
      assertFalse(timer.containsKey("remainingMs"), timer.encode());
      JsonObject synced = fullState(a, "main");
      assertEquals(timer, synced.getJsonObject("board").getJsonObject("state").getJsonObject("settings").getJsonObject("timer"));
      long left = timer.getLong("endsAt") - synced.getLong("serverTime");
      assertTrue(left > 0 && left <= 60_000, "time left by the server clock: " + left);
      assertError("conflict", f.command(Cmd.timerResume()));

      JsonObject paused = settingsEvent(w, a, f.command(Cmd.timerPause())).getJsonObject("patch").getJsonObject("timer");
      assertEquals("paused", paused.getString("status"));
      assertEquals(60_000L, paused.getLong("durationMs"));
      assertFalse(paused.containsKey("endsAt"), paused.encode());
      long remaining = paused.getLong("remainingMs");
      assertTrue(remaining > 0 && remaining <= 60_000, "remaining " + remaining);
      assertError("conflict", f.command(Cmd.timerPause()));

      JsonObject more = settingsEvent(w, a, f.command(Cmd.timerAdd(30_000))).getJsonObject("patch").getJsonObject("timer");
      assertEquals("paused", more.getString("status"));
      assertEquals(remaining + 30_000, more.getLong("remainingMs"));
      assertEquals(60_000L, more.getLong("durationMs"), "the set duration stays, for a reset");

      JsonObject resumedEvent = settingsEvent(w, a, f.command(Cmd.timerResume()));
      JsonObject resumed = resumedEvent.getJsonObject("patch").getJsonObject("timer");
      assertEquals("running", resumed.getString("status"));
      assertEquals(resumedEvent.getLong("at") + remaining + 30_000, resumed.getLong("endsAt"),
          "runs on from where it was paused");

      JsonObject less = settingsEvent(w, a, f.command(Cmd.timerAdd(-30_000))).getJsonObject("patch").getJsonObject("timer");
      assertEquals("running", less.getString("status"));
      assertEquals(resumed.getLong("endsAt") - 30_000, less.getLong("endsAt"));
      assertEquals(60_000L, less.getLong("durationMs"));

      JsonObject reset = settingsEvent(w, a, f.command(Cmd.timerReset())).getJsonObject("patch").getJsonObject("timer");
      assertEquals(new JsonObject().put("status", "idle").put("durationMs", 60_000).put("remainingMs", 60_000), reset);
      assertError("conflict", f.command(Cmd.timerPause()));

      JsonObject restartedEvent = settingsEvent(w, a, f.command(Cmd.timerStart(120_000)));
      JsonObject restarted = restartedEvent.getJsonObject("patch").getJsonObject("timer");
      JsonObject emptiedEvent = settingsEvent(w, a, f.command(Cmd.timerAdd(-24L * 3600 * 1000)));
      JsonObject emptied = emptiedEvent.getJsonObject("patch").getJsonObject("timer");
      assertEquals("running", emptied.getString("status"));
      assertEquals(emptiedEvent.getLong("at"), emptied.getLong("endsAt"), "never below zero: it ends now");
      assertTrue(emptied.getLong("endsAt") < restarted.getLong("endsAt"));
      JsonObject stopped = settingsEvent(w, a, f.command(Cmd.timerPause())).getJsonObject("patch").getJsonObject("timer");
      assertEquals(0L, stopped.getLong("remainingMs"));
      assertEquals(stopped, settings(a).getJsonObject("timer"));

      long seq = boardSeq(a);
      assertError("invalid_input", f.command(Cmd.timerStart(999)));
      assertError("invalid_input", f.command(Cmd.timerStart(24L * 3600 * 1000 + 1)));
      assertError("invalid_input", f.command(Cmd.timerAdd(24L * 3600 * 1000 + 1)));
      assertError("invalid_input", f.command(Cmd.command("timer.start")));
      assertEquals(seq, boardSeq(a));
    }
  }

  @Test
  void handAndReadyAreSeenByEveryoneAsParticipantUpdated() {
    try (Workshop w = Workshop.create(node, "Hände")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.joinAndListen("Ben");

      JsonObject raised = a.command(Cmd.updateParticipant(new JsonObject().put("hand", true)));
      assertOk(raised);
      for (BridgeClient other : List.of(f, b)) {
        JsonObject event = other.awaitMessage(w.boardAddress(),
            e -> "participant.updated".equals(e.getString("type")) && e.getLong("seq") == raised.getLong("seq"));
        assertEquals(participantId(anna), event.getString("id"));
        assertEquals(new JsonObject().put("hand", true), event.getJsonObject("patch"));
      }
      JsonObject ready = a.command(Cmd.updateParticipant(new JsonObject().put("ready", true).put("hand", false)));
      assertOk(ready);
      JsonObject event = b.awaitMessage(w.boardAddress(),
          e -> "participant.updated".equals(e.getString("type")) && e.getLong("seq") == ready.getLong("seq"));
      assertEquals(new JsonObject().put("ready", true).put("hand", false), event.getJsonObject("patch"));

      JsonObject stored = byId(boardState(b).getJsonArray("participants"), participantId(anna));
      assertEquals(true, stored.getBoolean("ready"));
      assertEquals(false, stored.getBoolean("hand"));
      assertEquals("Anna", stored.getString("name"));
      assertError("invalid_input", a.command(Cmd.updateParticipant(new JsonObject().put("hand", "yes"))));
    }
  }

  @Test
  void aFacilitatorLowersSomeonesRaisedHandForEveryone() {
    try (Workshop w = Workshop.create(node, "Wortmeldungen")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.joinAndListen("Ben");
      String annaId = participantId(anna);
      assertOk(a.command(Cmd.updateParticipant(new JsonObject().put("hand", true))));

      JsonObject lowered = f.command(Cmd.lowerHand(annaId));
      assertOk(lowered);
      JsonObject event = b.awaitMessage(w.boardAddress(),
          e -> "participant.updated".equals(e.getString("type")) && e.getLong("seq") == lowered.getLong("seq"));
      assertEquals(annaId, event.getString("id"));
      assertEquals(new JsonObject().put("hand", false), event.getJsonObject("patch"));
      JsonObject stored = byId(boardState(b).getJsonArray("participants"), annaId);
      assertEquals(false, stored.getBoolean("hand"));
      assertEquals("Anna", stored.getString("name"));
      assertError("not_found", f.command(Cmd.lowerHand("p-gone")));
    }
  }

  @Test
  void aRemovedParticipantIsDisconnectedAndCanNeitherGetATicketNorASession() {
    try (Workshop w = Workshop.create(node, "Entfernen")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      JsonObject mallory = w.join("Mallory", "Spam GmbH");
      BridgeClient m = w.connect(mallory);
      m.registerAndWait(w.boardAddress());
      BridgeClient b = w.joinAndListen("Ben");
      assertEquals(200, ticketStatus(w, mallory));
      String earlierTicket = TestNode.http(node.port())
          .postBearer("/api/boards/" + w.id() + "/ticket", mallory.getString("token")).json().getString("ticket");

      JsonObject removed = f.command(Cmd.removeParticipant(participantId(mallory)));
      assertOk(removed);
      JsonObject event = b.awaitMessage(w.boardAddress(),
          e -> "participant.removed".equals(e.getString("type")) && e.getLong("seq") == removed.getLong("seq"));
      assertEquals(participantId(mallory), event.getString("id"));
      assertEquals(participantId(fay), event.getString("by"));

      assertTrue(m.awaitClosed(), "the server closed the removed participant's socket");
      assertEquals(401, ticketStatus(w, mallory));
      assertEquals(401, sessionStatus(w, mallory));
      assertTrue(BridgeClient.refused(node.werkraum().vertx(), node.port(), mallory.getString("token"), origin()));
      assertTrue(BridgeClient.refusedTicket(node.werkraum().vertx(), node.port(), earlierTicket, origin()),
          "a ticket obtained before the removal no longer opens a socket");
      assertNull(byId(boardState(b).getJsonArray("participants"), participantId(mallory)));

      // Everyone else goes on as before.
      assertOk(b.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      assertFalse(b.isClosed());
      assertEquals(200, sessionStatus(w, fay));

      long seq = boardSeq(b);
      assertError("invalid_input", f.command(Cmd.removeParticipant(participantId(fay))));
      assertNotNull(byId(boardState(b).getJsonArray("participants"), participantId(fay)),
          "a facilitator cannot remove themselves");
      assertError("not_found", f.command(Cmd.removeParticipant(participantId(mallory))));
      assertError("not_found", f.command(Cmd.removeParticipant("nobody")));
      assertEquals(seq, boardSeq(b));
      assertFalse(f.isClosed());
    }
  }

  @Test
  void linksGetGivesTheThreeLinksAsPathsWithTheirSecretInTheFragment() {
    try (Workshop w = Workshop.create(node, "Links")) {
      BridgeClient f = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject reply = f.command(Cmd.linksGet());
      assertOk(reply);
      JsonObject links = reply.getJsonObject("links");
      String base = "/b/" + w.id();
      assertEquals(base + "#f=" + w.board().getString("facilitatorSecret"), links.getString("facilitator"));
      assertEquals(base + "#j=" + w.board().getString("joinCode"), links.getString("participant"));
      assertTrue(links.getString("observer").matches(java.util.regex.Pattern.quote(base) + "#o=[A-Za-z0-9_-]{8,64}"),
          links.getString("observer"));
      assertEquals(links, f.command(Cmd.linksGet()).getJsonObject("links"), "asking again changes nothing");

      String observerCode = links.getString("observer").split("#o=")[1];
      HttpResult observer = join(w, "observerCode", observerCode, "Olga");
      assertEquals(200, observer.status(), observer.body());
      assertEquals("observer", observer.json().getJsonObject("participant").getString("role"));
    }
  }

  @Test
  void renewingTheParticipantLinkLocksOutTheOldLinkButNotThoseWhoJoined() {
    try (Workshop w = Workshop.create(node, "Neuer Link")) {
      BridgeClient f = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "Stadt Jena");
      BridgeClient a = w.connect(anna);
      JsonObject before = f.command(Cmd.linksGet()).getJsonObject("links");
      String oldCode = w.board().getString("joinCode");

      JsonObject renewed = f.command(Cmd.linksRenew("participant"));
      assertOk(renewed);
      JsonObject links = renewed.getJsonObject("links");
      String newCode = links.getString("participant").split("#j=")[1];
      assertNotEquals(oldCode, newCode);
      assertEquals(before.getString("facilitator"), links.getString("facilitator"));
      assertEquals(before.getString("observer"), links.getString("observer"));
      assertEquals(links, f.command(Cmd.linksGet()).getJsonObject("links"));

      HttpResult refused = join(w, "joinCode", oldCode, "Spät");
      assertEquals(403, refused.status(), refused.body());
      assertEquals("not_allowed", refused.json().getString("code"));
      HttpResult joined = join(w, "joinCode", newCode, "Ben");
      assertEquals(200, joined.status(), joined.body());
      assertEquals("participant", joined.json().getJsonObject("participant").getString("role"));

      // Anna joined with the old link: her socket, token and identity keep working.
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "noch da"))));
      assertEquals(200, ticketStatus(w, anna));
      assertEquals(200, sessionStatus(w, anna));
      BridgeClient again = w.connect(anna);
      assertOk(again.command(Cmd.updateParticipant(new JsonObject().put("hand", true))));
      assertEquals(participantId(anna), byId(notes(again, "main"), "n1").getString("author"));
    }
  }

  @Test
  void renewingTheObserverLinkLocksOutTheOldObserverLinkOnly() {
    try (Workshop w = Workshop.create(node, "Neuer Beobachterlink")) {
      BridgeClient f = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject olga = joinAsObserver(w, f, "Olga");
      BridgeClient o = w.connect(olga);
      JsonObject before = f.command(Cmd.linksGet()).getJsonObject("links");
      String oldCode = before.getString("observer").split("#o=")[1];

      JsonObject links = f.command(Cmd.linksRenew("observer")).getJsonObject("links");
      String newCode = links.getString("observer").split("#o=")[1];
      assertNotEquals(oldCode, newCode);
      assertEquals(before.getString("participant"), links.getString("participant"));
      assertEquals(before.getString("facilitator"), links.getString("facilitator"));

      assertEquals(403, join(w, "observerCode", oldCode, "Otto").status());
      HttpResult joined = join(w, "observerCode", newCode, "Otto");
      assertEquals(200, joined.status(), joined.body());
      assertEquals("observer", joined.json().getJsonObject("participant").getString("role"));
      assertEquals(200, join(w, "joinCode", w.board().getString("joinCode"), "Anna").status(),
          "the participant link still works");
      assertEquals(200, ticketStatus(w, olga), "Olga, who joined before, still gets in");
      fullState(o, "main");
      assertError("invalid_input", f.command(Cmd.linksRenew("facilitator")));
    }
  }

  @Test
  void anObserverCanWatchButNotChangeVoteOrListenToTheFacilitators() {
    try (Workshop w = Workshop.create(node, "Beobachten")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      assertOk(f.command(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "Vorschlag"))));
      assertOk(f.command(Cmd.startRound("r1")));
      JsonObject olga = joinAsObserver(w, f, "Olga");
      assertEquals("observer", olga.getJsonObject("participant").getString("role"));
      BridgeClient o = w.connect(olga);
      o.register(w.boardAddress());
      o.register(w.roomAddress("main"));
      o.register(w.personalAddress(participantId(olga)));
      o.roundTrip();
      assertEquals(List.of(), o.errors(), "board, room and own address are allowed");
      o.registerAndWait(w.facilitatorsAddress());
      assertEquals(List.of("rejected"), o.errors());

      JsonObject state = fullState(o, "main");
      assertEquals("Vorschlag", state.getJsonObject("room").getJsonObject("state").getJsonArray("notes").getJsonObject(0).getString("text"));
      assertNotNull(state.getJsonObject("board").getJsonObject("state").getJsonObject("settings"));
      assertFalse(state.containsKey("progress"), "observers get no voting progress");

      long boardSeq = state.getJsonObject("board").getLong("seq");
      long roomSeq = state.getJsonObject("room").getLong("seq");
      assertError("not_allowed", o.command(Cmd.createNote("main", Cmd.note("n2", 0, 0))));
      assertError("not_allowed", o.command(Cmd.updateNote("main", "n1", new JsonObject().put("text", "x"))));
      assertError("not_allowed", o.command(Cmd.castVote("r1", "n1")));
      assertError("not_allowed", o.command(Cmd.retractVote("r1", "n1")));
      assertError("not_allowed", o.command(Cmd.updateParticipant(new JsonObject().put("hand", true))));
      assertError("not_allowed", o.command(Cmd.lock(true)));
      JsonObject after = fullState(o, "main");
      assertEquals(boardSeq, after.getJsonObject("board").getLong("seq"));
      assertEquals(roomSeq, after.getJsonObject("room").getLong("seq"));

      // What happens on the board reaches the observer.
      assertOk(f.command(Cmd.updateNote("main", "n1", new JsonObject().put("text", "Beschluss"))));
      o.awaitMessage(w.roomAddress("main"), e -> "note.updated".equals(e.getString("type")));
      assertOk(f.command(Cmd.broadcast("Willkommen")));
      o.awaitMessage(w.boardAddress(), e -> "settings.updated".equals(e.getString("type")));
      assertTrue(o.messages(w.facilitatorsAddress()).isEmpty());
    }
  }

  @Test
  void onlyFacilitatorsMayListenOnTheFacilitatorsAddress() {
    try (Workshop w = Workshop.create(node, "Nur Moderation")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = w.connect(fay);
      String facilitators = w.facilitatorsAddress();
      f.registerAndWait(facilitators);
      assertEquals(List.of(), f.errors());
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      a.registerAndWait(facilitators);
      assertEquals(List.of("rejected"), a.errors());

      assertOk(f.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      assertOk(f.command(Cmd.startRound("r1")));
      assertOk(a.command(Cmd.castVote("r1", "n1")));
      JsonObject progress = f.awaitMessage(facilitators, e -> "round.progress".equals(e.getString("type")));
      assertEquals("r1", progress.getString("round"));
      a.roundTrip();
      assertTrue(a.messages(facilitators).isEmpty());
    }
  }

  @Test
  void aParticipantIsRefusedEveryFacilitatorCommandAndNothingChanges() {
    try (Workshop w = Workshop.create(node, "Keine Moderation")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      assertOk(f.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      assertOk(f.command(Cmd.startRound("r0")));
      assertOk(f.command(Cmd.timerStart(60_000)));
      JsonObject anna = w.join("Anna", "");
      JsonObject ben = w.join("Ben", "");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.connect(ben);
      JsonObject before = boardState(a);
      long seq = boardSeq(a);
      JsonObject linksBefore = f.command(Cmd.linksGet()).getJsonObject("links");
      int boardEvents = stored(f, w.boardAddress()).size();

      List<JsonObject> commands = List.of(
          Cmd.lock(true),
          Cmd.spotlight("main", "n1"),
          Cmd.spotlightClear(),
          Cmd.bringToView(0, 0, 1),
          Cmd.follow(true),
          Cmd.broadcast("Alle mal herhören"),
          Cmd.broadcastClear(),
          Cmd.timerStart(60_000),
          Cmd.timerPause(),
          Cmd.timerResume(),
          Cmd.timerAdd(60_000),
          Cmd.timerReset(),
          Cmd.removeParticipant(participantId(ben)),
          Cmd.removeParticipant(participantId(fay)),
          Cmd.lowerHand(participantId(ben)),
          Cmd.linksGet(),
          Cmd.linksRenew("participant"),
          Cmd.linksRenew("observer"),
          Cmd.startRound("r1"),
          Cmd.closeRound("r0"),
          Cmd.showRound("r0"),
          Cmd.showRound(null));
      for (JsonObject command : commands) {
        JsonObject reply = a.command(command);
        assertError("not_allowed", reply);
        assertFalse(reply.containsKey("links"), reply.encode());
      }

      assertEquals(seq, boardSeq(a), "no refused command took a sequence number");
      JsonObject after = boardState(a);
      assertEquals(before.getJsonObject("settings"), after.getJsonObject("settings"));
      assertEquals(before.getJsonArray("participants").size(), after.getJsonArray("participants").size());
      assertEquals(before.getJsonArray("rounds"), after.getJsonArray("rounds"));
      assertEquals("open", after.getJsonArray("rounds").getJsonObject(0).getString("status"));
      assertEquals(linksBefore, f.command(Cmd.linksGet()).getJsonObject("links"));
      assertEquals(200, join(w, "joinCode", w.board().getString("joinCode"), "Carla").status());
      assertFalse(b.isClosed());
      assertOk(b.command(Cmd.updateParticipant(new JsonObject().put("hand", true))));
      // Carla's join and Ben's hand are the only events after the refused commands.
      f.awaitMessage(w.boardAddress(), e -> "participant.updated".equals(e.getString("type")));
      assertEquals(boardEvents + 2, stored(f, w.boardAddress()).size(), stored(f, w.boardAddress()).toString());
    }
  }

  @Test
  void theFullBoardStateCarriesTheSettingsAndNoLinkSecrets() {
    try (Workshop w = Workshop.create(node, "Zustand")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient f = facilitator(w, fay);
      BridgeClient a = w.connect(w.join("Anna", ""));
      JsonObject empty = boardState(a);
      assertEquals(new JsonObject(), empty.getJsonObject("settings"), "no settings before any change");

      assertOk(f.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      assertOk(f.command(Cmd.lock(true)));
      assertOk(f.command(Cmd.broadcast("Pause bis 11 Uhr")));
      assertOk(f.command(Cmd.spotlight("main", "n1")));
      assertOk(f.command(Cmd.timerStart(300_000)));
      JsonObject links = f.command(Cmd.linksGet()).getJsonObject("links");
      List<String> secrets = List.of(
          links.getString("facilitator").split("#f=")[1],
          links.getString("participant").split("#j=")[1],
          links.getString("observer").split("#o=")[1]);

      for (BridgeClient client : List.of(a, f)) {
        JsonObject reply = fullState(client, "main");
        JsonObject state = reply.getJsonObject("board").getJsonObject("state");
        for (String key : List.of("board", "participants", "online", "settings", "rounds")) {
          assertTrue(state.containsKey(key), key + " in " + state.encode());
        }
        JsonObject settings = state.getJsonObject("settings");
        assertEquals(true, settings.getBoolean("locked"));
        assertEquals("Pause bis 11 Uhr", settings.getJsonObject("broadcast").getString("text"));
        assertEquals("n1", settings.getJsonObject("spotlight").getString("id"));
        assertEquals("running", settings.getJsonObject("timer").getString("status"));
        assertEquals(java.util.Set.of("id", "title", "createdAt"), state.getJsonObject("board").fieldNames());
        String encoded = reply.encode();
        for (String secret : secrets) {
          assertFalse(encoded.contains(secret), "a link secret in the sync reply: " + encoded);
        }
      }
    }
  }
}
