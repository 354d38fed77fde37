package io.werkraum.audit;

import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Resp;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestNode.HttpResult;
import io.werkraum.testing.Workshop;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The audit log through the real path: commands over sockets, downloads over HTTP, the stream in Redis. */
class AuditLogTest extends NodeTest {

  @Test
  void facilitatorActionsAreListedNewestFirstWithWhoAndWhatButNoText() {
    try (Workshop w = Workshop.create(node, "Protokolliert")) {
      JsonObject feeJoined = w.joinAsFacilitator("Fee");
      BridgeClient fee = w.connect(feeJoined);
      JsonObject annaJoined = w.join("Anna Beispiel", "Stadt Pößneck");
      BridgeClient anna = w.connect(annaJoined);
      assertOk(anna.command(Cmd.createNote("main", Cmd.note(Cmd.id(), 0, 0).put("text", "Geheimer Vorschlag 4711"))));
      assertOk(fee.command(Cmd.lock(true)));
      assertOk(fee.command(Cmd.lock(false)));
      assertOk(fee.command(Cmd.linksRenew("participant")));
      assertOk(fee.command(Cmd.startRound("r1")));
      assertOk(fee.command(Cmd.closeRound("r1")));
      assertOk(fee.command(Cmd.command("snapshot.take").put("name", "Stand")));
      assertOk(fee.command(Cmd.removeParticipant(Workshop.participantId(annaJoined))));
      HttpResponse<byte[]> export = TestNode.http(node.port()).download("/api/boards/" + w.id() + "/export/csv",
          feeJoined.getString("token"));
      assertEquals(200, export.statusCode());

      JsonArray entries = awaitEntries(w, feeJoined, e -> e.size() >= 9);
      List<String> actions = new ArrayList<>();
      entries.forEach(e -> actions.add(((JsonObject) e).getString("action")));
      assertEquals(List.of("export.downloaded", "participant.removed", "snapshot.taken", "round.closed", "round.started",
          "links.renewed", "board.unlocked", "board.locked", "board.created"), actions);
      JsonObject locked = entries.getJsonObject(7);
      assertEquals(Workshop.participantId(feeJoined), locked.getString("actor"));
      assertEquals("Fee", locked.getString("name"));
      assertEquals("facilitator", locked.getString("role"));
      assertEquals(new JsonObject().put("format", "csv"), entries.getJsonObject(0).getJsonObject("details"));
      assertEquals(Workshop.participantId(annaJoined), entries.getJsonObject(1).getJsonObject("details").getString("participant"));

      String stored = Resp.call(redisPort(), "XRANGE", "{b:" + w.id() + "}:audit", "-", "+").toString();
      assertFalse(stored.contains("4711"), "no note text in the audit log: " + stored);
      assertFalse(stored.contains("Anna") || stored.contains("Pößneck"), "no participant's name or organisation: " + stored);
    }
  }

  @Test
  void aResentCommandIsRecordedOnce() {
    try (Workshop w = Workshop.create(node, "Einmal")) {
      JsonObject feeJoined = w.joinAsFacilitator("Fee");
      BridgeClient fee = w.connect(feeJoined);
      JsonObject lock = Cmd.lock(true);
      assertOk(fee.command(lock));
      assertOk(fee.command(lock));
      JsonArray entries = auditOf(w, feeJoined);
      assertEquals(1, entries.stream().filter(e -> "board.locked".equals(((JsonObject) e).getString("action"))).count(),
          entries.encode());
    }
  }

  @Test
  void onlyFacilitatorsReadItAndTheyDownloadItAsCsv() {
    try (Workshop w = Workshop.create(node, "Herunterladen")) {
      JsonObject feeJoined = w.joinAsFacilitator("Fee");
      assertOk(w.connect(feeJoined).command(Cmd.lock(true)));
      JsonObject anna = w.join("Anna", "");
      assertEquals(403, node.get("/api/boards/" + w.id() + "/audit", anna.getString("token")).status());
      assertEquals(401, node.get("/api/boards/" + w.id() + "/audit", null).status());

      HttpResponse<byte[]> csv = TestNode.http(node.port()).download("/api/boards/" + w.id() + "/audit?format=csv&lang=de",
          feeJoined.getString("token"));
      assertEquals(200, csv.statusCode());
      assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("audit-" + w.id() + ".csv"));
      String text = new String(csv.body(), StandardCharsets.UTF_8);
      String[] lines = text.substring(1).split("\r\n");
      assertEquals("Zeit (UTC),Wer,Rolle,Aktion,Code,Einzelheiten", lines[0]);
      assertTrue(lines[1].contains(",Fee,Moderation,Board gesperrt,board.locked,"), lines[1]);
    }
  }

  @Test
  void aSocketRefusedForAUsedTicketIsRecorded() {
    try (Workshop w = Workshop.create(node, "Abgewiesen")) {
      JsonObject feeJoined = w.joinAsFacilitator("Fee");
      String ticket = TestNode.http(node.port()).postBearer("/api/boards/" + w.id() + "/ticket",
          feeJoined.getString("token")).json().getString("ticket");
      assertFalse(BridgeClient.refusedTicket(node.werkraum().vertx(), node.port(), ticket, "http://127.0.0.1:" + node.port()));
      assertTrue(BridgeClient.refusedTicket(node.werkraum().vertx(), node.port(), ticket, "http://127.0.0.1:" + node.port()));
      JsonArray entries = awaitEntries(w, feeJoined, e -> e.stream()
          .anyMatch(x -> "socket.refused".equals(((JsonObject) x).getString("action"))));
      JsonObject refused = entries.stream().map(JsonObject.class::cast)
          .filter(x -> "socket.refused".equals(x.getString("action"))).findFirst().orElseThrow();
      assertEquals("ticket_used", refused.getJsonObject("details").getString("reason"));
    }
  }

  @Test
  void eachEntryIsOneJsonLineForTheOperator() {
    List<String> lines = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (lines) {
          lines.add(record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("werkraum.audit");
    logger.addHandler(capture);
    try (Workshop w = Workshop.create(node, "Zeile")) {
      assertOk(w.connect(w.joinAsFacilitator("Fee")).command(Cmd.lock(true)));
      Resp.await("the lock's line", 10_000, () -> snapshot(lines).stream().anyMatch(l -> l.contains(w.id())
          && l.contains("board.locked")), () -> snapshot(lines).toString());
      String line = snapshot(lines).stream().filter(l -> l.contains("board.locked") && l.contains(w.id())).findFirst().orElseThrow();
      JsonObject audit = new JsonObject(line).getJsonObject("audit");
      assertEquals("board.locked", audit.getString("action"));
      assertEquals(w.id(), audit.getString("board"));
      assertEquals("facilitator", audit.getString("role"));
    } finally {
      logger.removeHandler(capture);
    }
  }

  private static List<String> snapshot(List<String> lines) {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** The log once {@code done} holds for it: some entries are written after the answer. */
  private static JsonArray awaitEntries(Workshop w, JsonObject facilitator, Predicate<JsonArray> done) {
    Resp.await("audit entries", 10_000, () -> done.test(auditOf(w, facilitator)), () -> auditOf(w, facilitator).encode());
    return auditOf(w, facilitator);
  }

  private static JsonArray auditOf(Workshop w, JsonObject facilitator) {
    HttpResult result = node.get("/api/boards/" + w.id() + "/audit", facilitator.getString("token"));
    assertEquals(200, result.status(), result.body());
    return result.json().getJsonArray("entries");
  }

  private static int redisPort() {
    return redis.port();
  }
}
