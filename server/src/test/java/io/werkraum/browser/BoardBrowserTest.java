package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.werkraum.browser.Participant.at;
import static io.werkraum.browser.Participant.sized;
import static io.werkraum.browser.Participant.worldPosition;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The board page in real Chromium windows: two or more people, each in their own browser
 * context, working on one board through one node. Every test opens its own board.
 */
class BoardBrowserTest extends BrowserTest {
  @Test
  void twoParticipantsSeeEachOthersNotesSectionsAndPresence() {
    String link = participantLink("Kreisentwicklung");
    try (Participant anna = Participant.join(browser, link, "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, link, "Ben", "Gera")) {
      String annaId = anna.selfId();
      String benId = ben.selfId();
      assertNotEquals(annaId, benId);

      // Each sees the other in the participants list, online, with name and organisation.
      assertThat(anna.participant(benId)).hasAttribute("data-online", "true");
      assertThat(anna.participant(benId)).containsText("Ben");
      assertThat(anna.participant(benId)).containsText("Gera");
      assertThat(ben.participant(annaId)).hasAttribute("data-online", "true");
      assertThat(ben.participant(annaId)).containsText("Anna");
      assertThat(ben.participant(annaId)).containsText("Stadt Jena");

      // A creates a note and types: B sees the note with the text, by Anna.
      String id = anna.addNote("Mehr Jugendräume");
      assertThat(ben.noteText(id)).hasText("Mehr Jugendräume");
      assertThat(ben.note(id)).containsText("Anna");

      // A edits the text.
      anna.editNote(id, "Mehr Jugendräume im ländlichen Raum");
      assertThat(ben.noteText(id)).hasText("Mehr Jugendräume im ländlichen Raum");

      // A drags the note with the mouse: B's note lands at the same world position.
      double[] before = worldPosition(anna.note(id));
      BoundingBox benBefore = ben.note(id).boundingBox();
      anna.drag(anna.note(id), 200, 100);
      assertThat(anna.note(id)).hasAttribute("style", at(before[0] + 200, before[1] + 100));
      double[] after = worldPosition(anna.note(id));
      assertThat(ben.note(id)).hasAttribute("style", at(after[0], after[1]));
      assertThat(ben.note(id)).not().hasClass(Pattern.compile("is-remote-dragging"));
      BoundingBox benAfter = ben.note(id).boundingBox();
      assertEquals(benBefore.x + 200, benAfter.x, 2.0, "B's note moved right on screen");
      assertEquals(benBefore.y + 100, benAfter.y, 2.0, "B's note moved down on screen");

      // A picks a colour for the selected note.
      anna.note(id).click();
      assertThat(anna.note(id)).hasClass(Pattern.compile("is-selected"));
      anna.page.getByTestId("color-blue").click();
      assertThat(anna.note(id)).hasAttribute("data-note-color", "blue");
      assertThat(ben.note(id)).hasAttribute("data-note-color", "blue");
      // The tint is the palette's, as css/palette.css gives it from the protocol.
      assertEquals("rgb(207, 228, 255)", ben.note(id).evaluate("n => getComputedStyle(n).backgroundColor"));

      // A resizes it by its corner handle: 200 x 150 becomes 260 x 190.
      assertThat(ben.note(id)).hasAttribute("style", sized(200, 150));
      BoundingBox handle = anna.note(id).locator("[data-resize]").boundingBox();
      anna.dragFrom(handle.x + handle.width / 2, handle.y + handle.height / 2, 60, 40);
      assertThat(anna.note(id)).hasAttribute("style", sized(260, 190));
      assertThat(ben.note(id)).hasAttribute("style", sized(260, 190));
      BoundingBox benResized = ben.note(id).boundingBox();
      assertEquals(260, benResized.width, 1.0);
      assertEquals(190, benResized.height, 1.0);

      // A deletes it with the toolbar button (a note with text asks first): gone for B.
      anna.note(id).click();
      anna.page.getByTestId("delete").click();
      anna.page.getByTestId("confirm-ok").click();
      assertThat(anna.note(id)).hasCount(0);
      assertThat(ben.note(id)).hasCount(0);

      // B's changes reach A.
      String fromBen = ben.addNote("Busverbindungen am Abend");
      assertThat(anna.noteText(fromBen)).hasText("Busverbindungen am Abend");
      assertThat(anna.note(fromBen)).containsText("Ben");

      // A adds a section and renames it (Enter opens the title, Enter saves).
      anna.page.getByTestId("add-section").click();
      Locator section = anna.page.locator("[data-testid=section]:focus");
      assertThat(section).hasCount(1);
      String sectionId = section.getAttribute("data-section-id");
      Locator benSection = ben.page.locator("[data-testid=section][data-section-id='" + sectionId + "']");
      assertThat(benSection.getByTestId("section-title")).hasText("Section");
      anna.page.keyboard().press("Enter");
      Locator titleInput = anna.page.getByTestId("section-title-input");
      assertThat(titleInput).isFocused();
      titleInput.fill("Mobilität");
      titleInput.press("Enter");
      assertThat(section.getByTestId("section-title")).hasText("Mobilität");
      assertThat(benSection.getByTestId("section-title")).hasText("Mobilität");
    }
  }

  @Test
  void markupInNotesAndNamesIsShownAsTextInTheOtherBrowser() {
    String link = participantLink("XSS");
    String img = "<img src=x onerror=\"window.__xss=1\">";
    String bold = "<b>bold</b>";
    String orgAttack = "<img src=x onerror=\"window.__xss=2\">";
    try (Participant anna = Participant.join(browser, link, "<i>Anna</i>", orgAttack);
         Participant ben = Participant.join(browser, link, "Ben", "Gera")) {
      String imgNote = anna.addNote(img);
      String boldNote = anna.addNote(bold);
      // Ben's pointer over the board makes Anna show his cursor label; Anna's, Ben's.
      anna.page.mouse().move(300, 300);
      anna.page.mouse().move(320, 310);

      String annaId = anna.selfId();
      for (Participant p : List.of(ben, anna)) {
        assertThat(p.noteText(imgNote)).hasText(img);
        assertThat(p.noteText(boldNote)).hasText(bold);
        assertEquals(img, p.noteText(imgNote).textContent());
        assertEquals(bold, p.noteText(boldNote).textContent());
        assertThat(p.notes().locator("img, b, script")).hasCount(0);
        assertThat(p.participant(annaId)).containsText("<i>Anna</i>");
        assertThat(p.participant(annaId)).containsText(orgAttack);
        assertThat(p.page.locator("#participants-panel").locator("img, i, script")).hasCount(0);
      }
      assertThat(ben.page.getByTestId("cursor")).hasAttribute("data-name", "<i>Anna</i>");
      assertThat(ben.page.getByTestId("cursor").locator("i, img")).hasCount(0);
      // Had any of it become an element, the image would have failed to load by now.
      ben.page.reload();
      ben.waitConnected();
      assertThat(ben.noteText(imgNote)).hasText(img);
      for (Participant p : List.of(ben, anna)) {
        assertEquals(true, p.page.evaluate("() => typeof window.__xss === 'undefined'"), "no script ran");
      }
    }
  }

  @Test
  void theLanguageFollowsTheBrowserCanBeSwitchedAndIsRemembered() {
    String link = participantLink("Sprache");
    var german = Participant.options().setLocale("de-DE");
    var context = browser.newContext(german);
    try (context) {
      var page = context.newPage();
      page.navigate(link);
      assertThat(page.locator("html")).hasAttribute("lang", "de");
      assertThat(page.getByTestId("join-submit")).hasText("Zustimmen und beitreten");
      page.getByTestId("join-name").fill("Clara");
      page.getByTestId("join-organisation").fill("Landkreis Greiz");
      page.getByTestId("join-submit").click();

      assertThat(page.getByTestId("connection-state")).hasAttribute("data-state", "open");
      assertThat(page.getByTestId("connection-state")).hasText("Verbunden");
      assertThat(page.getByTestId("add-note")).hasText("Notiz hinzufügen");
      assertThat(page.getByTestId("add-section")).hasText("Bereich hinzufügen");
      assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions()
          .setName("Teilnehmende"))).isVisible();
      assertThat(page.getByTestId("lang-de")).hasAttribute("aria-pressed", "true");

      page.getByTestId("lang-en").click();
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      assertThat(page.getByTestId("add-note")).hasText("Add note");
      assertThat(page.getByTestId("add-section")).hasText("Add section");
      assertThat(page.getByTestId("connection-state")).hasText("Connected");
      assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions()
          .setName("Participants"))).isVisible();
      assertThat(page.getByTestId("lang-en")).hasAttribute("aria-pressed", "true");

      page.reload();
      assertThat(page.getByTestId("connection-state")).hasAttribute("data-state", "open");
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      assertThat(page.getByTestId("add-note")).hasText("Add note");
      assertThat(page.getByTestId("connection-state")).hasText("Connected");

      // And back: German again, also remembered.
      page.getByTestId("lang-de").click();
      assertThat(page.getByTestId("add-note")).hasText("Notiz hinzufügen");
      page.reload();
      assertThat(page.getByTestId("connection-state")).hasText("Verbunden");
      assertThat(page.locator("html")).hasAttribute("lang", "de");
    }
  }

  @Test
  void afterALostConnectionTheBoardCatchesUpAndOfflineEditsAreSaved() {
    String link = participantLink("Wackelige Leitung");
    Network[] benNetwork = new Network[1];
    try (Participant anna = Participant.join(browser, link, "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, Participant.options(), link, "Ben", "Gera",
             context -> benNetwork[0] = new Network(context))) {
      String benId = ben.selfId();
      String shared = anna.addNote("Vorher");
      String bensOwn = ben.addNote("Bens Notiz");
      assertThat(ben.noteText(shared)).hasText("Vorher");
      assertThat(anna.noteText(bensOwn)).hasText("Bens Notiz");
      assertThat(anna.participant(benId)).hasAttribute("data-online", "true");

      benNetwork[0].cut();
      assertThat(ben.connection()).hasAttribute("data-state", "reconnecting");
      assertThat(ben.connection()).hasText("Offline");
      assertThat(anna.participant(benId)).hasAttribute("data-online", "false");

      // Meanwhile Anna keeps working, and Ben edits his note without a connection.
      String added = anna.addNote("Neu, während Ben weg war");
      anna.editNote(shared, "Geändert, während Ben weg war");
      ben.editNote(bensOwn, "Offline geschrieben");
      assertThat(ben.note(added)).hasCount(0);
      assertThat(ben.noteText(shared)).hasText("Vorher");
      assertThat(anna.noteText(bensOwn)).hasText("Bens Notiz");
      assertThat(ben.connection()).hasAttribute("data-state", "reconnecting");

      benNetwork[0].restore();
      assertThat(ben.connection()).hasAttribute("data-state", "open");
      assertThat(ben.connection()).hasText("Connected");
      // Ben catches up without a reload ...
      assertThat(ben.noteText(added)).hasText("Neu, während Ben weg war");
      assertThat(ben.noteText(shared)).hasText("Geändert, während Ben weg war");
      // ... and what he wrote offline was saved once he was back.
      assertThat(anna.noteText(bensOwn)).hasText("Offline geschrieben");
      assertThat(ben.noteText(bensOwn)).hasText("Offline geschrieben");
      assertThat(anna.participant(benId)).hasAttribute("data-online", "true");
      assertThat(ben.notes()).hasCount(3);
      assertThat(anna.notes()).hasCount(3);
    }
  }

  @Test
  void theSameBrowserKeepsItsIdentityAndAnotherBrowserIsSomeoneElse() {
    String link = participantLink("Wiedererkennen");
    try (Participant anna = Participant.join(browser, link, "Anna", "Stadt Jena")) {
      String annaId = anna.selfId();
      String note = anna.addNote("Von Anna");

      // Reload: no join form, same person.
      anna.page.reload();
      anna.waitConnected();
      assertThat(anna.page.getByTestId("join-name")).not().isVisible();
      assertEquals(annaId, anna.selfId());
      assertThat(anna.self()).containsText("Anna");
      assertThat(anna.note(note)).containsText("Anna");

      // Opening the link again in a second tab of the same browser: still Anna.
      Participant secondTab = anna.newTab(link);
      assertThat(secondTab.page.getByTestId("join-name")).not().isVisible();
      assertEquals(annaId, secondTab.selfId());
      assertThat(secondTab.self()).containsText("Anna");

      // Another browser joins as someone new; the board has two people, not three.
      try (Participant ben = Participant.join(browser, link, "Ben", "Gera")) {
        String benId = ben.selfId();
        assertNotEquals(annaId, benId);
        assertThat(ben.participants()).hasCount(2);
        assertThat(ben.participant(annaId)).hasAttribute("data-online", "true");
        assertThat(anna.participants()).hasCount(2);
        assertThat(secondTab.participant(benId)).containsText("Ben");
      }
    }
  }

  @Test
  void aNoteIsDuplicatedFromTheToolbarAndWithCtrlD() {
    String link = participantLink("Kopien");
    try (Participant anna = Participant.join(browser, link, "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, link, "Ben", "Gera")) {
      String id = anna.addNote("Schulweg sicherer machen");
      anna.note(id).click();
      anna.page.getByTestId("color-green").click();
      assertThat(ben.note(id)).hasAttribute("data-note-color", "green");

      // The toolbar copies the selected note beside it; the copy is selected and has focus.
      anna.page.getByTestId("duplicate").click();
      Locator copies = ben.page.locator("[data-testid=note]:not([data-note-id='" + id + "'])");
      assertThat(copies).hasCount(1);
      String copy = copies.first().getAttribute("data-note-id");
      assertThat(anna.note(copy)).isFocused();
      assertThat(ben.noteText(copy)).hasText("Schulweg sicherer machen");
      assertThat(ben.note(copy)).hasAttribute("data-note-color", "green");
      assertThat(ben.note(copy)).containsText("Anna");

      // Ctrl+D copies the focused note (the copy) again.
      anna.page.keyboard().press("Control+D");
      assertThat(ben.notes()).hasCount(3);
      assertThat(anna.notes()).hasCount(3);
      for (Locator note : ben.notes().all()) {
        assertThat(note.getByTestId("note-text")).hasText("Schulweg sicherer machen");
      }
      // Each copy lies beside what it copied, not on top of it.
      BoundingBox original = ben.note(id).boundingBox();
      BoundingBox first = ben.note(copy).boundingBox();
      assertTrue(Math.abs(first.x - original.x) >= original.width || Math.abs(first.y - original.y) >= original.height,
          "the copy does not cover the original");
    }
  }

  @Test
  void aNoteCanBeEditedAndMovedWithTheKeyboardAlone() {
    String link = participantLink("Tastatur");
    try (Participant anna = Participant.join(browser, link, "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, link, "Ben", "Gera")) {
      String id = ben.addNote("Idee");
      assertThat(anna.noteText(id)).hasText("Idee");
      double[] start = worldPosition(anna.note(id));

      // Anna starts on the board (where the page puts focus after joining) and tabs to the note.
      Locator canvas = anna.page.locator("#canvas");
      assertThat(canvas).isFocused();
      anna.page.keyboard().press("Tab");
      assertThat(anna.note(id)).isFocused();
      assertThat(anna.note(id)).hasClass(Pattern.compile("is-selected"));

      anna.page.keyboard().press("Enter");
      assertThat(anna.editor()).isFocused();
      anna.page.keyboard().press("End");
      anna.page.keyboard().type(" mit Tastatur");
      anna.page.keyboard().press("Control+Enter");
      assertThat(anna.editor()).hasCount(0);
      assertThat(anna.note(id)).isFocused();
      assertThat(ben.noteText(id)).hasText("Idee mit Tastatur");

      // Arrows move by 10, Shift+arrow by 50; saved after a short pause.
      anna.page.keyboard().press("ArrowRight");
      anna.page.keyboard().press("ArrowRight");
      anna.page.keyboard().press("ArrowRight");
      anna.page.keyboard().press("Shift+ArrowDown");
      assertThat(ben.note(id)).hasAttribute("style", at(start[0] + 30, start[1] + 50));
      assertThat(anna.note(id)).hasAttribute("style", at(start[0] + 30, start[1] + 50));

      // Alt+arrows resize.
      anna.page.keyboard().press("Alt+ArrowRight");
      anna.page.keyboard().press("Alt+ArrowDown");
      assertThat(ben.note(id)).hasAttribute("style", sized(210, 160));

      // Delete asks first for a note with text: cancelling keeps it, and the focus on it.
      assertThat(anna.note(id)).isFocused();
      anna.page.keyboard().press("Delete");
      assertThat(anna.page.getByTestId("confirm-dialog")).isVisible();
      anna.page.getByTestId("confirm-cancel").click();
      assertThat(anna.note(id)).isFocused();
      assertThat(ben.note(id)).hasCount(1);
      // Confirmed, it is deleted; focus goes back to the board.
      anna.page.keyboard().press("Delete");
      anna.page.getByTestId("confirm-ok").click();
      assertThat(ben.note(id)).hasCount(0);
      assertThat(canvas).isFocused();
    }
  }

  @Test
  void tabAndBackspaceDoNotDeleteSectionsWithoutAsking() {
    JsonObject board = node.createBoard("Vorlage");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    try (BridgeClient facilitator = BridgeClient.connect(node.werkraum().vertx(), node.port(), fee.getString("token"))) {
      assertOk(facilitator.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 400, 300, "Aktuelle Barrieren"))));
      assertOk(facilitator.command(Cmd.createSection("main", Cmd.section("s2", 500, 0, 400, 300, "Lösungen"))));
      assertOk(facilitator.command(Cmd.createSection("main", Cmd.section("s3", 1000, 0, 400, 300, ""))));
    }
    try (Participant anna = Participant.join(browser, board.getString("participantLink"), "Anna", "Stadt Jena")) {
      Locator first = anna.page.locator("[data-testid=section][data-section-id=s1]");
      first.focus();
      anna.page.keyboard().press("Backspace");
      assertThat(anna.page.getByTestId("confirm-dialog")).isVisible();
      assertThat(anna.page.getByTestId("confirm-dialog")).containsText("Aktuelle Barrieren");
      anna.page.keyboard().press("Escape");
      assertThat(anna.page.getByTestId("section")).hasCount(3);
      assertThat(first).isFocused();

      // Deleted after asking; the focus moves on, and the next Backspace asks again.
      anna.page.keyboard().press("Backspace");
      anna.page.getByTestId("confirm-ok").click();
      assertThat(anna.page.getByTestId("section")).hasCount(2);
      anna.page.keyboard().press("Backspace");
      assertThat(anna.page.getByTestId("confirm-dialog")).isVisible();
      anna.page.getByTestId("confirm-cancel").click();
      assertThat(anna.page.getByTestId("section")).hasCount(2);

      // An empty section goes at once.
      anna.page.locator("[data-testid=section][data-section-id=s3]").focus();
      anna.page.keyboard().press("Backspace");
      assertThat(anna.page.getByTestId("section")).hasCount(1);
      assertThat(anna.page.getByTestId("confirm-dialog")).not().isVisible();
    }
  }
}
