package io.werkraum.metrics;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.testing.Await;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Scrape;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on the management port of a real node: Vert.x's meters and Werkraum's,
 * moved by real commands over real sockets, real presence and real exports over HTTP.
 */
class MetricsTest extends NodeTest {
  /** Vert.x's meters: HTTP server, event bus, pools, the Redis client, the JVM. */
  static final List<String> VERTX_NAMES = List.of(
      "vertx_http_server_requests_total", "vertx_http_server_response_time_seconds_count",
      "vertx_http_server_active_connections",
      "vertx_eventbus_handlers", "vertx_eventbus_published_total", "vertx_eventbus_processed_total",
      "vertx_pool_in_use", "vertx_pool_queue_pending",
      "vertx_redis_processing_time_seconds_count",
      "jvm_memory_used_bytes");
  /** Werkraum's: each one a node has once a command, presence, an export and a PING went through. */
  static final List<String> WERKRAUM_NAMES = List.of(
      "werkraum_sockets_open", "werkraum_boards_active",
      "werkraum_commands_total", "werkraum_command_duration_seconds_bucket", "werkraum_command_duration_seconds_count",
      "werkraum_presence_batches_total", "werkraum_presence_deliveries_total", "werkraum_presence_fanout_seconds_count",
      "werkraum_redis_roundtrip_seconds_count",
      "werkraum_exports_total", "werkraum_export_duration_seconds_count");

  /** The scrape of the node before anyone used it. */
  private static Scrape idle;

  @BeforeAll
  static void scrapeTheIdleNode() {
    idle = Scrape.of(node.metricsPort());
  }

  private static Scrape scrape() {
    return Scrape.of(node.metricsPort());
  }

  /** Waits until a scrape shows what {@code holds} asks for, and returns that scrape. */
  private static Scrape awaitScrape(String what, Predicate<Scrape> holds) {
    Scrape[] last = {null};
    Await.until(what, BridgeClient.TIMEOUT, () -> holds.test(last[0] = scrape()),
        () -> last[0] == null ? "no scrape" : last[0].toString());
    return last[0];
  }

  @Test
  void aCommandIsCountedByTypeAndOutcomeWithItsTimeFromReceiptToReply() {
    try (Workshop w = Workshop.create(node, "Sozialraumplanung")) {
      BridgeClient anna = w.connect(w.join("Anna", "Stadt Gera"));
      Map<String, String> created = Map.of("type", "note.create", "outcome", "ok");
      Map<String, String> refused = Map.of("type", "note.update", "outcome", ErrorCode.NOT_FOUND.code());
      Scrape before = scrape();

      assertOk(anna.command(Cmd.createNote("main", Cmd.note("n1", 10, 20).put("text", "Spielplätze"))));
      assertError(ErrorCode.NOT_FOUND.code(), anna.command(Cmd.updateNote("main", "missing", new JsonObject().put("x", 1))));

      Scrape after = awaitScrape("both commands are counted",
          s -> s.value("werkraum_commands_total", refused) == before.value("werkraum_commands_total", refused) + 1);
      assertEquals(before.value("werkraum_commands_total", created) + 1, after.value("werkraum_commands_total", created));
      assertEquals(before.value("werkraum_command_duration_seconds_count", Map.of("type", "note.create")) + 1,
          after.value("werkraum_command_duration_seconds_count", Map.of("type", "note.create")));
      assertEquals(before.value("werkraum_command_duration_seconds_count", Map.of("type", "note.update")) + 1,
          after.value("werkraum_command_duration_seconds_count", Map.of("type", "note.update")));
      assertEquals(after.value("werkraum_command_duration_seconds_count", Map.of("type", "note.create")),
          after.value("werkraum_command_duration_seconds_bucket", Map.of("type", "note.create", "le", "+Inf")),
          "the histogram's last bucket holds every command");
      assertTrue(after.value("werkraum_command_duration_seconds_sum", Map.of("type", "note.create")) > 0);

      // A type the protocol does not know is counted as unknown: tags stay a short fixed list.
      assertError(ErrorCode.UNKNOWN_COMMAND.code(),
          anna.command(new JsonObject().put("type", "board-" + w.id()).put("commandId", Cmd.id())));
      Map<String, String> unknown = Map.of("type", "unknown", "outcome", ErrorCode.UNKNOWN_COMMAND.code());
      awaitScrape("the unknown command is counted",
          s -> s.value("werkraum_commands_total", unknown) == after.value("werkraum_commands_total", unknown) + 1);
      assertFalse(scrape().toString().contains(w.id()), "no board id in any metric");
    }
  }

