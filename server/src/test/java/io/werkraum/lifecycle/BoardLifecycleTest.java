package io.werkraum.lifecycle;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.Protocol;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.ClusterTest;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Resp;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestNode.HttpResult;
import io.werkraum.testing.TestRedis;
import io.werkraum.testing.Workshop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting a board and its retention, through the real path: commands over real sockets, the
 * server's own expiry sweep on two nodes sharing one Redis, and the keyspace read from Redis.
 */
class BoardLifecycleTest {
  private static final long DAY_MS = 24L * 3600 * 1000;

  private static TestRedis redis;
  private static TestNode nodeA;
  private static TestNode nodeB;

  /** Two clustered nodes; both look for expired boards every second: a board must still be deleted once. */
  @BeforeAll
  static void start(@TempDir Path dir) {
    redis = new TestRedis();
    TestNode[] pair = ClusterTest.startPair(redis, dir, Map.of("WERKRAUM_RETENTION_DAYS", "30",
        "WERKRAUM_MAX_RETENTION_DAYS", "60", "WERKRAUM_RETENTION_SWEEP_SECONDS", "1"));
    nodeA = pair[0];
    nodeB = pair[1];
  }

  @AfterAll
  static void stop() {
    nodeA.close();
    nodeB.close();
    redis.close();
  }

  @Test
  void deletingABoardRemovesEveryKeyOfItClosesItsSocketsAndItsLinksSayItIsGone() {
    try (Workshop w = Workshop.create(nodeA, "Zu löschen"); Workshop other = Workshop.create(nodeA, "Bleibt")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fee"));
      BridgeClient anna = w.joinAndListen("Anna");
      String note = Cmd.id();
      assertOk(anna.command(Cmd.createNote("main", Cmd.note(note, 10, 10).put("text", "Jugendtreff"))));
      assertOk(fac.command(Cmd.createRooms(Cmd.room("r1", "Gruppe 1"))));
      assertOk(fac.command(Cmd.createNote("r1", Cmd.note(Cmd.id(), 0, 0))));
      assertOk(fac.command(Cmd.command("snapshot.take").put("name", "Stand")));
      assertOk(fac.command(Cmd.startRound("round1")));
      assertOk(fac.command(Cmd.lock(true)));
      BridgeClient otherFac = other.connect(other.joinAsFacilitator("Olga"));
      assertOk(otherFac.command(Cmd.createNote("main", Cmd.note(Cmd.id(), 0, 0))));
      List<String> otherKeys = keysOf(other.id());

      List<String> before = keysOf(w.id());
      for (String part : List.of(":meta", ":participants", ":settings", ":snapshots", ":snapshot:", ":cmd:", ":ticket:",
          ":audit", ":expiring", ":room:main:notes", ":room:r1:notes", ":ballot", ":rounds", ":log")) {
        assertTrue(before.stream().anyMatch(k -> k.contains(part)), "before: a key with " + part + " in " + before);
      }

      Future<JsonObject> reply = fac.requestAsync(Addresses.COMMANDS, Cmd.deleteBoard());
      assertGoneClosed(fac);

      assertEquals(List.of(), keysOf(w.id()), "every key of the deleted board is gone");
      assertEquals(otherKeys.size(), keysOf(other.id()).size(), "another board keeps its keys");
      assertGoneClosed(anna);
      assertDeletedIfAnswered(reply);

      HttpResult join = nodeB.post("/api/boards/" + w.id() + "/join",
          new JsonObject().put("joinCode", w.board().getString("joinCode")).put("name", "Spät"));
      assertEquals(410, join.status(), join.body());
      assertEquals("board_gone", join.json().getString("code"));
      assertEquals(List.of(), keysOf(w.id()), "a refused join writes nothing");
      assertRecordedOnce(w.id(), "board.deleted");
    }
  }

