package io.werkraum.realtime;

import io.werkraum.testing.NodeTest;
import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static io.werkraum.testing.Workshop.byId;
import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.werkraum.board.Actor;
import io.werkraum.board.Role;
import io.werkraum.store.Keys;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.Workshop;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Catching up: the full state, deltas from the op log, and when a delta is no longer possible. */
class SyncTest extends NodeTest {
  static DirectStore direct;

  @BeforeAll
  static void openStore() {
    direct = new DirectStore(node.werkraum().vertx(), redis.url());
  }

  @AfterAll
  static void closeStore() {
    direct.close();
  }

  static JsonObject sync(BridgeClient client, String room, Long boardSeq, Long roomSeq) {
    return assertOk(client.command(Cmd.sync(room, boardSeq, roomSeq)));
  }


  static List<Long> seqs(JsonArray events) {
    return events.stream().map(e -> ((JsonObject) e).getLong("seq")).toList();
  }

  static List<Long> range(long fromInclusive, long toInclusive) {
    return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
  }

  /** Waits until the online list on the board address names the participant. */
  static void awaitOnline(BridgeClient client, Workshop w, String participantId) {
    client.awaitMessage(w.boardAddress(),
        m -> "online".equals(m.getString("type")) && m.getJsonArray("participants").contains(participantId));
  }