  @Test
  void socketsOpenAndActiveBoardsFollowTheSockets() {
    awaitScrape("earlier tests' sockets are closed", s -> s.value("werkraum_sockets_open") == 0);
    try (Workshop one = Workshop.create(node, "Eins"); Workshop two = Workshop.create(node, "Zwei")) {
      one.joinAndListen("Anna");
      one.joinAndListen("Ben");
      BridgeClient cem = two.joinAndListen("Cem");
      awaitScrape("three sockets on two boards",
          s -> s.value("werkraum_sockets_open") == 3 && s.value("werkraum_boards_active") == 2);
      cem.close();
      awaitScrape("two sockets on one board",
          s -> s.value("werkraum_sockets_open") == 2 && s.value("werkraum_boards_active") == 1);
    }
    awaitScrape("no socket, no board", s -> s.value("werkraum_sockets_open") == 0 && s.value("werkraum_boards_active") == 0);
  }

  @Test
  void presenceBatchesAndTheirFanOutAreMeasured() {
    try (Workshop w = Workshop.create(node, "Cursor")) {
      BridgeClient anna = w.joinAndListen("Anna");
      BridgeClient ben = w.joinAndListen("Ben");
      Scrape before = scrape();
      anna.send("werkraum.presence", new JsonObject().put("room", "main").put("kind", "cursor").put("x", 5).put("y", 6));
      ben.awaitMessage(w.roomAddress("main"), m -> "presence".equals(m.getString("type")));
      Scrape after = awaitScrape("the batch's fan-out is recorded",
          s -> s.value("werkraum_presence_fanout_seconds_count") > before.value("werkraum_presence_fanout_seconds_count"));
      assertTrue(after.value("werkraum_presence_batches_total") > before.value("werkraum_presence_batches_total"));
      assertTrue(after.value("werkraum_presence_deliveries_total") >= before.value("werkraum_presence_deliveries_total") + 2,
          "Anna's batch went to both sockets in the room");
    }
  }

  @Test
  void anExportIsCountedByFormatAndOutcomeWithItsDuration() {
    try (Workshop w = Workshop.create(node, "Ergebnis")) {
      String token = w.joinAsFacilitator("Fay").getString("token");
      Map<String, String> csv = Map.of("format", "csv", "outcome", "ok");
      Map<String, String> unknown = Map.of("format", "unknown", "outcome", ErrorCode.INVALID_INPUT.code());
      Scrape before = scrape();
      assertEquals(200, TestNode.http(node.port()).download("/api/boards/" + w.id() + "/export/csv", token).statusCode());
      assertEquals(400, TestNode.http(node.port()).download("/api/boards/" + w.id() + "/export/docx", token).statusCode());
      Scrape after = awaitScrape("both exports are counted",
          s -> s.value("werkraum_exports_total", unknown) == before.value("werkraum_exports_total", unknown) + 1);
      assertEquals(before.value("werkraum_exports_total", csv) + 1, after.value("werkraum_exports_total", csv));
      assertEquals(before.value("werkraum_export_duration_seconds_count", Map.of("format", "csv")) + 1,
          after.value("werkraum_export_duration_seconds_count", Map.of("format", "csv")));
    }
  }