  @Test
  void twoFacilitatorsDeletingAtOnceAreBothToldAndItIsDeletedOnce() {
    try (Workshop w = Workshop.create(nodeA, "Doppelt")) {
      BridgeClient fee = w.connect(w.joinAsFacilitator("Fee"));
      // The other facilitator on the other node.
      BridgeClient finn = BridgeClient.connect(nodeB.werkraum().vertx(), nodeB.port(),
          w.joinAsFacilitator("Finn").getString("token"));
      try {
        // Both sockets confirmed before either deletes.
        fee.roundTrip();
        finn.roundTrip();
        Future<JsonObject> first = fee.requestAsync(Addresses.COMMANDS, Cmd.deleteBoard());
        Future<JsonObject> second = finn.requestAsync(Addresses.COMMANDS, Cmd.deleteBoard());
        // Each socket is closed as gone; a reply that reached its socket before that says deleted.
        assertGoneClosed(fee);
        assertGoneClosed(finn);
        assertDeletedIfAnswered(first);
        assertDeletedIfAnswered(second);
        assertEquals(List.of(), keysOf(w.id()));
        assertRecordedOnce(w.id(), "board.deleted");
      } finally {
        finn.close();
      }
    }
  }

  @Test
  void onlyFacilitatorsDeleteABoardOrChangeHowLongItIsKept() {
    try (Workshop w = Workshop.create(nodeA, "Nicht für alle")) {
      BridgeClient anna = w.joinAndListen("Anna");
      List<String> before = keysOf(w.id());
      assertError("not_allowed", anna.command(Cmd.deleteBoard()));
      assertError("not_allowed", anna.command(Cmd.retention(3)));
      assertTrue(keysOf(w.id()).containsAll(before.stream().filter(k -> !k.contains(":cmd:")).toList()));
    }
  }

  @Test
  void facilitatorsChooseHowLongTheBoardIsKeptWithinTheCap() {
    try (Workshop w = Workshop.create(nodeA, "Kurz")) {
      JsonObject fee = w.joinAsFacilitator("Fee");
      BridgeClient fac = w.connect(fee);
      fac.registerAndWait(w.boardAddress());
      assertError("invalid_input", fac.command(Cmd.retention(61)));
      assertError("invalid_input", fac.command(Cmd.retention(0)));
      long sent = System.currentTimeMillis();
      assertOk(fac.command(Cmd.retention(7)));
      fac.awaitMessage(w.boardAddress(), m -> "settings.updated".equals(m.getString("type"))
          && Integer.valueOf(7).equals(m.getJsonObject("patch").getInteger("retentionDays")));
      // Looked at when seven quiet days would have passed, not after the default thirty.
      Resp.await("the board is scheduled by its own retention", 10_000,
          () -> expiryScore(w.id()) <= sent + 7 * DAY_MS + 60_000, () -> "score " + expiryScore(w.id()));

      // The minutes and the report say how long the board is kept.
      String minutes = new String(TestNode.http(nodeA.port()).download("/api/boards/" + w.id() + "/export/md?lang=en",
          fee.getString("token")).body(), StandardCharsets.UTF_8);
      assertTrue(minutes.contains("This board and everything on it is deleted 7 days after its last activity."), minutes);
      byte[] pdf = TestNode.http(nodeA.port()).download("/api/boards/" + w.id() + "/export/pdf?lang=de",
          fee.getString("token")).body();
      assertTrue(pdfText(pdf).contains("7 Tage nach seiner letzten Aktivität"), "the report states the retention");

      HttpResult instance = nodeA.get("/api/privacy", null);
      assertEquals(new JsonObject().put("defaultDays", 30).put("maxDays", 60).put("auditDays", 365),
          instance.json().getJsonObject("retention"));
    }
  }

