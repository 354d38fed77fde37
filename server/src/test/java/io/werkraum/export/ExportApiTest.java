package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import java.io.ByteArrayInputStream;
import io.werkraum.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The downloads a facilitator gets from the control view, over real HTTP from a real board. */
class ExportApiTest extends NodeTest {
  /** The zone a test node is configured with (the default). */
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private HttpResponse<byte[]> download(Workshop w, String token, String pathAndQuery) {
    return TestNode.http(node.port()).download("/api/boards/" + w.id() + "/export/" + pathAndQuery, token);
  }

  @Test
  void aFacilitatorDownloadsEveryFormatOfTheLiveBoardAndOfASnapshot() throws Exception {
    try (Workshop w = Workshop.create(node, "Übergänge Schule–Beruf")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      String token = fay.getString("token");
      BridgeClient fac = w.connect(fay);
      assertTrue(fac.command(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "Straße zur Berufsschule"))).getBoolean("ok"));
      JsonObject snapshot = fac.command(Cmd.command("snapshot.take").put("name", "Stand"));
      assertTrue(fac.command(Cmd.updateNote("main", "n1", new JsonObject().put("text", "später geändert"))).getBoolean("ok"));

      HttpResponse<byte[]> pdf = download(w, token, "pdf?lang=de");
      assertEquals(200, pdf.statusCode());
      assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
      assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("uebergaenge-schule-beruf-"),
          pdf.headers().toString());
      try (var doc = Loader.loadPDF(pdf.body())) {
        assertTrue(new PDFTextStripper().getText(doc).contains("später geändert"));
      }
      HttpResponse<byte[]> png = download(w, token, "png?room=main");
      assertEquals(200, png.statusCode());
      assertNotNull(ImageIO.read(new ByteArrayInputStream(png.body())));
      String svg = new String(download(w, token, "svg").body(), StandardCharsets.UTF_8);
      assertTrue(svg.contains("später geändert"), svg.substring(0, Math.min(200, svg.length())));
      byte[] csv = download(w, token, "csv?lang=de").body();
      assertEquals((byte) 0xEF, csv[0], "UTF-8 byte order mark");
      assertTrue(new String(csv, StandardCharsets.UTF_8).contains("später geändert"));
      assertTrue(new String(download(w, token, "md").body(), StandardCharsets.UTF_8).contains("später geändert"));

      // The snapshot shows the board as it was when it was taken.
      String snapshotId = snapshot.getJsonObject("snapshot").getString("id");
      String json = new String(download(w, token, "json?snapshot=" + snapshotId).body(), StandardCharsets.UTF_8);
      assertTrue(json.contains("Straße zur Berufsschule") && !json.contains("später geändert"), json);

      assertEquals(400, download(w, token, "docx").statusCode());
      assertEquals(404, download(w, token, "png?room=nowhere").statusCode());
      assertEquals(404, download(w, token, "json?snapshot=s-missing").statusCode());
      String participant = w.join("Anna", "").getString("token");
      assertEquals(403, download(w, participant, "pdf").statusCode(), "only facilitators export");
    }
  }

  @Test
  void fileNamesTellASnapshotFromTheLiveBoardAndNameRoomsByTheirNamesInAnyLetters() throws Exception {
    try (Workshop w = Workshop.create(node, "Übergänge Schule–Beruf")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      String token = fay.getString("token");
      BridgeClient fac = w.connect(fay);
      assertTrue(fac.command(Cmd.createRooms(Cmd.room("r1", "Gruppe Süd/Nord: \"Ä\""))).getBoolean("ok"));
      JsonObject snapshot = fac.command(Cmd.command("snapshot.take").put("name", "Vor der Pause"));
      String snapshotId = snapshot.getJsonObject("snapshot").getString("id");
      String minute = "\\d{4}-\\d{2}-\\d{2}-\\d{4}";

      String live = download(w, token, "pdf?lang=de").headers().firstValue("Content-Disposition").orElse("");
      assertTrue(live.matches("attachment; filename=\"uebergaenge-schule-beruf-live-" + minute + "\\.pdf\"; "
          + "filename\\*=UTF-8''%C3%9Cberg%C3%A4nge-Schule%E2%80%93Beruf-Live-" + minute + "\\.pdf"), live);
      assertTrue(fileName(live).matches("Übergänge-Schule–Beruf-Live-" + minute + "\\.pdf"), fileName(live));

      String picture = download(w, token, "png?room=r1&lang=de&snapshot=" + snapshotId).headers()
          .firstValue("Content-Disposition").orElse("");
      assertTrue(fileName(picture).matches("Übergänge-Schule–Beruf-Stand-Vor-der-Pause-" + minute + "-Gruppe-Süd-Nord-Ä\\.png"),
          fileName(picture));
      assertTrue(picture.contains("filename=\"uebergaenge-schule-beruf-stand-vor-der-pause-"), picture);
      assertTrue(picture.contains("-gruppe-sued-nord-ae.png\""), picture);
      String english = download(w, token, "md?lang=en&snapshot=" + snapshotId).headers()
          .firstValue("Content-Disposition").orElse("");
      assertTrue(fileName(english).startsWith("Übergänge-Schule–Beruf-Snapshot-Vor-der-Pause-"), english);
    }
  }

  @Test
  void exportsOfTheBoardAndItsSnapshotsShowTimesInTheZoneTheBoardWasMadeIn() throws Exception {
    ZoneId newYork = ZoneId.of("America/New_York");
    TestNode.HttpResult made = node.post("/api/boards",
        new JsonObject().put("title", "Planung Ost").put("timeZone", newYork.getId()));
    try (Workshop w = Workshop.of(node, TestNode.created(made))) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      assertEquals(newYork.getId(), fay.getJsonObject("board").getString("timeZone"), "the board names its zone");
      String token = fay.getString("token");
      BridgeClient fac = w.connect(fay);
      assertTrue(fac.command(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "Schulweg"))).getBoolean("ok"));
      JsonObject snapshot = fac.command(Cmd.command("snapshot.take").put("name", "Stand")).getJsonObject("snapshot");
      long noteCreated = new JsonObject(new String(download(w, token, "json").body(), StandardCharsets.UTF_8))
          .getJsonArray("rooms").getJsonObject(0).getJsonArray("notes").getJsonObject(0).getLong("createdAt");

      // The same moment reads five or six hours earlier than in Berlin, with New York's offset.
      String csv = new String(download(w, token, "csv?lang=en").body(), StandardCharsets.UTF_8);
      assertTrue(csv.contains("(America/New_York)"), csv);
      assertTrue(csv.contains(ExportIndex.time(noteCreated, newYork)), csv);
      assertFalse(csv.contains(ExportIndex.time(noteCreated, BERLIN)), csv);

      String minutes = new String(download(w, token, "md?lang=en&snapshot=" + snapshot.getString("id")).body(),
          StandardCharsets.UTF_8);
      assertTrue(minutes.contains("- Time zone: America/New_York"), minutes);
      assertTrue(minutes.contains("- Date: " + minute(snapshot.getLong("takenAt"), newYork)), minutes);
      assertTrue(new String(download(w, token, "md?lang=en").body(), StandardCharsets.UTF_8)
          .contains("- Time zone: America/New_York"));
      try (var pdf = Loader.loadPDF(download(w, token, "pdf?lang=en").body())) {
        assertTrue(new PDFTextStripper().getText(pdf).contains("Time zone: America/New_York"));
      }

      // A board copied from the snapshot keeps the zone.
      JsonObject copy = TestNode.created(TestNode.http(node.port())
          .postBearer("/api/boards/" + w.id() + "/snapshots/" + snapshot.getString("id") + "/board", token));
      assertEquals(newYork.getId(), node.joinAsFacilitator(copy, "Fay").getJsonObject("board").getString("timeZone"));
    }
  }

  @Test
  void aBoardMadeWithoutAZoneExportsInTheConfiguredOne() throws Exception {
    try (Workshop w = Workshop.create(node, "Planung West")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      assertNull(fay.getJsonObject("board").getString("timeZone"));
      String token = fay.getString("token");
      JsonObject snapshot = w.connect(fay).command(Cmd.command("snapshot.take").put("name", "Stand"))
          .getJsonObject("snapshot");
      String minutes = new String(download(w, token, "md?lang=en&snapshot=" + snapshot.getString("id")).body(),
          StandardCharsets.UTF_8);
      assertTrue(minutes.contains("- Time zone: Europe/Berlin"), minutes);
      assertTrue(minutes.contains("- Date: " + minute(snapshot.getLong("takenAt"), BERLIN)), minutes);
    }
  }

  @Test
  void aZoneThatIsNoTimeZoneIsRefusedAndNoBoardIsMade() {
    for (String zone : List.of("Mars/Olympus_Mons", "+01:00", "Europe/Berlin; DROP", "A/".repeat(40))) {
      TestNode.HttpResult refused = node.post("/api/boards", new JsonObject().put("title", "Planung").put("timeZone", zone));
      assertEquals(400, refused.status(), zone);
      assertEquals("invalid_input", refused.json().getString("code"), refused.body());
      assertTrue(refused.json().getString("message").contains("timeZone"), refused.body());
      assertNull(refused.json().getString("boardId"), refused.body());
    }
  }

  /** A moment as the minutes give it, to the minute, with the zone's short name. */
  private static String minute(long ms, ZoneId zone) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.UK).withZone(zone).format(Instant.ofEpochMilli(ms));
  }

  /** The name a browser saves the file under: filename* (RFC 5987) when given. */
  private static String fileName(String contentDisposition) {
    String encoded = contentDisposition.substring(contentDisposition.indexOf("filename*=UTF-8''") + 17);
    return java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