  @Test
  void withoutSequenceNumbersTheFullStateComes() {
    try (Workshop w = Workshop.create(node, "Sozialplanung Landkreis")) {
      JsonObject anna = w.join("Anna", "Stadt Jena");
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient a = w.connect(anna);
      a.registerAndWait(w.boardAddress());
      BridgeClient f = w.connect(fay);
      awaitOnline(a, w, participantId(fay));
      assertOk(f.command(Cmd.createNote("main", Cmd.note("n1", 10, 20).put("text", "Kita-Plätze").put("color", "blue"))));
      assertOk(f.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 800, 600, "Bedarfe"))));

      JsonObject reply = sync(a, "main", null, null);
      JsonObject board = reply.getJsonObject("board");
      assertEquals("full", board.getString("mode"));
      assertEquals(2, board.getLong("seq"), "two joins");
      JsonObject boardState = board.getJsonObject("state");
      assertEquals("Sozialplanung Landkreis", boardState.getJsonObject("board").getString("title"));
      assertEquals(w.id(), boardState.getJsonObject("board").getString("id"));
      JsonArray participants = boardState.getJsonArray("participants");
      assertEquals(2, participants.size());
      JsonObject annaState = byId(participants, participantId(anna));
      assertEquals("Anna", annaState.getString("name"));
      assertEquals("Stadt Jena", annaState.getString("organisation"));
      assertEquals("participant", annaState.getString("role"));
      assertNotNull(annaState.getString("color"));
      assertEquals("facilitator", byId(participants, participantId(fay)).getString("role"));
      assertTrue(boardState.getJsonArray("online").contains(participantId(anna)), boardState.encode());
      assertTrue(boardState.getJsonArray("online").contains(participantId(fay)), boardState.encode());
      assertTrue(reply.getJsonArray("online").contains(participantId(anna)));

      JsonObject room = reply.getJsonObject("room");
      assertEquals("full", room.getString("mode"));
      assertEquals(2, room.getLong("seq"));
      assertEquals("main", room.getJsonObject("state").getString("room"));
      JsonObject note = byId(room.getJsonObject("state").getJsonArray("notes"), "n1");
      assertEquals("Kita-Plätze", note.getString("text"));
      assertEquals("blue", note.getString("color"));
      assertEquals(participantId(fay), note.getString("author"));
      assertEquals("Bedarfe", byId(room.getJsonObject("state").getJsonArray("sections"), "s1").getString("title"));

      // The full state never carries the links' credentials.
      String encoded = reply.encode();
      assertFalse(encoded.contains(w.board().getString("facilitatorSecret")));
      assertFalse(encoded.contains(w.board().getString("joinCode")));
    }
  }

  @Test
  void aRecentSequenceNumberGetsExactlyTheMissingEventsInOrder() {
    try (Workshop w = Workshop.create(node, "Delta")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      BridgeClient b = w.joinAndListen("Ben");
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n2", 0, 0))));
      assertOk(a.command(Cmd.updateNote("main", "n1", new JsonObject().put("text", "eins"))));
      assertOk(a.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 100, 100, "Titel"))));
      assertOk(a.command(Cmd.deleteNote("main", "n2")));
      assertOk(a.command(Cmd.updateParticipant(new JsonObject().put("name", "Anna B."))));

      JsonObject reply = sync(b, "main", 1L, 2L);
      JsonObject room = reply.getJsonObject("room");
      assertEquals("delta", room.getString("mode"));
      assertEquals(5, room.getLong("seq"));
      JsonArray events = room.getJsonArray("events");
      assertEquals(List.of(3L, 4L, 5L), seqs(events));
      assertEquals(List.of("note.updated", "section.created", "note.deleted"),
          events.stream().map(e -> ((JsonObject) e).getString("type")).toList());
      assertEquals("eins", events.getJsonObject(0).getJsonObject("patch").getString("text"));
      assertEquals("n2", events.getJsonObject(2).getString("id"));

      JsonObject board = reply.getJsonObject("board");
      assertEquals("delta", board.getString("mode"));
      assertEquals(List.of(2L, 3L), seqs(board.getJsonArray("events")));
      assertEquals("participant.joined", board.getJsonArray("events").getJsonObject(0).getString("type"));
      assertEquals("participant.updated", board.getJsonArray("events").getJsonObject(1).getString("type"));

      // A delta event is the very event that went out live.
      JsonObject live = b.awaitMessage(w.roomAddress("main"), e -> e.getLong("seq") == 4);
      assertEquals(live, events.getJsonObject(1));
    }
  }

  @Test
  void beingUpToDateGivesAnEmptyDelta() {
    try (Workshop w = Workshop.create(node, "Aktuell")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      JsonObject reply = sync(a, "main", 1L, 1L);
      assertEquals("delta", reply.getJsonObject("room").getString("mode"));
      assertTrue(reply.getJsonObject("room").getJsonArray("events").isEmpty());
      assertEquals(1, reply.getJsonObject("room").getLong("seq"));
      assertEquals("delta", reply.getJsonObject("board").getString("mode"));
      assertTrue(reply.getJsonObject("board").getJsonArray("events").isEmpty());
      // A fresh room with nothing in it: seq 0 is up to date.
      JsonObject fresh = Workshop.create(node, "Leer").board();
      try (BridgeClient c = BridgeClient.connect(node.werkraum().vertx(), node.port(),
          node.joinAsParticipant(fresh, "Cleo", "").getString("token"))) {
        JsonObject empty = sync(c, "main", null, 0L);
        assertEquals("delta", empty.getJsonObject("room").getString("mode"));
        assertEquals(0, empty.getJsonObject("room").getLong("seq"));
      }
    }
  }

  @Test
  void fiveHundredMissedEventsAreADeltaAndFiveHundredAndOneTheFullState() {
    try (Workshop w = Workshop.create(node, "Weit zurück")) {
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      Actor actor = new Actor(w.id(), participantId(anna), Role.PARTICIPANT);
      List<JsonObject> replies = direct.apply(actor, 501,
          i -> Cmd.updateNote("main", "n1", new JsonObject().put("text", "Version " + i)));
      assertTrue(replies.stream().allMatch(r -> r.getBoolean("ok")), replies.toString());
      // The store is at 502.
      JsonObject delta = sync(a, "main", null, 2L).getJsonObject("room");
      assertEquals("delta", delta.getString("mode"));
      assertEquals(range(3, 502), seqs(delta.getJsonArray("events")));

      JsonObject full = sync(a, "main", null, 1L).getJsonObject("room");
      assertEquals("full", full.getString("mode"));
      assertEquals(502, full.getLong("seq"));
      assertEquals(1, full.getJsonObject("state").getJsonArray("notes").size());
    }
  }

  @Test
  void theOpLogIsCappedAndASyncFromBeforeItIsTheFullState() {
    try (Workshop w = Workshop.create(node, "Gekappt")) {
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      Actor actor = new Actor(w.id(), participantId(anna), Role.PARTICIPANT);
      int updates = 1_500;
      assertTrue(direct.apply(actor, updates,
          i -> Cmd.updateNote("main", "n1", new JsonObject().put("x", i))).stream().allMatch(r -> r.getBoolean("ok")));
      long seq = updates + 1;
      long logLength = direct.send(Request.cmd(Command.XLEN).arg(Keys.roomLog(w.id(), "main"))).toLong();
      assertTrue(logLength >= 1_000 && logLength < seq, "the op log is capped near 1,000: " + logLength);

      JsonObject full = sync(a, "main", null, 10L).getJsonObject("room");
      assertEquals("full", full.getString("mode"));
      assertEquals(seq, full.getLong("seq"));

      JsonObject delta = sync(a, "main", null, seq - 100).getJsonObject("room");
      assertEquals("delta", delta.getString("mode"));
      JsonArray events = delta.getJsonArray("events");
      assertEquals(range(seq - 99, seq), seqs(events));
      // The full state is the result of the last event (the updates were applied concurrently).
      assertEquals(events.getJsonObject(events.size() - 1).getJsonObject("patch").getDouble("x"),
          full.getJsonObject("state").getJsonArray("notes").getJsonObject(0).getDouble("x"));
    }
  }

  @Test
  void aSequenceNumberAheadOfTheStoreGetsTheFullState() {
    try (Workshop w = Workshop.create(node, "Voraus")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      assertOk(a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      JsonObject reply = sync(a, "main", 50L, 40L);
      assertEquals("full", reply.getJsonObject("room").getString("mode"));
      assertEquals(1, reply.getJsonObject("room").getLong("seq"));
      assertEquals(1, reply.getJsonObject("room").getJsonObject("state").getJsonArray("notes").size());
      assertEquals("full", reply.getJsonObject("board").getString("mode"));
      assertEquals(1, reply.getJsonObject("board").getLong("seq"));
    }
  }

  @Test
  void afterAReconnectTheMissedEventsComeAsADelta() {
    try (Workshop w = Workshop.create(node, "Wiederverbinden")) {
      JsonObject anna = w.join("Anna", "");
      BridgeClient b = w.connect(w.join("Ben", ""));
      BridgeClient a1 = w.connect(anna);
      a1.register(w.boardAddress());
      a1.registerAndWait(w.roomAddress("main"));
      assertOk(b.command(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "vorher"))));
      JsonObject lastRoomEvent = a1.awaitMessage(w.roomAddress("main"), e -> e.getLong("seq") == 1);
      JsonObject initial = sync(a1, "main", null, null);
      long boardSeq = initial.getJsonObject("board").getLong("seq");
      long roomSeq = lastRoomEvent.getLong("seq");
      a1.close();

      // While Anna is away.
      assertOk(b.command(Cmd.updateNote("main", "n1", new JsonObject().put("text", "währenddessen"))));
      assertOk(b.command(Cmd.createNote("main", Cmd.note("n2", 5, 5))));
      assertOk(b.command(Cmd.deleteNote("main", "n1")));
      assertOk(b.command(Cmd.updateParticipant(new JsonObject().put("organisation", "Gera"))));

      BridgeClient a2 = w.connect(anna);
      a2.register(w.boardAddress());
      a2.registerAndWait(w.roomAddress("main"));
      JsonObject reply = sync(a2, "main", boardSeq, roomSeq);
      JsonObject room = reply.getJsonObject("room");
      assertEquals("delta", room.getString("mode"));
      JsonArray missed = room.getJsonArray("events");
      assertEquals(List.of(2L, 3L, 4L), seqs(missed));
      assertEquals(List.of("note.updated", "note.created", "note.deleted"),
          missed.stream().map(e -> ((JsonObject) e).getString("type")).toList());
      assertEquals("währenddessen", missed.getJsonObject(0).getJsonObject("patch").getString("text"));
      JsonObject board = reply.getJsonObject("board");
      assertEquals("delta", board.getString("mode"));
      assertEquals(List.of(boardSeq + 1), seqs(board.getJsonArray("events")));
      assertEquals("participant.updated", board.getJsonArray("events").getJsonObject(0).getString("type"));

      // And live events continue after the delta.
      assertOk(b.command(Cmd.createNote("main", Cmd.note("n3", 0, 0))));
      assertEquals("n3", a2.awaitMessage(w.roomAddress("main"), e -> e.getLong("seq") == 5).getJsonObject("note").getString("id"));
    }
  }

  @Test
  void syncingARoomThatDoesNotExistIsNotFound() {
    try (Workshop w = Workshop.create(node, "Kein Raum")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      JsonObject reply = a.command(Cmd.sync("breakout-1", null, null));
      assertEquals(false, reply.getBoolean("ok"), reply.encode());
      assertEquals("not_found", reply.getString("code"));
      reply = a.command(Cmd.sync("breakout-1", 0L, 0L));
      assertEquals("not_found", reply.getString("code"));
    }
  }
}