  @Test
  void theEndpointHoldsVertxsMetersAndEachOfWerkraumsInTheTextFormat() {
    try (Workshop w = Workshop.create(node, "Alles")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient fac = w.connect(fay);
      fac.registerAndWait(w.roomAddress("main"));
      BridgeClient anna = w.joinAndListen("Anna");
      assertOk(fac.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      fac.send("werkraum.presence", new JsonObject().put("room", "main").put("kind", "cursor").put("x", 1).put("y", 2));
      anna.awaitMessage(w.roomAddress("main"), m -> "presence".equals(m.getString("type")));
      TestNode.http(node.port()).download("/api/boards/" + w.id() + "/export/md", fay.getString("token"));

      Scrape scrape = awaitScrape("every meter is there", s -> s.names().containsAll(WERKRAUM_NAMES)
          && s.names().containsAll(VERTX_NAMES));
      assertTrue(scrape.contentType().startsWith("text/plain"), scrape.contentType());
      assertTrue(scrape.value("werkraum_redis_roundtrip_seconds_count", Map.of("outcome", "ok")) >= 1,
          "the node PINGs Redis from its start");
      List<Scrape.Sample> redisPools = scrape.samples("vertx_pool_in_use", Map.of("pool_type", "redis"));
      assertEquals(List.of(Map.of("pool_name", "redis", "pool_type", "redis")),
          redisPools.stream().map(Scrape.Sample::labels).toList(), "one series for the node's Redis clients");
    }
  }

  /**
   * No series per board: the same use of three more boards adds no series, only counts. Prints
   * the scrape's size on the idle node and after each set of boards.
   */
  @Test
  void theScrapeGrowsWithWhatIsUsedNotWithHowManyBoards() {
    Scrape three = useBoards(3);
    Scrape six = useBoards(3);
    assertEquals(three.series(), six.series());
    System.out.printf("scrape size: idle node %d bytes (%d series), after 3 boards %d bytes (%d series),"
        + " after 6 boards %d bytes (%d series), %d bytes gzipped%n", idle.bytes(), idle.series().size(), three.bytes(),
        three.series().size(), six.bytes(), six.series().size(), Scrape.gzippedBytes(node.metricsPort()));
  }

  /** On {@code boards} new boards: two sockets, notes, a refused command, presence and a CSV export. */
  private static Scrape useBoards(int boards) {
    for (int i = 0; i < boards; i++) {
      try (Workshop w = Workshop.create(node, "Board " + i)) {
        JsonObject fay = w.joinAsFacilitator("Fay");
        BridgeClient fac = w.connect(fay);
        fac.registerAndWait(w.roomAddress("main"));
        BridgeClient anna = w.joinAndListen("Anna");
        assertOk(anna.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
        assertOk(anna.command(Cmd.updateNote("main", "n1", new JsonObject().put("text", "Idee"))));
        assertError(ErrorCode.NOT_ALLOWED.code(), anna.command(Cmd.lock(true)));
        assertOk(fac.command(Cmd.lock(true)));
        anna.send("werkraum.presence", new JsonObject().put("room", "main").put("kind", "cursor").put("x", 1).put("y", 2));
        fac.awaitMessage(w.roomAddress("main"), m -> "presence".equals(m.getString("type")));
        TestNode.http(node.port()).download("/api/boards/" + w.id() + "/export/csv", fay.getString("token"));
      }
    }
    return awaitScrape("the boards' sockets are closed", s -> s.value("werkraum_sockets_open") == 0);
  }

  @Test
  void withMetricsOffNoManagementPortOpensAndTheNodeServesAsBefore(@TempDir Path dir) throws Exception {
    try (TestNode off = TestNode.start(redis.url(), dir, Map.of("WERKRAUM_METRICS", "false"))) {
      assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", off.metricsPort()).close());
      try (Workshop w = Workshop.create(off, "Ohne Messung")) {
        assertOk(w.connect(w.join("Anna", "")).command(Cmd.createNote("main", Cmd.note("n1", 0, 0))));
      }
      assertEquals(200, off.get("/health/ready", null).status());
    }
  }
}
