package io.werkraum.command;

import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.RedisPause;
import io.werkraum.testing.Workshop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule that guards a write is checked in the write: two commands that race each other
 * (held in Redis, then let go in order) come out as if one ran after the other, never as two
 * decisions made on what neither of them saw.
 */
class AtomicChecksTest extends NodeTest {
  static DirectStore direct;

  @BeforeAll
  static void connect() {
    direct = new DirectStore(node.werkraum().vertx(), redis.url());
    // Redis learns each script the first time it runs (NOSCRIPT, then the script's text): held
    // commands would go in again in the order of those answers. Every script used below runs once
    // first, so a held command is the command itself.
    try (Workshop w = Workshop.create(node, "Aufwärmen")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      fac.ok(rooms("r1", "r2"));
      fac.ok(Cmd.command("rooms.assign").put("mode", "choice"));
      a.ok(Cmd.command("room.choose").put("room", "r1"));
      fac.ok(Cmd.command("participant.move").put("id", participantId(anna)).put("room", "r2"));
      fac.ok(Cmd.command("rooms.assign").put("mode", "manual").put("assignments", new JsonObject()));
      a.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0)));
      fac.ok(Cmd.lock(true));
      fac.ok(Cmd.startRound("r1"));
    }
  }

  @AfterAll
  static void disconnect() {
    direct.close();
  }

  private static Future<JsonObject> send(BridgeClient client, JsonObject command) {
    return client.requestAsync("werkraum.commands", command).map(frame -> frame.getJsonObject("body"));
  }

  /** A rooms.create of rooms with these ids, each named "Raum <id>". */
  private static JsonObject rooms(String... ids) {
    return Cmd.createRooms(java.util.Arrays.stream(ids).map(id -> Cmd.room(id, "Raum " + id)).toArray(JsonObject[]::new));
  }

  @Test
  void aParticipantMovedWhileWritingWritesInTheRoomTheyAreInOrIsRefused() {
    try (Workshop w = Workshop.create(node, "Umzug beim Schreiben")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "");
      fac.ok(rooms("r1", "r2"));
      fac.ok(Cmd.command("rooms.assign").put("mode", "manual").put("assignments", new JsonObject().put(participantId(anna), "r1")));
      fac.ok(Cmd.command("rooms.open"));
      BridgeClient a = w.connect(anna);
      a.ok(Cmd.sync("r1", null, null));

      Future<JsonObject> move;
      Future<JsonObject> write;
      try (RedisPause pause = RedisPause.writes(direct)) {
        move = send(fac, Cmd.command("participant.move").put("id", participantId(anna)).put("room", "r2"));
        pause.awaitHeldScripts(1);
        write = send(a, Cmd.createNote("r1", Cmd.note("late", 0, 0).put("text", "noch in r1?")));
        pause.awaitHeldScripts(2);
      }
      assertEquals(true, BridgeClient.await(move).getBoolean("ok"));
      JsonObject refused = BridgeClient.await(write);
      assertEquals(false, refused.getBoolean("ok"), "she was moved before her write: " + refused.encode());
      assertEquals("not_allowed", refused.getString("code"));
      assertEquals("r2", refused.getString("room"), "the refusal says where she is");
      assertTrue(Workshop.notes(fac, "r1").isEmpty(), "nothing landed in the room she left");
    }
  }

  @Test
  void twoFacilitatorsStartingRoundsAtOnceOpenExactlyOne() {
    try (Workshop w = Workshop.create(node, "Zwei Runden")) {
      BridgeClient fay = w.connect(w.joinAsFacilitator("Fay"));
      BridgeClient gil = w.connect(w.joinAsFacilitator("Gil"));
      fay.ok(Cmd.sync("main", null, null));
      gil.ok(Cmd.sync("main", null, null));
      Future<JsonObject> first;
      Future<JsonObject> second;
      try (RedisPause pause = RedisPause.writes(direct)) {
        first = send(fay, Cmd.startRound("fay"));
        pause.awaitHeldScripts(1);
        second = send(gil, Cmd.startRound("gil"));
        pause.awaitHeldScripts(2);
      }
      JsonObject started = BridgeClient.await(first);
      assertEquals(true, started.getBoolean("ok"), started.encode());
      JsonObject refused = BridgeClient.await(second);
      assertEquals("conflict", refused.getString("code"), "one round is open at a time: " + refused.encode());
      JsonArray rounds = Workshop.fullState(fay, "main").getJsonObject("board").getJsonObject("state").getJsonArray("rounds");
      assertEquals(1, rounds.size(), rounds.encode());
    }
  }

  @Test
  void aRoomChosenAsTheFacilitatorStopsLettingPeopleChooseIsRefused() {
    try (Workshop w = Workshop.create(node, "Wahl vorbei")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "");
      fac.ok(rooms("r1", "r2"));
      fac.ok(Cmd.command("rooms.assign").put("mode", "choice"));
      BridgeClient a = w.connect(anna);
      a.ok(Cmd.sync("main", null, null));

      Future<JsonObject> assign;
      Future<JsonObject> choose;
      try (RedisPause pause = RedisPause.writes(direct)) {
        assign = send(fac, Cmd.command("rooms.assign").put("mode", "manual").put("assignments", new JsonObject()));
        pause.awaitHeldScripts(1);
        choose = send(a, Cmd.command("room.choose").put("room", "r2"));
        pause.awaitHeldScripts(2);
      }
      assertEquals(true, BridgeClient.await(assign).getBoolean("ok"));
      assertEquals("not_allowed", BridgeClient.await(choose).getString("code"), "choosing had ended");
      JsonObject state = Workshop.fullState(fac, "main").getJsonObject("board").getJsonObject("state");
      assertNull(Workshop.byId(state.getJsonArray("participants"), participantId(anna)).getValue("room"));
    }
  }

  @Test
  void aNoteWrittenAsTheBoardIsLockedIsRefused() {
    try (Workshop w = Workshop.create(node, "Abgeschlossen")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      BridgeClient a = w.connect(w.join("Anna", ""));
      fac.ok(Cmd.sync("main", null, null));
      a.ok(Cmd.sync("main", null, null));
      Future<JsonObject> lock;
      Future<JsonObject> write;
      try (RedisPause pause = RedisPause.writes(direct)) {
        lock = send(fac, Cmd.lock(true));
        pause.awaitHeldScripts(1);
        write = send(a, Cmd.createNote("main", Cmd.note("late", 0, 0)));
        pause.awaitHeldScripts(2);
      }
      JsonObject locked = BridgeClient.await(lock);
      assertEquals(true, locked.getBoolean("ok"), locked.encode());
      JsonObject refused = BridgeClient.await(write);
      assertEquals("board_locked", refused.getString("code"), refused.encode());
      assertTrue(Workshop.notes(fac, "main").isEmpty());
    }
  }
}