  @Test
  void aBoardPastItsRetentionIsDeletedByTheServerExactlyOnceWithoutAnyoneAsking() {
    try (Workshop w = Workshop.create(nodeA, "Alt")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fee"));
      BridgeClient anna = w.joinAndListen("Anna");
      assertOk(fac.command(Cmd.retention(2)));
      assertOk(anna.command(Cmd.createNote("main", Cmd.note(Cmd.id(), 0, 0))));
      // Three quiet days ago as far as the board knows; due to be looked at now.
      long now = System.currentTimeMillis();
      Resp.call(redis.port(), "HSET", "{b:" + w.id() + "}:meta", "lastActivity", now - 3 * DAY_MS);
      Resp.call(redis.port(), "ZADD", "werkraum:expiry", now - 1, w.id());

      Resp.await("the expired board is deleted", 20_000, () -> keysOf(w.id()).isEmpty(), () -> keysOf(w.id()).toString());
      assertGoneClosed(anna);
      Resp.await("it leaves the schedule", 10_000, () -> Resp.call(redis.port(), "ZSCORE", "werkraum:expiry", w.id()) == null,
          () -> "still scheduled");
      // Two nodes looked; one deleted it.
      assertRecordedOnce(w.id(), "board.expired");
    }
  }

  @Test
  void aBoardInUseIsKeptAndLookedAtAgainWhenItWouldExpire() {
    try (Workshop w = Workshop.create(nodeA, "Aktiv")) {
      BridgeClient anna = w.joinAndListen("Anna");
      assertOk(anna.command(Cmd.createNote("main", Cmd.note(Cmd.id(), 0, 0))));
      long now = System.currentTimeMillis();
      Resp.call(redis.port(), "ZADD", "werkraum:expiry", now - 1, w.id());
      Resp.await("the board is scheduled again for thirty days after its last activity", 20_000,
          () -> expiryScore(w.id()) > now + 29 * DAY_MS, () -> "score " + expiryScore(w.id()));
      assertFalse(keysOf(w.id()).isEmpty(), "kept");
      assertOk(anna.command(Cmd.createNote("main", Cmd.note(Cmd.id(), 0, 0))));
    }
  }

  /** The socket was closed because its board is gone (the browser stops reconnecting on that code). */
  private static void assertGoneClosed(BridgeClient client) {
    assertTrue(client.awaitClosed(), "closed");
    assertEquals(Protocol.CLOSE_BOARD_GONE, (int) client.closeStatus());
  }

  private static void assertDeletedIfAnswered(Future<JsonObject> reply) {
    if (reply.succeeded()) {
      JsonObject body = reply.result().getJsonObject("body");
      assertTrue(assertOk(body).getBoolean("deleted"), body.encode());
    }
  }

  private static String pdfText(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every key of the board, sorted. */
  @SuppressWarnings("unchecked")
  private static List<String> keysOf(String board) {
    List<Object> keys = (List<Object>) Resp.call(redis.port(), "KEYS", "{b:" + board + "}*");
    return keys.stream().map(Object::toString).sorted().toList();
  }

  private static long expiryScore(String board) {
    Object score = Resp.call(redis.port(), "ZSCORE", "werkraum:expiry", board);
    return score == null ? Long.MAX_VALUE : (long) Double.parseDouble(score.toString());
  }

  /** The instance's audit log records the action on the board (written just after it), once. */
  private static void assertRecordedOnce(String board, String action) {
    Resp.await(action + " is in the instance's audit log", 10_000, () -> instanceAudit(board, action) > 0, () -> "");
    assertEquals(1, instanceAudit(board, action), action);
  }

  /** How many entries of the instance's audit log record {@code action} on the board. */
  @SuppressWarnings("unchecked")
  static long instanceAudit(String board, String action) {
    List<Object> entries = (List<Object>) Resp.call(redis.port(), "XRANGE", "werkraum:audit", "-", "+");
    return entries.stream().map(e -> new JsonObject(((List<Object>) e).get(1) instanceof List<?> f ? f.get(1).toString() : "{}"))
        .filter(e -> board.equals(e.getString("board")) && action.equals(e.getString("action"))).count();
  }
}
