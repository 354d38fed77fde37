package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import io.werkraum.browser.ControlView.Phase;
import io.werkraum.testing.TestNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The documented result in real Chromium windows: a facilitator takes snapshots in the control
 * view, downloads the live board and a snapshot and opens the files as a user would, opens a
 * snapshot read-only, starts a new board from one, and saves the board as a template that the
 * start page offers. Every test opens its own board.
 */
class ResultBrowserTest extends BrowserTest {
  private static final String TITLE = "Übergänge gestalten 2026";
  /** The board title as the server writes it into file names. */
  private static final String TITLE_IN_FILE_NAMES = "Übergänge-gestalten-2026";
  private static final String FIRST = "Grüße aus Köln";
  private static final String SECOND = "Jugendräume öffnen";
  /** What the first note says after the snapshot. */
  private static final String EDITED = "Straßenbahn später";

  @Test
  void aSnapshotIsListedDownloadedInEveryFormatOpenedReadOnlyAndStartsANewBoard() throws Exception {
    // Made in Lisbon: the downloads' times are Lisbon's, and the control view says so.
    JsonObject board = TestNode.created(node.post("/api/boards",
        new JsonObject().put("title", TITLE).put("timeZone", "Europe/Lisbon")));
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Moderation")) {
      String first = fiona.addNote(FIRST);
      fiona.addNote(SECOND);
      ControlView control = ControlView.open(fiona);
      assertThat(control.snapshots()).hasCount(0);
      control.phase(Phase.RESULT);
      assertThat(control.byTestId("fac-time-zone")).hasText("Times in the downloads are in the time zone Europe/Lisbon.");

      // ---- take a snapshot: a toast, and it is listed ----
      control.takeSnapshot("Nach der Sammlung");
      assertThat(control.page.getByTestId("toast")).containsText("Nach der Sammlung");
      assertThat(control.snapshots()).hasCount(1);
      Locator snapshot = control.snapshots().first();
      assertThat(snapshot.getByTestId("fac-snapshot-label")).hasText("Nach der Sammlung");
      assertThat(snapshot.getByTestId("fac-snapshot-time")).hasText(java.util.regex.Pattern.compile("\\d{4}, \\d{2}:\\d{2}$"));
      assertThat(snapshot).hasAttribute("data-automatic", "false");

      // After the snapshot the live board changes; the snapshot does not.
      fiona.editNote(first, EDITED);
      Set<String> live = Set.of(EDITED, SECOND);
      Set<String> then = Set.of(FIRST, SECOND);

      // ---- the live board in every format ----
      Download json = control.download(control.liveDownloads(), "json", null);
      assertFileName(json, ".json");
      assertEquals(live, noteTexts(new JsonObject(text(json))));

      Download csv = control.download(control.liveDownloads(), "csv", null);
      assertFileName(csv, ".csv");
      byte[] csvBytes = bytes(csv);
      assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csvBytes, 3), "a BOM first");
      assertContainsAll(new String(csvBytes, StandardCharsets.UTF_8), live);
      assertTrue(new String(csvBytes, StandardCharsets.UTF_8).contains("(Europe/Lisbon)"));

      Download markdown = control.download(control.liveDownloads(), "md", null);
      assertFileName(markdown, ".md");
      assertContainsAll(text(markdown), live);
      assertFalse(text(markdown).contains(FIRST), "the live board, after the edit");

      Download pdf = control.download(control.liveDownloads(), "pdf", null);
      assertFileName(pdf, ".pdf");
      byte[] pdfBytes = bytes(pdf);
      assertEquals("%PDF", new String(pdfBytes, 0, 4, StandardCharsets.US_ASCII));
      try (PDDocument report = Loader.loadPDF(pdfBytes)) {
        assertContainsAll(new PDFTextStripper().getText(report).replaceAll("\\s+", " "), live);
      }

      Download png = control.download(control.liveDownloads(), "png", "Plenary");
      assertFileName(png, ".png");
      BufferedImage picture = ImageIO.read(new ByteArrayInputStream(bytes(png)));
      assertNotNull(picture, "PNG decodes");
      assertTrue(distinctColours(picture) > 2, "not a blank picture");

      Download svg = control.download(control.liveDownloads(), "svg", "Plenary");
      assertFileName(svg, ".svg");
      assertContainsAll(svgText(bytes(svg)), live);
      assertThat(control.byTestId("fac-result-status")).containsText(svg.suggestedFilename());

      // ---- the snapshot's downloads show the board as it was ----
      Download snapshotJson = control.download(ControlView.downloadsOf(snapshot), "json", null);
      assertFileName(snapshotJson, ".json");
      JsonObject snapshotDoc = new JsonObject(text(snapshotJson));
      assertEquals(then, noteTexts(snapshotDoc));
      assertEquals("Nach der Sammlung", snapshotDoc.getJsonObject("snapshot").getString("name"));
      Download snapshotSvg = control.download(ControlView.downloadsOf(snapshot), "svg", "Plenary");
      String snapshotPicture = svgText(bytes(snapshotSvg));
      assertContainsAll(snapshotPicture, then);
      assertFalse(snapshotPicture.contains(EDITED), "no later edits in the snapshot");

      // ---- read-only: the snapshot's notes, and no way to change them ----
      Page readOnly = control.page.waitForPopup(() -> snapshot.getByTestId("fac-snapshot-open").click());
      assertThat(readOnly.getByTestId("snapshot-banner")).containsText("Nach der Sammlung");
      assertThat(readOnly.getByTestId("snapshot-banner")).containsText("read-only");
      assertThat(readOnly.getByTestId("note")).hasCount(2);
      assertEquals(then, new HashSet<>(readOnly.getByTestId("note-text").allTextContents()));
      assertThat(readOnly.getByTestId("add-note")).hasCount(0);
      Locator note = readOnly.getByTestId("note").first();
      double[] before = Participant.worldPosition(note);
      note.dblclick();
      assertThat(readOnly.getByTestId("note-editor")).hasCount(0);
      note.press("Enter");
      note.press("Delete");
      note.press("ArrowRight");
      assertThat(readOnly.getByTestId("note-editor")).hasCount(0);
      var box = note.boundingBox();
      readOnly.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
      readOnly.mouse().down();
      readOnly.mouse().move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 80, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(6));
      readOnly.mouse().up();
      assertArrayEquals(before, Participant.worldPosition(note));
      readOnly.locator("#canvas").focus();
      readOnly.keyboard().press("n");
      readOnly.locator("#canvas").dblclick(new Locator.DblclickOptions().setPosition(5, 5));
      assertThat(readOnly.getByTestId("note")).hasCount(2);
      assertThat(readOnly.getByTestId("note-editor")).hasCount(0);
      // Nothing reached the live board either.
      assertThat(fiona.notes()).hasCount(2);

      // A browser without access to the board gets no snapshot.
      try (var stranger = browser.newContext(Participant.options())) {
        Page page = stranger.newPage();
        page.navigate(readOnly.url());
        assertThat(page.getByTestId("snapshot-no-access")).isVisible();
        assertThat(page.getByTestId("note")).hasCount(0);
      }
      readOnly.close();

      // ---- a new board from the snapshot: its facilitator link works and has the notes ----
      snapshot.getByTestId("fac-snapshot-new-board").click();
      Locator link = snapshot.getByTestId("fac-snapshot-board-link");
      assertThat(link).containsText("#f=");
      String facilitatorLink = link.textContent().trim();
      assertTrue(facilitatorLink.startsWith(node.baseUrl() + "/b/"), facilitatorLink);
      assertFalse(facilitatorLink.contains("/b/" + board.getString("boardId") + "#"), "another board");
      assertThat(snapshot.getByTestId("fac-snapshot-board-open")).hasAttribute("href", facilitatorLink);
      try (Participant again = Participant.join(browser, facilitatorLink, "Fiona", "Moderation")) {
        assertThat(again.page.getByTestId("control-view-link")).isVisible();
        assertThat(again.notes()).hasCount(2);
        assertEquals(then, new HashSet<>(again.page.getByTestId("note-text").allTextContents()));
      }
    }
  }

  @Test
  void werkraumsOwnSnapshotOfAClosedRoundIsDescribedInBothLanguagesAndShowsTheResults() {
    JsonObject board = node.createBoard("Prioritäten setzen");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Moderation")) {
      String note = fiona.addNote("Mehr Grünflächen");
      ControlView control = ControlView.open(fiona);
      control.startRound("Was zuerst", 3, 2, true);
      fiona.note(note).getByTestId("vote-add").click();
      assertThat(control.progress()).hasAttribute("data-votes", "1");
      control.closeAndShowRound();

      assertThat(control.snapshots()).hasCount(1);
      Locator automatic = control.snapshots().first();
      assertThat(automatic).hasAttribute("data-automatic", "true");
      assertThat(automatic.getByTestId("fac-snapshot-label")).hasText("Automatic: voting round “Was zuerst” closed");
      control.byTestId("lang-de").click();
      assertThat(automatic.getByTestId("fac-snapshot-label")).hasText("Automatisch: Abstimmung „Was zuerst“ beendet");
      assertThat(automatic.getByTestId("fac-snapshot-open")).hasText("Nur lesend öffnen");

      control.phase(Phase.RESULT);
      Page readOnly = control.page.waitForPopup(() -> automatic.getByTestId("fac-snapshot-open").click());
      assertThat(readOnly.getByTestId("snapshot-banner")).containsText("nur lesend");
      assertThat(readOnly.getByTestId("results-panel")).isVisible();
      assertThat(readOnly.getByTestId("result-row")).hasCount(1);
      assertThat(readOnly.getByTestId("result-row")).containsText("Mehr Grünflächen");
      assertThat(readOnly.getByTestId("vote-count")).hasText("1");
      readOnly.close();
    }
  }

  @Test
  void aBoardSavedAsTemplateIsOfferedOnTheStartPageStartsNewBoardsAndCanBeDeleted() {
    JsonObject board = node.createBoard("Planungscheck Süd");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Moderation")) {
      fiona.page.getByTestId("add-section").click();
      assertThat(fiona.page.locator("[data-testid=section]:focus")).hasCount(1);
      fiona.page.keyboard().press("Enter");
      Locator titleInput = fiona.page.getByTestId("section-title-input");
      titleInput.fill("Stärken");
      titleInput.press("Enter");
      assertThat(fiona.page.getByTestId("section-title")).hasText("Stärken");
      fiona.addNote("Grünflächen erhalten");
      ControlView control = ControlView.open(fiona).phase(Phase.RESULT);
      assertThat(control.byTestId("fac-time-zone")).isHidden(); // made without a zone: the server's applies

      // A template needs a name.
      control.byTestId("fac-template-save").click();
      assertThat(control.page.locator("#fac-template-error")).isVisible();
      assertThat(control.byTestId("fac-template-name")).hasAttribute("aria-invalid", "true");

      // One with the notes, one with rooms and sections only.
      control.byTestId("fac-template-name").fill("Vorlage Süd");
      control.byTestId("fac-template-notes").check();
      control.byTestId("fac-template-save").click();
      assertThat(control.byTestId("fac-template-status")).containsText("“Vorlage Süd” saved");
      assertThat(control.page.locator("#fac-template-error")).isHidden();
      control.byTestId("fac-template-name").fill("Nur Bereiche");
      control.byTestId("fac-template-save").click();
      assertThat(control.byTestId("fac-template-status")).containsText("“Nur Bereiche” saved");

      // The start page of this browser offers both after the built-in templates.
      Page start = fiona.context.newPage();
      start.navigate(node.baseUrl() + "/");
      Locator own = start.locator("[data-testid=own-templates] option");
      assertThat(own).hasText(new String[] {"Nur Bereiche", "Vorlage Süd"});
      assertThat(start.locator("[data-testid=create-template] > option[value=swot]")).hasCount(1);
      String withNotes = own.nth(1).getAttribute("value");
      String sectionsOnly = own.nth(0).getAttribute("value");

      // A board from the template without notes: its sections, no notes.
      try (Participant fay = joinNewBoard(start, "Ohne Notizen", "Nur Bereiche")) {
        assertThat(fay.page.getByTestId("section-title")).hasText("Stärken");
        assertThat(fay.notes()).hasCount(0);
      }

      // A template deleted elsewhere leaves the list when the start page checks it.
      String ownerKey = (String) start.evaluate("id => JSON.parse(localStorage.getItem('werkraum.templates'))"
          + ".find(t => t.id === id).ownerKey", sectionsOnly);
      assertEquals(204, io.werkraum.testing.TestNode.http(node.port()).delete("/api/templates/" + sectionsOnly, ownerKey).status());
      start.reload();
      assertThat(own).hasText(new String[] {"Vorlage Süd"});
      assertFalse(((String) start.evaluate("() => localStorage.getItem('werkraum.templates')")).contains(sectionsOnly));

      // A board from the template with notes: its sections and notes.
      try (Participant fay = joinNewBoard(start, "Mit Notizen", "Vorlage Süd")) {
        assertThat(fay.page.getByTestId("section-title")).hasText("Stärken");
        assertThat(fay.notes()).hasCount(1);
        assertThat(fay.page.getByTestId("note-text")).hasText("Grünflächen erhalten");
      }

      // Deleting it: confirmed, gone from the list and from the server.
      start.navigate(node.baseUrl() + "/");
      start.getByTestId("create-template").selectOption(withNotes);
      Locator delete = start.getByTestId("delete-template");
      assertThat(delete).hasText("Delete template “Vorlage Süd”");
      delete.click();
      assertThat(start.getByTestId("confirm-dialog")).isVisible();
      start.getByTestId("confirm-ok").click();
      assertThat(start.locator("#template-status")).containsText("“Vorlage Süd” deleted");
      assertThat(start.getByTestId("own-templates")).hasCount(0);
      assertThat(delete).isHidden();
      assertEquals(404, node.get("/api/templates/" + withNotes, null).status());
      start.reload();
      assertThat(start.locator("[data-testid=create-template] > option[value=swot]")).hasCount(1);
      assertThat(start.getByTestId("own-templates")).hasCount(0);
    }
  }

  /** Creates a board on the start page from the template shown as {@code template}; joins it in a new browser. */
  private static Participant joinNewBoard(Page start, String title, String template) {
    start.getByTestId("create-title").fill(title);
    start.getByTestId("create-template").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(template));
    start.getByTestId("create-submit").click();
    assertThat(start.getByTestId("facilitator-link")).isVisible();
    String link = start.getByTestId("facilitator-link").getAttribute("href");
    return Participant.join(browser, link, "Fay", "Jugendamt");
  }

  // ---------- what a user checks in a downloaded file ----------

  private static void assertFileName(Download download, String extension) {
    String name = download.suggestedFilename();
    assertTrue(name.endsWith(extension), name);
    assertTrue(name.contains(TITLE_IN_FILE_NAMES), name);
  }

  private static byte[] bytes(Download download) throws java.io.IOException {
    return Files.readAllBytes(download.path());
  }

  private static String text(Download download) throws java.io.IOException {
    return new String(bytes(download), StandardCharsets.UTF_8);
  }

  private static void assertContainsAll(String content, Set<String> texts) {
    for (String text : texts) {
      assertTrue(content.contains(text), "contains \"" + text + "\": " + content);
    }
  }

  /** The texts of every note in every room of a board document. */
  private static Set<String> noteTexts(JsonObject document) {
    return document.getJsonArray("rooms").stream()
        .flatMap(room -> ((JsonObject) room).getJsonArray("notes").stream())
        .map(n -> ((JsonObject) n).getString("text"))
        .collect(Collectors.toSet());
  }

  /** The text of an SVG picture, its lines (tspans) joined by spaces; it must parse as XML. */
  private static String svgText(byte[] svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document picture = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    assertEquals("svg", picture.getDocumentElement().getLocalName());
    NodeList lines = picture.getElementsByTagNameNS("*", "tspan");
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < lines.getLength(); i++) {
      texts.add(lines.item(i).getTextContent());
    }
    return String.join(" ", texts);
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
