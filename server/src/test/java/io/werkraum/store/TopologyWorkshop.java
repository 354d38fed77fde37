package io.werkraum.store;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.VertxException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A short workshop through the real path (HTTP, sockets, bridge frames, the server, Redis), step by
 * step, so a topology test can run it whole or put a Redis failover between two steps: a board, a
 * facilitator and two participants; notes created, changed and deleted while the others watch; a
 * reconnect with a delta sync; a named voting round; breakout rooms with a harvest; a snapshot;
 * health and the JSON export.
 *
 * <p>Every command is sent as a browser sends it and, like a browser, resent with the same
 * commandId when the server answers {@code unavailable} or the socket drops, for up to a minute:
 * a Redis failover may refuse commands for a moment, but must lose none it acknowledged.
 * {@link #notes} is what the plenary must hold: every note acknowledged there and not deleted.
 */
final class TopologyWorkshop implements AutoCloseable {
  private static final long RETRY_FOR_MS = 60_000;

  final TestNode node;
  final Workshop w;
  final Member fay;
  final Member anna;
  final Member ben;
  /** id -> text of every note the plenary must hold. */
  final Map<String, String> notes = new TreeMap<>();
  /** Every note created in the plenary by note.create (deleted ones too): each has one note.created event. */
  final Set<String> createdInPlenary = new TreeSet<>();
  /** Commands resent because the server answered unavailable, or no answer came, or a socket dropped. */
  final AtomicInteger retries = new AtomicInteger();
  final List<String> retryLog = new ArrayList<>();

  /** Someone on the board, with the addresses their socket listens on (again after a reconnect). */
  final class Member {
    final String name;
    final JsonObject joined;
    final List<String> addresses = new ArrayList<>();
    BridgeClient socket;

    Member(String name, JsonObject joined, List<String> addresses) {
      this.name = name;
      this.joined = joined;
      this.addresses.addAll(addresses);
      connect();
    }

    String id() {
      return Workshop.participantId(joined);
    }

    String token() {
      return joined.getString("token");
    }

    BridgeClient socket() {
      return socket;
    }

    private void connect() {
      socket = w.connect(joined);
      for (String address : addresses) {
        socket.register(address);
      }
      socket.roundTrip();
      assertEquals(List.of(), socket.errors(), name + ": a registration was refused");
    }

    /** A new socket, as a reloaded browser opens: retried while the server cannot issue a ticket. */
    void reconnect() {
      if (socket != null) {
        socket.close();
      }
      retrying(name + " reconnects", () -> {
        connect();
        return true;
      });
    }

    void listen(String address) {
      addresses.add(address);
      socket.registerAndWait(address);
      assertEquals(List.of(), socket.errors(), name + ": registering " + address + " was refused");
    }

    /**
     * The reply to a command, resent with the same commandId while the answer is {@code
     * unavailable} (or {@code rate_limited}), no answer comes or the socket is gone. Any other
     * answer is returned.
     */
    JsonObject command(JsonObject command) {
      return retrying(name + " " + command.getString("type") + " " + command.getString("commandId"), () -> {
        if (socket.isClosed()) {
          connect();
        }
        JsonObject reply = socket.command(command);
        if ("unavailable".equals(reply.getString("code")) || "rate_limited".equals(reply.getString("code"))) {
          throw new Unavailable(reply.encode());
        }
        return reply;
      });
    }

    /** A command that must succeed (after any retries). */
    JsonObject ok(JsonObject command) {
      return assertOk(command(command), name + ": " + command.encode());
    }

    void refused(String code, JsonObject command) {
      assertError(code, command(command), name + ": " + command.encode());
    }

    /** A room message that arrives on this member's socket. */
    JsonObject awaitRoom(String room, String type, String noteId) {
      return socket.awaitMessage(w.roomAddress(room), e -> type.equals(e.getString("type"))
          && (noteId == null || noteId.equals(e.getString("id"))
              || (e.getJsonObject("note") != null && noteId.equals(e.getJsonObject("note").getString("id")))));
    }

    JsonObject awaitBoard(String type) {
      return socket.awaitMessage(w.boardAddress(), e -> type.equals(e.getString("type")));
    }
  }

  private static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  private interface Attempt<T> {
    T run();
  }

  /**
   * Runs {@code attempt} until it returns, resending on {@code unavailable}, a missing answer or a
   * refused or closed socket, with a 100 ms pause between attempts (as a browser backs off), for up
   * to a minute. Anything else fails at once.
   */
  private <T> T retrying(String what, Attempt<T> attempt) {
    long deadline = System.nanoTime() + RETRY_FOR_MS * 1_000_000;
    while (true) {
      String failure;
      try {
        return attempt.run();
      } catch (Unavailable e) {
        failure = "unavailable: " + e.getMessage();
      } catch (BridgeClient.NoAnswer e) {
        failure = e.getMessage();
      } catch (IllegalStateException | VertxException e) {
        // the socket was refused (no ticket while the store is away) or closed while sending
        failure = e.toString();
      }
      retries.incrementAndGet();
      synchronized (retryLog) {
        if (retryLog.size() < 50) {
          retryLog.add(what + ": " + failure);
        }
      }
      if (System.nanoTime() > deadline) {
        fail(what + " still failing after " + RETRY_FOR_MS + " ms of retries: " + failure);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private TopologyWorkshop(TestNode node, String title) {
    this.node = node;
    this.w = Workshop.create(node, title);
    String main = w.roomAddress("main");
    JsonObject fayJoined = w.joinAsFacilitator("Fay");
    this.fay = new Member("Fay", fayJoined, List.of(w.boardAddress(), main,
        w.personalAddress(Workshop.participantId(fayJoined)), w.facilitatorsAddress()));
    JsonObject annaJoined = w.join("Anna", "Stadt Jena");
    this.anna = new Member("Anna", annaJoined, List.of(w.boardAddress(), main,
        w.personalAddress(Workshop.participantId(annaJoined))));
    JsonObject benJoined = w.join("Ben", "Landkreis Greiz");
    this.ben = new Member("Ben", benJoined, List.of(w.boardAddress(), main,
        w.personalAddress(Workshop.participantId(benJoined))));
  }

  /** A new board with Fay (facilitator), Anna (Stadt Jena) and Ben (Landkreis Greiz) on it, all connected. */
  static TopologyWorkshop open(TestNode node, String title) {
    return new TopologyWorkshop(node, title);
  }

  String id() {
    return w.id();
  }

  /** Every step in order, ending with every acknowledged note in the store. */
  void runWhole() {
    notesAreCreatedUpdatedAndDeleted();
    aReconnectCatchesUpBySync();
    writeNotes("more", 5);
    aVotingRound();
    breakoutRooms();
    aSnapshot();
    healthIsOk();
    theExportHoldsEverything();
    theStoreHoldsEveryAcknowledgedNote();
  }

  /** Notes are created, changed and deleted; the others see each event, a sync sees the result. */
  void notesAreCreatedUpdatedAndDeleted() {
    fay.ok(Cmd.createSection("main", Cmd.section("ideen", 0, 0, 1600, 900, "Ideen")));
    ben.awaitRoom("main", "section.created", null);

    createNote(anna, "n1", "Schulweg sicherer", ben);
    createNote(anna, "n2", "Mehr Busse am Abend", ben);
    createNote(ben, "n3", "Jugendzentrum länger offen", anna);

    JsonObject updated = anna.ok(Cmd.updateNote("main", "n1", new JsonObject().put("text", "Schulweg über die Brücke sicherer")));
    JsonObject seen = ben.awaitRoom("main", "note.updated", "n1");
    assertEquals(updated.getLong("seq"), seen.getLong("seq"), seen.encode());
    assertEquals("Schulweg über die Brücke sicherer", seen.getJsonObject("patch").getString("text"));
    assertEquals(anna.id(), seen.getString("by"));
    notes.put("n1", "Schulweg über die Brücke sicherer");

    createNote(ben, "typo", "Tippfeler", anna);
    JsonObject deleted = ben.ok(Cmd.deleteNote("main", "typo"));
    JsonObject gone = anna.awaitRoom("main", "note.deleted", "typo");
    assertEquals(deleted.getLong("seq"), gone.getLong("seq"));
    notes.remove("typo");

    assertPlenary("the plenary as a full sync shows it", Workshop.notes(fay.socket(), "main"));
  }

  /** Creates a note and checks {@code watcher} receives its event; records it as acknowledged. */
  JsonObject createNote(Member author, String id, String text, Member watcher) {
    JsonObject reply = author.ok(Cmd.createNote("main", Cmd.note(id, 20 + notes.size() * 230 % 1400, 60).put("text", text)));
    notes.put(id, text);
    createdInPlenary.add(id);
    if (watcher != null) {
      JsonObject event = watcher.awaitRoom("main", "note.created", id);
      assertEquals(reply.getLong("seq"), event.getLong("seq"), event.encode());
      assertEquals(text, event.getJsonObject("note").getString("text"));
      assertEquals(author.id(), event.getJsonObject("note").getString("author"));
    }
    return reply;
  }

  /**
   * Ben goes away, Anna writes on, Ben comes back with a new socket: a sync from where he was gives
   * exactly what he missed, and a full sync gives every note.
   */
  void aReconnectCatchesUpBySync() {
    JsonObject before = Workshop.fullState(ben.socket(), "main");
    long boardSeq = before.getJsonObject("board").getLong("seq");
    long roomSeq = before.getJsonObject("room").getLong("seq");
    ben.socket().close();

    JsonObject created = createNote(anna, "n4", "Kita-Plätze im Ortsteil", null);
    JsonObject recoloured = anna.ok(Cmd.updateNote("main", "n2", new JsonObject().put("color", "blue")));

    ben.reconnect();
    JsonObject reply = ben.ok(Cmd.sync("main", boardSeq, roomSeq));
    JsonObject room = reply.getJsonObject("room");
    assertEquals("delta", room.getString("mode"), reply.encode());
    JsonArray missed = room.getJsonArray("events");
    assertEquals(List.of(created.getLong("seq"), recoloured.getLong("seq")),
        missed.stream().map(e -> ((JsonObject) e).getLong("seq")).toList(), missed.encode());
    assertEquals("note.created", missed.getJsonObject(0).getString("type"));
    assertEquals("Kita-Plätze im Ortsteil", missed.getJsonObject(0).getJsonObject("note").getString("text"));
    assertEquals("note.updated", missed.getJsonObject(1).getString("type"));
    assertEquals("delta", reply.getJsonObject("board").getString("mode"));
    assertPlenary("a full sync after the reconnect", Workshop.notes(ben.socket(), "main"));
  }

  /** Anna writes {@code count} notes, each acknowledged (after retries) before the next; their ids. */
  List<String> writeNotes(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = prefix + "-" + i;
      createNote(anna, id, "Notiz " + prefix + " " + i, null);
      ids.add(id);
    }
    return ids;
  }

  /**
   * A named round of 3 votes a person, at most 2 a note: the budget and the cap hold, a vote is
   * taken back, the round closes with the right ranking, per organisation, and a snapshot.
   */
  void aVotingRound() {
    fay.ok(Cmd.startRound(new JsonObject().put("id", "v1").put("title", "Was zuerst?")
        .put("votesPerParticipant", 3).put("maxPerNote", 2).put("anonymous", false)));
    JsonObject started = ben.awaitBoard("round.started");
    assertEquals("v1", started.getJsonObject("round").getString("id"));
    assertEquals("open", started.getJsonObject("round").getString("status"));

    assertVote(anna.ok(Cmd.castVote("v1", "n1")), "n1", 1, 2);
    assertVote(anna.ok(Cmd.castVote("v1", "n1")), "n1", 2, 1);
    anna.refused("vote_limit_per_note", Cmd.castVote("v1", "n1"));
    assertVote(anna.ok(Cmd.castVote("v1", "n2")), "n2", 1, 0);
    anna.refused("vote_budget_exhausted", Cmd.castVote("v1", "n4"));

    assertVote(ben.ok(Cmd.castVote("v1", "n1")), "n1", 1, 2);
    assertVote(ben.ok(Cmd.castVote("v1", "n3")), "n3", 1, 1);
    assertVote(ben.ok(Cmd.retractVote("v1", "n3")), "n3", null, 2);
    assertVote(ben.ok(Cmd.castVote("v1", "n2")), "n2", 1, 1);
    ben.refused("not_found", Cmd.retractVote("v1", "n4"));

    JsonObject progress = fay.socket().awaitMessage(w.facilitatorsAddress(),
        e -> "round.progress".equals(e.getString("type")) && e.getInteger("votes", -1) == 5);
    assertEquals(2, progress.getInteger("voters"), progress.encode());

    JsonObject closed = fay.ok(Cmd.closeRound("v1"));
    JsonObject event = anna.socket().awaitMessage(w.boardAddress(),
        e -> "round.closed".equals(e.getString("type")) && e.getLong("seq") == closed.getLong("seq"));
    JsonObject results = event.getJsonObject("round").getJsonObject("results");
    assertEquals(2, results.getInteger("voters"), results.encode());
    assertEquals(5, results.getInteger("votes"), results.encode());
    JsonArray ranking = results.getJsonArray("ranking");
    assertEquals(List.of("n1", "n2"), ranking.stream().map(r -> ((JsonObject) r).getString("note")).toList(), results.encode());
    JsonObject first = ranking.getJsonObject(0);
    assertEquals(3, first.getInteger("count"));
    assertEquals(notes.get("n1"), first.getString("text"));
    assertEquals(new JsonObject().put("Stadt Jena", 2).put("Landkreis Greiz", 1), first.getJsonObject("byOrganisation"));
    assertEquals(Set.of(anna.id(), ben.id()),
        first.getJsonArray("voters").stream().map(String::valueOf).collect(Collectors.toSet()), first.encode());
    JsonObject second = ranking.getJsonObject(1);
    assertEquals(2, second.getInteger("count"));
    assertEquals(new JsonObject().put("Stadt Jena", 1).put("Landkreis Greiz", 1), second.getJsonObject("byOrganisation"));

    anna.refused("round_closed", Cmd.castVote("v1", "n4"));
    JsonObject snapshot = fay.socket().awaitMessage(w.boardAddress(), e -> "snapshot.taken".equals(e.getString("type"))
        && "round.closed".equals(e.getJsonObject("snapshot").getString("occasion")));
    assertEquals("Was zuerst?", snapshot.getJsonObject("snapshot").getString("subject"));
    JsonObject stored = Workshop.byId(Workshop.fullState(ben.socket(), "main").getJsonObject("board")
        .getJsonObject("state").getJsonArray("rounds"), "v1");
    assertEquals("closed", stored.getString("status"));
    assertEquals(results, stored.getJsonObject("results"), "the sync shows the same results");
  }

  private static void assertVote(JsonObject reply, String note, Integer count, int remaining) {
    assertEquals("v1", reply.getString("round"), reply.encode());
    assertEquals(count, reply.getJsonObject("mine").getInteger(note), reply.encode());
    assertEquals(remaining, reply.getInteger("remaining"), reply.encode());
  }

  /**
   * Two breakout rooms, assigned by hand and opened; each participant writes in their own room and
   * only there; the rooms close (with a snapshot) and are harvested into the plenary.
   */
  void breakoutRooms() {
    fay.ok(Cmd.createRooms(Cmd.room("nord", "Gruppe Nord"), Cmd.room("sued", "Gruppe Süd")));
    JsonObject created = ben.awaitBoard("rooms.created");
    assertEquals(2, created.getJsonArray("rooms").size());
    fay.ok(Cmd.command("rooms.assign").put("mode", "manual").put("assignments",
        new JsonObject().put(anna.id(), "nord").put(ben.id(), "sued")));
    fay.ok(Cmd.command("rooms.open"));
    anna.listen(w.roomAddress("nord"));
    ben.listen(w.roomAddress("sued"));

    anna.ok(Cmd.createNote("nord", Cmd.note("nord-1", 0, 0).put("text", "Radweg nach Lobeda")));
    anna.refused("not_allowed", Cmd.createNote("main", Cmd.note("elsewhere", 0, 0)));
    anna.refused("not_allowed", Cmd.createNote("sued", Cmd.note("elsewhere", 0, 0)));
    ben.ok(Cmd.createNote("sued", Cmd.note("sued-1", 0, 0).put("text", "Busse öfter")));
    assertEquals(Map.of("nord-1", "Radweg nach Lobeda"), texts(Workshop.notes(fay.socket(), "nord")));
    assertEquals(Map.of("sued-1", "Busse öfter"), texts(Workshop.notes(fay.socket(), "sued")));

    fay.ok(Cmd.command("rooms.close"));
    fay.socket().awaitMessage(w.boardAddress(), e -> "snapshot.taken".equals(e.getString("type"))
        && "rooms.closed".equals(e.getJsonObject("snapshot").getString("occasion")));
    for (String room : List.of("nord", "sued")) {
      fay.ok(Cmd.command("rooms.harvest").put("room", room));
      JsonObject harvested = ben.socket().awaitMessage(w.roomAddress("main"),
          e -> "rooms.harvested".equals(e.getString("type")) && room.equals(e.getString("room")));
      assertEquals(room.equals("nord") ? "Gruppe Nord" : "Gruppe Süd", harvested.getJsonObject("section").getString("title"));
      assertEquals(1, harvested.getJsonArray("notes").size(), harvested.encode());
      JsonObject copy = harvested.getJsonArray("notes").getJsonObject(0);
      assertEquals(room, copy.getJsonObject("origin").getString("room"));
      notes.put(copy.getString("id"), copy.getString("text"));
    }
    assertTrue(notes.containsValue("Radweg nach Lobeda") && notes.containsValue("Busse öfter"), notes.toString());
    assertPlenary("the plenary after the harvest", Workshop.notes(anna.socket(), "main"));
    createNote(anna, "back", "Zurück im Plenum", ben);
  }

  /** A named snapshot, read back over HTTP: it holds the plenary's notes. */
  void aSnapshot() {
    JsonObject taken = fay.ok(Cmd.command("snapshot.take").put("name", "Ergebnis"));
    String snapshotId = taken.getJsonObject("snapshot").getString("id");
    TestNode.HttpResult read = node.get("/api/boards/" + w.id() + "/snapshots/" + snapshotId, fay.token());
    assertEquals(200, read.status(), read.toString());
    JsonObject doc = read.json();
    assertEquals("Ergebnis", doc.getJsonObject("snapshot").getString("name"));
    assertPlenary("the snapshot's plenary", room(doc, "main").getJsonArray("notes"));
  }

  /** {@code GET /health} says ok and Redis is reachable. */
  void healthIsOk() {
    TestNode.HttpResult health = node.get("/health", null);
    assertEquals(200, health.status(), health.body());
    assertEquals("ok", health.json().getString("status"), health.body());
    assertEquals(true, health.json().getJsonObject("redis").getBoolean("ok"), health.body());
  }

  /** The JSON export holds every acknowledged note of the plenary and the rooms, and the round's results. */
  void theExportHoldsEverything() {
    HttpResponse<byte[]> response = TestNode.http(node.port()).download("/api/boards/" + w.id() + "/export/json", fay.token());
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertEquals(200, response.statusCode(), body);
    JsonObject doc = new JsonObject(body);
    assertPlenary("the exported plenary", room(doc, "main").getJsonArray("notes"));
    assertEquals(Map.of("nord-1", "Radweg nach Lobeda"), texts(room(doc, "nord").getJsonArray("notes")));
    assertEquals(Map.of("sued-1", "Busse öfter"), texts(room(doc, "sued").getJsonArray("notes")));
    JsonObject round = doc.getJsonArray("rounds").stream().map(r -> (JsonObject) r)
        .filter(r -> "Was zuerst?".equals(r.getString("title"))).findFirst().orElseThrow(() -> new AssertionError(body));
    assertEquals(5, round.getJsonObject("results").getInteger("votes"));
  }

  /**
   * What the store holds through a new socket: the plenary's notes are exactly the acknowledged
   * ones, and each stream's op log runs 1, 2, 3... without a gap or a repeat, with one
   * note.created for every note written in the plenary.
   */
  void theStoreHoldsEveryAcknowledgedNote() {
    try (BridgeClient fresh = BridgeClient.connect(node.werkraum().vertx(), node.port(), fay.token())) {
      JsonObject full = Workshop.fullState(fresh, "main");
      assertPlenary("the plenary's notes in the store",
          full.getJsonObject("room").getJsonObject("state").getJsonArray("notes"));
      long roomSeq = full.getJsonObject("room").getLong("seq");
      long boardSeq = full.getJsonObject("board").getLong("seq");
      JsonObject log = assertOk(fresh.command(Cmd.sync("main", 0L, 0L)));
      assertContiguous("room", log.getJsonObject("room"), roomSeq);
      assertContiguous("board", log.getJsonObject("board"), boardSeq);
      Map<String, Long> createdEvents = log.getJsonObject("room").getJsonArray("events").stream()
          .map(e -> (JsonObject) e).filter(e -> "note.created".equals(e.getString("type")))
          .collect(Collectors.groupingBy(e -> e.getJsonObject("note").getString("id"), TreeMap::new, Collectors.counting()));
      assertEquals(createdInPlenary, createdEvents.keySet(), "the notes with a note.created event");
      createdEvents.forEach((id, count) -> assertEquals(1L, count, "note.created events for " + id));
    }
  }

  private static void assertContiguous(String stream, JsonObject read, long seq) {
    assertEquals("delta", read.getString("mode"), stream + " log: " + read.encode());
    List<Long> seqs = read.getJsonArray("events").stream().map(e -> ((JsonObject) e).getLong("seq")).toList();
    List<Long> expected = new ArrayList<>();
    for (long s = 1; s <= seq; s++) {
      expected.add(s);
    }
    assertEquals(expected, seqs, "the " + stream + " stream's op log");
  }

  /**
   * The plenary's notes are exactly the acknowledged ones; a failure names the notes missing (lost
   * after they were acknowledged), the ones that should not be there and the ones with another text.
   */
  void assertPlenary(String what, JsonArray actualNotes) {
    Map<String, String> actual = texts(actualNotes);
    if (actual.equals(notes)) {
      return;
    }
    Set<String> missing = new TreeSet<>(notes.keySet());
    missing.removeAll(actual.keySet());
    Set<String> unexpected = new TreeSet<>(actual.keySet());
    unexpected.removeAll(notes.keySet());
    Set<String> changed = new TreeSet<>();
    notes.forEach((id, text) -> {
      if (actual.containsKey(id) && !text.equals(actual.get(id))) {
        changed.add(id + ": '" + actual.get(id) + "' instead of '" + text + "'");
      }
    });
    fail(what + ": " + actual.size() + " notes instead of the " + notes.size() + " acknowledged; missing "
        + missing.size() + " acknowledged: " + missing + "; not expected: " + unexpected + "; other text: " + changed);
  }

  static JsonObject room(JsonObject doc, String id) {
    return doc.getJsonArray("rooms").stream().map(r -> (JsonObject) r).filter(r -> id.equals(r.getString("id")))
        .findFirst().orElseThrow(() -> new AssertionError("no room " + id + " in " + doc.encode()));
  }

  /** id -> text of an array of notes. */
  static Map<String, String> texts(JsonArray notes) {
    Map<String, String> texts = new TreeMap<>();
    for (Object o : notes) {
      JsonObject note = (JsonObject) o;
      texts.put(note.getString("id"), note.getString("text"));
    }
    return texts;
  }

  /** The retries so far, for the test's output. */
  String retrySummary() {
    synchronized (retryLog) {
      return retries.get() + " resent" + (retryLog.isEmpty() ? "" : ":\n  " + String.join("\n  ", retryLog));
    }
  }

  @Override
  public void close() {
    w.close();
  }
}
