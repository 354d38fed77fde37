package io.werkraum.voting;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static io.werkraum.testing.Workshop.fullState;
import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.werkraum.store.Keys;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dot voting over real bridge frames against real Redis: rounds, the budget and per-note cap,
 * scope, what stays hidden while a round is open, the results, and what is left of an anonymous
 * round once it is closed.
 */
class VotingTest extends NodeTest {
  static DirectStore direct;

  @BeforeAll
  static void openStore() {
    direct = new DirectStore(node.werkraum().vertx(), redis.url());
  }

  @AfterAll
  static void closeStore() {
    direct.close();
  }

  /** Someone on the board: what the join returned, their socket, their id. */
  record Person(JsonObject joined, BridgeClient socket, String id) {}

  /** Joins a participant whose socket listens on the board, the main room and their own address. */
  static Person participant(Workshop w, String name, String organisation) {
    JsonObject joined = w.join(name, organisation);
    return listening(w, joined);
  }

  /** Joins the facilitator, listening also on the facilitators' address, and creates the notes. */
  static Person facilitator(Workshop w, String... notes) {
    Person fay = listening(w, w.joinAsFacilitator("Fay"));
    fay.socket().registerAndWait(w.facilitatorsAddress());
    for (int i = 0; i < notes.length; i++) {
      assertOk(fay.socket().command(Cmd.createNote("main",
          Cmd.note(notes[i], i * 300, 0).put("text", "Idee " + notes[i]))));
    }
    return fay;
  }

  private static Person listening(Workshop w, JsonObject joined) {
    BridgeClient socket = w.connect(joined);
    socket.register(w.boardAddress());
    socket.register(w.roomAddress("main"));
    socket.registerAndWait(w.personalAddress(participantId(joined)));
    assertEquals(List.of(), socket.errors());
    return new Person(joined, socket, participantId(joined));
  }

  /** A vote's reply: {ok, round, mine, remaining}. */
  static void assertVote(JsonObject reply, String round, JsonObject mine, int remaining) {
    assertOk(reply);
    assertEquals(round, reply.getString("round"), reply.encode());
    assertEquals(mine, reply.getJsonObject("mine"), reply.encode());
    assertEquals(remaining, reply.getInteger("remaining"), reply.encode());
  }

  /** note -> count pairs. */
  static JsonObject mine(Object... noteCounts) {
    JsonObject mine = new JsonObject();
    for (int i = 0; i < noteCounts.length; i += 2) {
      mine.put((String) noteCounts[i], noteCounts[i + 1]);
    }
    return mine;
  }

  static void cast(Person who, String round, String note, int times) {
    for (int i = 0; i < times; i++) {
      assertOk(who.socket().command(Cmd.castVote(round, note)));
    }
  }

  static JsonObject roundState(BridgeClient client, String round) {
    JsonArray rounds = fullState(client, "main").getJsonObject("board").getJsonObject("state").getJsonArray("rounds");
    return Workshop.byId(rounds, round);
  }

  static JsonObject awaitBoardEvent(Workshop w, BridgeClient client, String type, String round) {
    return client.awaitMessage(w.boardAddress(), e -> type.equals(e.getString("type"))
        && e.getJsonObject("round") != null && round.equals(e.getJsonObject("round").getString("id")));
  }

  /** The live round.closed event with this sequence number, as it arrived on the board address. */
  static JsonObject liveClosedEvent(Workshop w, BridgeClient client, long seq) {
    return client.awaitMessage(w.boardAddress(), e -> "round.closed".equals(e.getString("type")) && e.getLong("seq") == seq);
  }

  /** The round.closed event with this sequence number as the op log keeps it (a delta sync). */
  static JsonObject loggedClosedEvent(BridgeClient client, long seq) {
    JsonObject reply = client.command(Cmd.sync("main", seq - 1, null));
    assertOk(reply);
    JsonObject board = reply.getJsonObject("board");
    assertEquals("delta", board.getString("mode"), reply.encode());
    for (Object e : board.getJsonArray("events")) {
      JsonObject event = (JsonObject) e;
      if (event.getLong("seq") == seq) {
        assertEquals("round.closed", event.getString("type"), event.encode());
        return event;
      }
    }
    throw new AssertionError("no event " + seq + " in " + reply.encode());
  }

  static JsonObject rankingEntry(JsonObject results, String note) {
    for (Object o : results.getJsonArray("ranking")) {
      JsonObject entry = (JsonObject) o;
      if (note.equals(entry.getString("note"))) {
        return entry;
      }
    }
    return null;
  }

  static JsonArray sorted(JsonArray ids) {
    return new JsonArray(ids.stream().map(String::valueOf).sorted().toList());
  }

  static Set<String> strings(JsonArray array) {
    Set<String> set = new HashSet<>();
    array.forEach(v -> set.add((String) v));
    return set;
  }

  static List<String> keys(String pattern) {
    List<String> keys = new ArrayList<>();
    for (Response key : direct.send(Request.cmd(Command.KEYS).arg(pattern))) {
      keys.add(key.toString());
    }
    return keys;
  }

  @Test
  void aRoundStartsWithDefaultsAndRefusesBadSettings() {
    try (Workshop w = Workshop.create(node, "Runden")) {
      Person fay = facilitator(w, "n1");
      BridgeClient f = fay.socket();
      Person anna = participant(w, "Anna", "Stadt Jena");

      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("votesPerParticipant", 0))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("votesPerParticipant", 100))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("maxPerNote", 6))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("votesPerParticipant", 3).put("maxPerNote", 4))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("maxPerNote", 0))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("durationMs", 9_999))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("durationMs", 2L * 3600 * 1000 + 1))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("sections", "s1"))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("anonymous", "yes"))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r 0"))));
      assertError("invalid_input", f.command(Cmd.startRound(new JsonObject().put("id", "r0").put("color", "red"))));
      assertTrue(fullState(f, "main").getJsonObject("board").getJsonObject("state").getJsonArray("rounds").isEmpty());

      JsonObject reply = f.command(Cmd.startRound("r1"));
      assertOk(reply);
      JsonObject started = awaitBoardEvent(w, anna.socket(), "round.started", "r1");
      assertEquals(reply.getLong("seq"), started.getLong("seq"));
      JsonObject round = started.getJsonObject("round");
      assertEquals(5, round.getInteger("votesPerParticipant"));
      assertEquals(3, round.getInteger("maxPerNote"));
      assertEquals(true, round.getBoolean("anonymous"));
      assertEquals("main", round.getString("room"));
      assertEquals("open", round.getString("status"));
      assertEquals(started.getLong("at"), round.getLong("startedAt"));
      assertNull(round.getValue("endsAt"), "no time limit by default");
      assertNull(round.getValue("sections"), "the whole room by default");
      assertFalse(round.containsKey("results"));
      assertEquals(round, roundState(anna.socket(), "r1"));

      assertError("conflict", f.command(Cmd.startRound("r2")));
      assertError("conflict", f.command(Cmd.startRound("r1")));
      assertEquals(1, fullState(f, "main").getJsonObject("board").getJsonObject("state").getJsonArray("rounds").size());

      assertOk(f.command(Cmd.closeRound("r1")));
      assertError("conflict", f.command(Cmd.startRound("r1")), "a closed round's id is taken");
      assertOk(f.command(Cmd.startRound(new JsonObject().put("id", "r2").put("title", " Prioritäten ")
          .put("votesPerParticipant", 2).put("anonymous", false).put("durationMs", 600_000))));
      JsonObject second = awaitBoardEvent(w, anna.socket(), "round.started", "r2").getJsonObject("round");
      assertEquals("Prioritäten", second.getString("title"));
      assertEquals(2, second.getInteger("votesPerParticipant"));
      assertEquals(2, second.getInteger("maxPerNote"), "the default cap is never above the budget");
      assertEquals(false, second.getBoolean("anonymous"));
      assertEquals(second.getLong("startedAt") + 600_000, second.getLong("endsAt"));
      assertOk(f.command(Cmd.closeRound("r2")));
    }
  }


  @Test
  void castAndRetractReplyWithTheVotersOwnVotesAndSendThemToTheirAddressOnly() {
    try (Workshop w = Workshop.create(node, "Stimmen")) {
      Person fay = facilitator(w, "n1", "n2");
      Person anna = participant(w, "Anna", "Stadt Jena");
      Person ben = participant(w, "Ben", "Landkreis Greiz");
      assertOk(fay.socket().command(Cmd.startRound("r1")));
      BridgeClient a = anna.socket();
      String annasAddress = w.personalAddress(anna.id());

      assertVote(a.command(Cmd.castVote("r1", "n1")), "r1", mine("n1", 1), 4);
      JsonObject pushed = a.awaitMessage(annasAddress, e -> "votes.mine".equals(e.getString("type")));
      assertEquals("r1", pushed.getString("round"));
      assertEquals(mine("n1", 1), pushed.getJsonObject("mine"));
      assertEquals(4, pushed.getInteger("remaining"));

      assertVote(a.command(Cmd.castVote("r1", "n1")), "r1", mine("n1", 2), 3);
      assertVote(a.command(Cmd.castVote("r1", "n2")), "r1", mine("n1", 2, "n2", 1), 2);
      assertVote(a.command(Cmd.retractVote("r1", "n1")), "r1", mine("n1", 1, "n2", 1), 3);
      int mark = a.mark();
      assertVote(a.command(Cmd.retractVote("r1", "n2")), "r1", mine("n1", 1), 4);
      JsonObject last = a.awaitMessageAfter(mark, annasAddress, e -> "votes.mine".equals(e.getString("type")));
      assertEquals(mine("n1", 1), last.getJsonObject("mine"), "a retract is pushed too");
      assertEquals(4, last.getInteger("remaining"));

      assertError("not_found", a.command(Cmd.retractVote("r1", "n2")), "no vote on n2 to take back");
      assertError("not_found", a.command(Cmd.castVote("r1", "no-such-note")));
      assertError("not_found", a.command(Cmd.castVote("no-such-round", "n1")));
      assertError("not_found", a.command(Cmd.retractVote("no-such-round", "n1")));
      assertError("invalid_input", a.command(Cmd.command("vote.cast").put("round", "r1")));
      assertEquals(mine("n1", 1), fullState(a, "main").getJsonObject("voting").getJsonObject("mine"));

      ben.socket().roundTrip();
      assertTrue(ben.socket().messages(w.personalAddress(ben.id())).isEmpty(), "Ben gets nothing of Anna's votes");
      assertTrue(ben.socket().messages(annasAddress).isEmpty());
    }
  }

  @Test
  void theBudgetAndThePerNoteCapHold() {
    try (Workshop w = Workshop.create(node, "Budget")) {
      Person fay = facilitator(w, "n1", "n2", "n3");
      Person anna = participant(w, "Anna", "");
      assertOk(fay.socket().command(Cmd.startRound(new JsonObject().put("id", "r1")
          .put("votesPerParticipant", 3).put("maxPerNote", 2))));
      BridgeClient a = anna.socket();
      assertVote(a.command(Cmd.castVote("r1", "n1")), "r1", mine("n1", 1), 2);
      assertVote(a.command(Cmd.castVote("r1", "n1")), "r1", mine("n1", 2), 1);
      assertError("vote_limit_per_note", a.command(Cmd.castVote("r1", "n1")));
      assertVote(a.command(Cmd.castVote("r1", "n2")), "r1", mine("n1", 2, "n2", 1), 0);
      assertError("vote_budget_exhausted", a.command(Cmd.castVote("r1", "n3")));
      assertError("vote_budget_exhausted", a.command(Cmd.castVote("r1", "n2")));
      assertEquals(mine("n1", 2, "n2", 1), fullState(a, "main").getJsonObject("voting").getJsonObject("mine"));
      assertEquals(0, fullState(a, "main").getJsonObject("voting").getInteger("remaining"));

      // Taking one back frees it for another note.
      assertVote(a.command(Cmd.retractVote("r1", "n2")), "r1", mine("n1", 2), 1);
      assertVote(a.command(Cmd.castVote("r1", "n3")), "r1", mine("n1", 2, "n3", 1), 0);

      // Another participant has a budget of their own.
      Person ben = participant(w, "Ben", "");
      assertVote(ben.socket().command(Cmd.castVote("r1", "n1")), "r1", mine("n1", 1), 2);

      assertOk(fay.socket().command(Cmd.closeRound("r1")));
      JsonObject results = roundState(a, "r1").getJsonObject("results");
      assertEquals(4, results.getInteger("votes"));
      assertEquals(3, rankingEntry(results, "n1").getInteger("count"));
      assertEquals(1, rankingEntry(results, "n3").getInteger("count"));
      assertNull(rankingEntry(results, "n2"), "a retracted vote does not count");
    }
  }

  @Test
  void theCandidatesOfARoundOverSectionsAreTheNotesWhoseCentreLayInThemWhenItStarted() {
    try (Workshop w = Workshop.create(node, "Bereiche")) {
      Person fay = facilitator(w);
      BridgeClient f = fay.socket();
      assertOk(f.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 400, 400, "Ziele"))));
      assertOk(f.command(Cmd.createSection("main", Cmd.section("s2", 1000, 0, 400, 400, "Risiken"))));
      // Notes are 200 x 150 by default.
      assertOk(f.command(Cmd.createNote("main", Cmd.note("in-s1", 100, 100))));
      assertOk(f.command(Cmd.createNote("main", Cmd.note("on-edge", 300, 325))));
      assertOk(f.command(Cmd.createNote("main", Cmd.note("overlapping", 350, 100))));
      assertOk(f.command(Cmd.createNote("main", Cmd.note("in-s2", 1100, 100))));
      assertOk(f.command(Cmd.createNote("main", Cmd.note("outside", 3000, 3000))));
      Person anna = participant(w, "Anna", "");
      BridgeClient a = anna.socket();

      assertOk(f.command(Cmd.startRound(new JsonObject().put("id", "r1").put("sections", new JsonArray().add("s1")))));
      JsonObject started = awaitBoardEvent(w, a, "round.started", "r1").getJsonObject("round");
      assertEquals(new JsonArray().add("in-s1").add("on-edge"), sorted(started.getJsonArray("notes")),
          "the candidates, fixed as the round starts: " + started.encode());
      assertVote(a.command(Cmd.castVote("r1", "in-s1")), "r1", mine("in-s1", 1), 4);
      assertVote(a.command(Cmd.castVote("r1", "on-edge")), "r1", mine("in-s1", 1, "on-edge", 1), 3);
      assertError("not_in_scope", a.command(Cmd.castVote("r1", "overlapping")), "overlaps s1, centre outside");
      assertError("not_in_scope", a.command(Cmd.castVote("r1", "in-s2")));
      assertError("not_in_scope", a.command(Cmd.castVote("r1", "outside")));
      assertError("not_found", a.command(Cmd.castVote("r1", "s1")), "a section is not a note");

      // The candidates stay those of the start: a note moved in is none, a candidate moved out stays one.
      assertOk(f.command(Cmd.updateNote("main", "outside", new JsonObject().put("x", 50).put("y", 150))));
      assertError("not_in_scope", a.command(Cmd.castVote("r1", "outside")), "moved in after the start");
      assertOk(f.command(Cmd.updateNote("main", "in-s1", new JsonObject().put("x", 3000))));
      assertVote(a.command(Cmd.castVote("r1", "in-s1")), "r1", mine("in-s1", 2, "on-edge", 1), 2);
      assertOk(f.command(Cmd.closeRound("r1")));

      assertOk(f.command(Cmd.startRound(new JsonObject().put("id", "r2").put("sections", new JsonArray().add("s1").add("s2")))));
      assertVote(a.command(Cmd.castVote("r2", "in-s2")), "r2", mine("in-s2", 1), 4);
      assertError("not_in_scope", a.command(Cmd.castVote("r2", "in-s1")), "moved out before r2 started");
      assertVote(a.command(Cmd.castVote("r2", "outside")), "r2", mine("in-s2", 1, "outside", 1), 3);
      assertError("not_in_scope", a.command(Cmd.castVote("r2", "overlapping")));
      assertOk(f.command(Cmd.closeRound("r2")));

      // Without sections the whole room is in scope.
      assertOk(f.command(Cmd.startRound("r3")));
      assertVote(a.command(Cmd.castVote("r3", "overlapping")), "r3", mine("overlapping", 1), 4);
    }
  }

  @Test
  void aResentVoteCountsOnce() {
    try (Workshop w = Workshop.create(node, "Doppelt")) {
      Person fay = facilitator(w, "n1", "n2");
      Person anna = participant(w, "Anna", "");
      BridgeClient a = anna.socket();
      assertOk(fay.socket().command(Cmd.startRound("r1")));
      JsonObject vote = Cmd.castVote("r1", "n1");
      JsonObject first = a.command(vote);
      assertVote(first, "r1", mine("n1", 1), 4);
      assertEquals(first, a.command(vote.copy()), "a resend gets the first outcome");
      assertEquals(first, a.command(vote.copy()));
      assertVote(a.command(Cmd.castVote("r1", "n2")), "r1", mine("n1", 1, "n2", 1), 3);
      a.awaitMessage(w.personalAddress(anna.id()), e -> e.getInteger("remaining") == 3);
      long pushedForN1 = a.messages(w.personalAddress(anna.id())).stream()
          .filter(e -> e.getJsonObject("mine").equals(mine("n1", 1))).count();
      assertEquals(1, pushedForN1, "votes.mine went out once for the resent vote");

      assertEquals(2, direct.send(Request.cmd(Command.HGET).arg(Keys.ballot(w.id())).arg("votes")).toInteger());
      assertOk(fay.socket().command(Cmd.closeRound("r1")));
      JsonObject results = roundState(a, "r1").getJsonObject("results");
      assertEquals(2, results.getInteger("votes"));
      assertEquals(1, rankingEntry(results, "n1").getInteger("count"));
    }
  }

  @Test
  void whileANamedRoundIsOpenOnlyTheFacilitatorsSeeProgressAndNobodySeesCounts() {
    try (Workshop w = Workshop.create(node, "Geheim bis zum Schluss")) {
      Person fay = facilitator(w, "n1", "n2");
      Person anna = participant(w, "Anna", "Stadt Jena");
      Person ben = participant(w, "Ben", "Landkreis Greiz");
      Person carla = participant(w, "Carla", "Stadt Gera");
      assertOk(fay.socket().command(Cmd.startRound(new JsonObject().put("id", "r1").put("anonymous", false))));
      // As the round starts, the facilitators learn that nobody has voted yet.
      JsonObject atStart = fay.socket().awaitMessage(w.facilitatorsAddress(),
          e -> "round.progress".equals(e.getString("type")) && e.getInteger("votes") == 0);
      assertEquals(Set.of(), strings(atStart.getJsonArray("voted")));

      cast(anna, "r1", "n1", 1);
      JsonObject progress = fay.socket().awaitMessage(w.facilitatorsAddress(),
          e -> "round.progress".equals(e.getString("type")) && e.getInteger("votes") == 1);
      assertEquals("r1", progress.getString("round"));
      assertEquals(1, progress.getInteger("voters"));
      assertEquals(Set.of(anna.id()), strings(progress.getJsonArray("voted")), "who has voted so far");

      cast(ben, "r1", "n1", 2);
      progress = fay.socket().awaitMessage(w.facilitatorsAddress(),
          e -> "round.progress".equals(e.getString("type")) && e.getInteger("votes") == 3);
      assertEquals(2, progress.getInteger("voters"));
      assertEquals(Set.of(anna.id(), ben.id()), strings(progress.getJsonArray("voted")));

      // The facilitator's sync carries the same progress; participants' syncs only their own votes.
      JsonObject facilitatorSync = fullState(fay.socket(), "main");
      JsonObject synced = facilitatorSync.getJsonObject("progress");
      assertNotNull(synced, facilitatorSync.encode());
      assertEquals(2, synced.getInteger("voters"));
      assertEquals(3, synced.getInteger("votes"));
      assertEquals(Set.of(anna.id(), ben.id()), strings(synced.getJsonArray("voted")));
      assertEquals(new JsonObject().put("round", "r1").put("mine", new JsonObject()).put("remaining", 5),
          facilitatorSync.getJsonObject("voting"));

      JsonObject annasSync = fullState(anna.socket(), "main");
      assertFalse(annasSync.containsKey("progress"), annasSync.encode());
      assertEquals(new JsonObject().put("round", "r1").put("mine", mine("n1", 1)).put("remaining", 4),
          annasSync.getJsonObject("voting"));
      JsonObject round = Workshop.byId(annasSync.getJsonObject("board").getJsonObject("state").getJsonArray("rounds"), "r1");
      assertEquals("open", round.getString("status"));
      assertFalse(round.containsKey("results"), round.encode());
      assertEquals(new JsonObject().put("round", "r1").put("mine", new JsonObject()).put("remaining", 5),
          fullState(carla.socket(), "main").getJsonObject("voting"));

      for (Person p : List.of(anna, ben, carla)) {
        p.socket().roundTrip();
        List<JsonObject> seen = new ArrayList<>(p.socket().messages(w.boardAddress()));
        seen.addAll(p.socket().messages(w.roomAddress("main")));
        for (JsonObject message : seen) {
          assertNotEquals("round.progress", message.getString("type"));
          String encoded = message.encode();
          for (String field : List.of("\"votes\"", "\"voters\"", "\"results\"", "\"ranking\"", "\"count\"", "\"voted\"")) {
            assertFalse(encoded.contains(field), "a participant saw " + field + ": " + encoded);
          }
        }
        assertTrue(p.socket().messages(w.facilitatorsAddress()).isEmpty());
        for (JsonObject own : p.socket().messages(w.personalAddress(p.id()))) {
          assertEquals(Set.of("type", "round", "mine", "remaining"), own.fieldNames(), own.encode());
        }
      }
    }
  }

  @Test
  void closingANamedRoundPublishesResultsRankedByCountPerOrganisationWithVoters() {
    try (Workshop w = Workshop.create(node, "Ergebnis")) {
      Person fay = facilitator(w, "n1", "n2", "n3", "n4");
      Person anna = participant(w, "Anna", "Stadt Jena");
      Person ben = participant(w, "Ben", "Landkreis Greiz");
      assertOk(fay.socket().command(Cmd.startRound(new JsonObject().put("id", "r1").put("title", "Was zuerst?").put("anonymous", false))));
      cast(anna, "r1", "n1", 2);
      cast(anna, "r1", "n2", 1);
      cast(ben, "r1", "n1", 1);
      cast(ben, "r1", "n3", 2);
      cast(fay, "r1", "n2", 1);

      JsonObject reply = fay.socket().command(Cmd.closeRound("r1"));
      assertOk(reply);
      liveClosedEvent(w, anna.socket(), reply.getLong("seq"));
      // The results as the board stream keeps them (the live event: see theLiveRoundClosedEvent...).
      JsonObject closed = loggedClosedEvent(anna.socket(), reply.getLong("seq"));
      assertEquals(fay.id(), closed.getString("by"));
      JsonObject round = closed.getJsonObject("round");
      assertEquals("closed", round.getString("status"));
      assertEquals(closed.getLong("at"), round.getLong("closedAt"));
      assertEquals("Was zuerst?", round.getString("title"));
      JsonObject results = round.getJsonObject("results");
      assertEquals(3, results.getInteger("voters"));
      assertEquals(7, results.getInteger("votes"));
      JsonArray ranking = results.getJsonArray("ranking");
      assertEquals(List.of("n1", "n2", "n3"), ranking.stream().map(e -> ((JsonObject) e).getString("note")).toList(),
          "ranked by count; a tie in note order; a note without votes is not listed");

      JsonObject first = ranking.getJsonObject(0);
      assertEquals(3, first.getInteger("count"));
      assertEquals("Idee n1", first.getString("text"));
      assertEquals(new JsonObject().put("Stadt Jena", 2).put("Landkreis Greiz", 1), first.getJsonObject("byOrganisation"));
      assertEquals(Set.of(anna.id(), ben.id()), strings(first.getJsonArray("voters")));
      JsonObject second = ranking.getJsonObject(1);
      assertEquals(2, second.getInteger("count"));
      assertEquals(new JsonObject().put("Stadt Jena", 1).put("", 1), second.getJsonObject("byOrganisation"));
      assertEquals(Set.of(anna.id(), fay.id()), strings(second.getJsonArray("voters")));
      JsonObject third = ranking.getJsonObject(2);
      assertEquals(2, third.getInteger("count"));
      assertEquals(new JsonObject().put("Landkreis Greiz", 2), third.getJsonObject("byOrganisation"));
      assertEquals(List.of(ben.id()), third.getJsonArray("voters").getList());

      assertEquals(round, roundState(ben.socket(), "r1"), "the sync shows the same results");
      assertNull(fullState(anna.socket(), "main").getValue("voting"), "no open round");

      assertError("round_closed", anna.socket().command(Cmd.castVote("r1", "n4")));
      assertError("round_closed", anna.socket().command(Cmd.retractVote("r1", "n1")));
      assertError("round_closed", fay.socket().command(Cmd.closeRound("r1")));
      assertError("not_found", fay.socket().command(Cmd.closeRound("no-such-round")));
      assertEquals(results, roundState(ben.socket(), "r1").getJsonObject("results"), "nothing changed after closing");
    }
  }

  @Test
  void theLiveRoundClosedEventCarriesTheClosedRoundWithItsResults() {
    try (Workshop w = Workshop.create(node, "Live-Ergebnis")) {
      Person fay = facilitator(w, "n1", "n2");
      Person anna = participant(w, "Anna", "Stadt Jena");
      assertOk(fay.socket().command(Cmd.startRound("r1")));
      cast(anna, "r1", "n1", 2);
      cast(anna, "r1", "n2", 1);
      JsonObject reply = fay.socket().command(Cmd.closeRound("r1"));
      assertOk(reply);

      // Browsers learn the results from this event: it must be the event the board stream keeps.
      JsonObject live = liveClosedEvent(w, anna.socket(), reply.getLong("seq"));
      JsonObject logged = loggedClosedEvent(anna.socket(), reply.getLong("seq"));
      assertNotNull(live.getJsonObject("round"), "round.closed went out without its round: " + live.encode());
      assertEquals("r1", live.getJsonObject("round").getString("id"));
      assertEquals("closed", live.getJsonObject("round").getString("status"));
      assertEquals(3, live.getJsonObject("round").getJsonObject("results").getInteger("votes"));
      assertEquals(logged, live);
    }
  }

  @Test
  void theBoardShowsOnlyARoundThatExists() {
    try (Workshop w = Workshop.create(node, "Gezeigt");
         Workshop other = Workshop.create(node, "Nachbarboard")) {
      Person fay = facilitator(w, "n1");
      Person gil = facilitator(other, "n1");
      assertOk(gil.socket().command(Cmd.startRound("theirs")));
      assertError("not_found", fay.socket().command(Cmd.showRound("missing")));
      assertError("not_found", fay.socket().command(Cmd.showRound("theirs")), "another board's round");
      JsonObject settings = fullState(fay.socket(), "main").getJsonObject("board").getJsonObject("state")
          .getJsonObject("settings");
      assertNull(settings.getValue("shownRound"), "nothing was stored: " + settings.encode());
      assertOk(fay.socket().command(Cmd.startRound("r1")));
      assertOk(fay.socket().command(Cmd.closeRound("r1")));
      assertOk(fay.socket().command(Cmd.showRound("r1")));
      assertOk(fay.socket().command(Cmd.showRound(null)));
    }
  }

  @Test
  void anAnonymousRoundShowsOnlyTheTallyAndItsVoteKeysAreGoneAfterClosing() {
    try (Workshop w = Workshop.create(node, "Anonym")) {
      Person fay = facilitator(w, "n1", "n2", "n3");
      Person anna = participant(w, "Anna", "Stadt Jena");
      Person ben = participant(w, "Ben", "Landkreis Greiz");
      assertOk(fay.socket().command(Cmd.startRound("r1")));
      cast(anna, "r1", "n1", 2);
      cast(ben, "r1", "n1", 1);
      cast(ben, "r1", "n2", 1);
      JsonObject progress = fay.socket().awaitMessage(w.facilitatorsAddress(),
          e -> "round.progress".equals(e.getString("type")) && e.getInteger("votes") == 4);
      assertEquals(2, progress.getInteger("voters"));
      assertFalse(progress.containsKey("voted"), "no names in anonymous rounds: " + progress.encode());
      assertFalse(fullState(fay.socket(), "main").getJsonObject("progress").containsKey("voted"));
      assertEquals(List.of(Keys.ballot(w.id())), keys(Keys.ballot(w.id())), "votes are kept apart while the round is open");

      JsonObject reply = fay.socket().command(Cmd.closeRound("r1"));
      assertOk(reply);
      JsonObject live = liveClosedEvent(w, anna.socket(), reply.getLong("seq"));
      for (String id : List.of(anna.id(), ben.id())) {
        assertFalse(live.encode().contains(id), "a voter's id in the live round.closed: " + live.encode());
      }
      JsonObject closed = loggedClosedEvent(anna.socket(), reply.getLong("seq"));
      JsonObject results = closed.getJsonObject("round").getJsonObject("results");
      assertEquals(2, results.getInteger("voters"));
      assertEquals(4, results.getInteger("votes"));
      JsonObject first = results.getJsonArray("ranking").getJsonObject(0);
      assertEquals("n1", first.getString("note"));
      assertEquals(3, first.getInteger("count"));
      // Two voters: any figure per organisation would show how Anna or Ben voted.
      assertEquals(new JsonObject(), first.getJsonObject("byOrganisation"));
      assertEquals(new JsonObject().put("threshold", 3).put("withheld", true), results.getJsonObject("grouping"));
      for (Object entry : results.getJsonArray("ranking")) {
        assertFalse(((JsonObject) entry).containsKey("voters"), entry.toString());
      }
      for (String id : List.of(anna.id(), ben.id())) {
        assertFalse(closed.encode().contains(id), "a voter's id in round.closed: " + closed.encode());
        for (BridgeClient client : List.of(fay.socket(), anna.socket())) {
          JsonObject sync = fullState(client, "main");
          String rounds = sync.getJsonObject("board").getJsonObject("state").getJsonArray("rounds").encode();
          assertFalse(rounds.contains(id), "a voter's id in the synced rounds: " + rounds);
          assertFalse(sync.containsKey("progress"));
          assertNull(sync.getValue("voting"));
        }
      }
      assertEquals(List.of(), keys(Keys.ballot(w.id())), "no per-person votes after closing");
      assertEquals(results, roundState(ben.socket(), "r1").getJsonObject("results"));
    }
  }

  @Test
  void afterAnAnonymousRoundClosesNoStoredRecordTellsWhoVotedForWhat() {
    try (Workshop w = Workshop.create(node, "Ganz anonym")) {
      Person fay = facilitator(w, "kita-ausbau", "schulweg");
      Person anna = participant(w, "Anna", "Stadt Jena");
      Person ben = participant(w, "Ben", "Landkreis Greiz");
      assertOk(fay.socket().command(Cmd.startRound("r1")));
      cast(anna, "r1", "kita-ausbau", 2);
      cast(ben, "r1", "schulweg", 1);
      assertOk(fay.socket().command(Cmd.closeRound("r1")));

      // Whatever a store dump or an export shows: no key that names a voter may hold their choice.
      List<String> leaks = new ArrayList<>();
      for (String key : keys("{b:" + w.id() + "}:*")) {
        if (!key.contains(anna.id()) && !key.contains(ben.id())) {
          continue;
        }
        String type = direct.send(Request.cmd(Command.TYPE).arg(key)).toString();
        String value = switch (type) {
          case "string" -> direct.send(Request.cmd(Command.GET).arg(key)).toString();
          case "hash" -> direct.send(Request.cmd(Command.HGETALL).arg(key)).toString();
          default -> "";
        };
        if (value.contains("kita-ausbau") || value.contains("schulweg")) {
          leaks.add(key + " = " + value);
        }
      }
      assertEquals(List.of(), leaks, "per-person votes of an anonymous round kept after it closed");
    }
  }

  @Test
  void aVoteAfterTheRoundsEndIsRefusedAndClosesTheRound() {
    try (Workshop w = Workshop.create(node, "Zeit um")) {
      Person fay = facilitator(w, "n1", "n2");
      Person anna = participant(w, "Anna", "Stadt Jena");
      assertOk(fay.socket().command(Cmd.startRound(new JsonObject().put("id", "r1").put("durationMs", 10_000))));
      JsonObject started = awaitBoardEvent(w, anna.socket(), "round.started", "r1").getJsonObject("round");
      assertEquals(started.getLong("startedAt") + 10_000, started.getLong("endsAt"));
      assertVote(anna.socket().command(Cmd.castVote("r1", "n1")), "r1", mine("n1", 1), 4);

      endNow(w, "r1");
      assertError("round_closed", anna.socket().command(Cmd.castVote("r1", "n2")));
      JsonObject live = anna.socket().awaitMessage(w.boardAddress(), e -> "round.closed".equals(e.getString("type")));
      JsonObject closed = loggedClosedEvent(anna.socket(), live.getLong("seq"));
      assertEquals("werkraum", closed.getString("by"), "closed by the server, not by a person");
      JsonObject round = closed.getJsonObject("round");
      assertEquals("r1", round.getString("id"));
      assertEquals("closed", round.getString("status"));
      assertEquals(1, round.getJsonObject("results").getInteger("votes"), "the vote in time counts");
      assertEquals("closed", roundState(anna.socket(), "r1").getString("status"));
      assertError("round_closed", anna.socket().command(Cmd.castVote("r1", "n2")));

      // A sync finds an overdue round too and closes it.
      assertOk(fay.socket().command(Cmd.startRound(new JsonObject().put("id", "r2").put("durationMs", 10_000))));
      assertOk(anna.socket().command(Cmd.castVote("r2", "n2")));
      endNow(w, "r2");
      int mark = anna.socket().mark();
      fullState(fay.socket(), "main");
      JsonObject liveBySync = anna.socket().awaitMessageAfter(mark, w.boardAddress(), e -> "round.closed".equals(e.getString("type")));
      JsonObject closedBySync = loggedClosedEvent(anna.socket(), liveBySync.getLong("seq"));
      assertEquals("r2", closedBySync.getJsonObject("round").getString("id"));
      assertEquals(1, closedBySync.getJsonObject("round").getJsonObject("results").getInteger("votes"));
      assertEquals("closed", roundState(anna.socket(), "r2").getString("status"));
    }
  }

  /** Moves the stored end of an open round into the past, as if its time had run out. */
  static void endNow(Workshop w, String roundId) {
    String roundsKey = Keys.rounds(w.id());
    JsonObject stored = new JsonObject(direct.send(Request.cmd(Command.HGET).arg(roundsKey).arg(roundId)).toString());
    assertEquals("open", stored.getString("status"));
    stored.put("endsAt", System.currentTimeMillis() - 1_000);
    direct.send(Request.cmd(Command.HSET).arg(roundsKey).arg(roundId).arg(stored.encode()));
  }

  @Test
  void roundShowChoosesWhoseResultsTheBoardShows() {
    try (Workshop w = Workshop.create(node, "Anzeigen")) {
      Person fay = facilitator(w, "n1");
      Person anna = participant(w, "Anna", "");
      assertOk(fay.socket().command(Cmd.startRound("r1")));
      cast(anna, "r1", "n1", 1);
      assertOk(fay.socket().command(Cmd.closeRound("r1")));

      JsonObject reply = fay.socket().command(Cmd.showRound("r1"));
      assertOk(reply);
      JsonObject shown = anna.socket().awaitMessage(w.boardAddress(),
          e -> "settings.updated".equals(e.getString("type")) && e.getLong("seq") == reply.getLong("seq"));
      assertEquals(new JsonObject().put("shownRound", "r1"), shown.getJsonObject("patch"));
      JsonObject settings = fullState(anna.socket(), "main").getJsonObject("board").getJsonObject("state").getJsonObject("settings");
      assertEquals("r1", settings.getString("shownRound"));

      JsonObject hide = fay.socket().command(Cmd.showRound(null));
      assertOk(hide);
      JsonObject hidden = anna.socket().awaitMessage(w.boardAddress(),
          e -> "settings.updated".equals(e.getString("type")) && e.getLong("seq") == hide.getLong("seq"));
      assertTrue(hidden.getJsonObject("patch").containsKey("shownRound"));
      assertNull(hidden.getJsonObject("patch").getValue("shownRound"));
      assertNull(fullState(anna.socket(), "main").getJsonObject("board").getJsonObject("state")
          .getJsonObject("settings").getValue("shownRound"));
    }
  }

  @Test
  void someoneWhoJoinsDuringAnOpenRoundCanVote() {
    try (Workshop w = Workshop.create(node, "Spät dabei")) {
      Person fay = facilitator(w, "n1");
      assertOk(fay.socket().command(Cmd.startRound(new JsonObject().put("id", "r1").put("anonymous", false))));
      Person late = participant(w, "Lena", "Stadt Jena");
      JsonObject sync = fullState(late.socket(), "main");
      assertEquals(new JsonObject().put("round", "r1").put("mine", new JsonObject()).put("remaining", 5), sync.getJsonObject("voting"));
      assertEquals("open", Workshop.byId(sync.getJsonObject("board").getJsonObject("state").getJsonArray("rounds"), "r1").getString("status"));
      // Nobody has voted yet; the control view counts Lena among those who have not, from its participants.
      assertEquals(List.of(), fullState(fay.socket(), "main").getJsonObject("progress").getJsonArray("voted").getList());

      assertVote(late.socket().command(Cmd.castVote("r1", "n1")), "r1", mine("n1", 1), 4);
      assertOk(fay.socket().command(Cmd.closeRound("r1")));
      JsonObject entry = roundState(late.socket(), "r1").getJsonObject("results").getJsonArray("ranking").getJsonObject(0);
      assertEquals(1, entry.getInteger("count"));
      assertEquals(List.of(late.id()), entry.getJsonArray("voters").getList());
    }
  }

  @Test
  void theVotesOfSomeoneRemovedStayInTheTally() {
    try (Workshop w = Workshop.create(node, "Entfernt")) {
      Person fay = facilitator(w, "n1", "n2");
      Person anna = participant(w, "Anna", "Stadt Jena");
      Person ben = participant(w, "Ben", "Landkreis Greiz");
      assertOk(fay.socket().command(Cmd.startRound(new JsonObject().put("id", "r1").put("anonymous", false))));
      cast(anna, "r1", "n1", 2);
      cast(ben, "r1", "n1", 1);
      cast(ben, "r1", "n2", 1);
      assertOk(fay.socket().command(Cmd.removeParticipant(anna.id())));
      assertTrue(anna.socket().awaitClosed());

      assertOk(fay.socket().command(Cmd.closeRound("r1")));
      JsonObject results = roundState(ben.socket(), "r1").getJsonObject("results");
      assertEquals(2, results.getInteger("voters"));
      assertEquals(4, results.getInteger("votes"));
      JsonObject first = rankingEntry(results, "n1");
      assertEquals(3, first.getInteger("count"));
      assertEquals(Set.of(anna.id(), ben.id()), strings(first.getJsonArray("voters")));
    }
  }

  @Test
  void theVotesOfSomeoneRemovedStayWithTheirOrganisation() {
    try (Workshop w = Workshop.create(node, "Entfernt, Organisation")) {
      Person fay = facilitator(w, "n1");
      Person anna = participant(w, "Anna", "Stadt Jena");
      Person ben = participant(w, "Ben", "Landkreis Greiz");
      // Named: its figures per organisation are exact.
      assertOk(fay.socket().command(Cmd.startRound(new JsonObject().put("id", "r1").put("anonymous", false))));
      cast(anna, "r1", "n1", 2);
      cast(ben, "r1", "n1", 1);
      assertOk(fay.socket().command(Cmd.removeParticipant(anna.id())));

      assertOk(fay.socket().command(Cmd.closeRound("r1")));
      JsonObject first = rankingEntry(roundState(ben.socket(), "r1").getJsonObject("results"), "n1");
      assertEquals(3, first.getInteger("count"));
      assertEquals(new JsonObject().put("Stadt Jena", 2).put("Landkreis Greiz", 1), first.getJsonObject("byOrganisation"),
          "Anna's votes were given for Stadt Jena, whether or not she is still on the board");
    }
  }
}
