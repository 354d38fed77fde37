package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.werkraum.browser.Participant.at;
import static io.werkraum.browser.Participant.worldPosition;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The board page on a phone (390 x 844, touch), a tablet (768 px), small laptops (1,280 and
 * 1,366 px) and at 320 px (reflow, WCAG 1.4.10), as a participant uses it there: the "+" button,
 * fingers (one pans, two pinch, a long press moves a note), the bottom sheet with the voting
 * round, the timer and the people, the tablet's drawer.
 */
class SmallScreenBrowserTest extends BrowserTest {
  /** Screenshots of each run, for the README's pictures (docs/screenshots holds the chosen ones). */
  private static final Path SHOTS = Path.of("target", "screenshots");

  static Browser.NewContextOptions phone(int width, int height) {
    return Participant.options().setViewportSize(width, height).setHasTouch(true).setIsMobile(true).setBypassCSP(true);
  }

  private static Browser.NewContextOptions screen(int width, int height) {
    return Participant.options().setViewportSize(width, height).setBypassCSP(true);
  }

  /** The facilitator's commands, over a socket opened for them and closed after. */
  private static void facilitate(JsonObject facilitator, JsonObject... commands) {
    try (BridgeClient client = BridgeClient.connect(node.werkraum().vertx(), node.port(), facilitator.getString("token"))) {
      for (JsonObject command : commands) {
        assertOk(client.command(command));
      }
    }
  }

  private static Participant joinWith(Browser.NewContextOptions options, String link, String name, String organisation) {
    return Participant.join(browser, options, link, name, organisation, context -> {});
  }

  /**
   * What sticks out sideways: the page's scrolling, controls and text outside the screen or cut
   * off by their container ("" when everything fits the width). Notes and sections may lie
   * anywhere on the board, which scrolls by itself.
   */
  private static String sidewaysOverflow(Page page) {
    return (String) page.evaluate("""
        () => {
          const found = [];
          const scroll = document.scrollingElement.scrollWidth - window.innerWidth;
          if (scroll > 0) found.push('the page scrolls by ' + scroll + ' px');
          const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.dataset.testid ? '[' + el.dataset.testid + ']' : '')
              + ' "' + el.textContent.trim().slice(0, 20) + '"';
          for (const el of document.querySelectorAll('button, a, input, select, output, h1, p, li')) {
            if (el.closest('#canvas') || !el.checkVisibility() || el.closest('.visually-hidden')) continue;
            const box = el.getBoundingClientRect();
            if (box.width === 0) continue;
            if (box.right > window.innerWidth + 0.5 || box.left < -0.5) found.push(name(el) + ' is off the screen');
            for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
              if (getComputedStyle(up).overflowX !== 'visible') {
                const outer = up.getBoundingClientRect();
                if (box.right > outer.right + 1 || box.left < outer.left - 1) found.push(name(el) + ' is cut off by ' + name(up));
                break;
              }
            }
          }
          return found.join('; ');
        }
        """);
  }

  private static void assertInViewport(Page page, Locator locator, String what) {
    assertThat(locator).isVisible();
    BoundingBox box = locator.boundingBox();
    int width = page.viewportSize().width;
    int height = page.viewportSize().height;
    assertTrue(box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5,
        what + " lies inside the " + width + " x " + height + " screen: " + box.x + "," + box.y + " " + box.width + "x" + box.height);
  }

  private static boolean overlap(BoundingBox a, BoundingBox b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }

  private static Locator panel(Participant p) {
    return p.page.locator("#side-panel");
  }

  private static Locator tab(Participant p, String part) {
    return p.page.getByTestId("sheet-tab-" + part);
  }

  private static Locator part(Participant p, String part) {
    return p.page.locator("#side-panel [data-part=" + part + "]");
  }

  /** A tap on the board where nothing lies: the left edge, a little below the toolbar. */
  private static void tapEmptyBoard(Participant p) {
    BoundingBox canvas = p.page.locator("#canvas").boundingBox();
    p.page.touchscreen().tap(canvas.x + 12, canvas.y + 30);
  }

  @Test
  void aParticipantWorksTheWholeBoardOnAPhone() {
    JsonObject board = node.createBoard("Jugendbeteiligung");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    String link = board.getString("participantLink");
    try (Participant anna = joinWith(phone(390, 844), link, "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, link, "Ben", "Gera")) {
      Page page = anna.page;
      Fingers fingers = new Fingers(page);

      // The board takes the screen: the whole width, no side panel beside it, the bar below.
      BoundingBox canvas = page.locator("#canvas").boundingBox();
      assertEquals(390, canvas.width, 0.5, "the board is as wide as the phone");
      assertTrue(canvas.height > 600, "the board keeps most of the height: " + canvas.height);
      assertThat(panel(anna)).isHidden();
      assertInViewport(page, page.getByTestId("sheet-bar"), "the bar of the sheet");
      assertEquals("", sidewaysOverflow(page), "nothing sticks out sideways");
      BoundingBox toolbar = page.locator("#toolbar").boundingBox();
      assertTrue(toolbar.y + toolbar.height <= canvas.y + 0.5 && toolbar.height < 60,
          "the toolbar is one row above the board: " + toolbar.height);

      // The big "+" adds a note in the middle of the view, with its editor open.
      Locator plus = page.getByTestId("add-note-fab");
      assertInViewport(page, plus, "the + button");
      BoundingBox plusBox = plus.boundingBox();
      assertTrue(plusBox.width >= 48 && plusBox.height >= 48, "the + is a large target: " + plusBox.width + "x" + plusBox.height);
      plus.tap();
      assertThat(anna.editor()).isFocused();
      String id = page.locator("[data-testid=note]:has([data-testid=note-editor])").getAttribute("data-note-id");
      anna.editor().pressSequentially("Treffpunkt am Bahnhof");
      // Tapping the board beside it saves, as leaving the field does.
      tapEmptyBoard(anna);
      assertThat(anna.editor()).hasCount(0);
      assertThat(anna.noteText(id)).hasText("Treffpunkt am Bahnhof");
      assertThat(ben.noteText(id)).hasText("Treffpunkt am Bahnhof");
      BoundingBox noteBox = anna.note(id).boundingBox();
      assertTrue(noteBox.x >= 0 && noteBox.x + noteBox.width <= 390, "the new note is in view");

      // Tap selects the note, a second tap edits it.
      anna.note(id).tap(new Locator.TapOptions().setPosition(20, 20));
      assertThat(anna.note(id)).hasClass(Pattern.compile("is-selected"));
      anna.note(id).tap(new Locator.TapOptions().setPosition(20, 20));
      assertThat(anna.editor()).isFocused();
      page.keyboard().press("End");
      anna.editor().pressSequentially(" und Jugendhaus");
      tapEmptyBoard(anna);
      assertThat(ben.noteText(id)).hasText("Treffpunkt am Bahnhof und Jugendhaus");

      // A finger sliding over the note scrolls the board; the note stays where it is on the board.
      double[] world = worldPosition(anna.note(id));
      BoundingBox before = anna.note(id).boundingBox();
      double[] centre = Fingers.centre(before);
      fingers.drag(centre[0], centre[1], -90, -120);
      assertThat(anna.note(id)).hasAttribute("style", at(world[0], world[1]));
      BoundingBox panned = anna.note(id).boundingBox();
      assertEquals(before.x - 90, panned.x, 2.0, "the view moved with the finger");
      assertEquals(before.y - 120, panned.y, 2.0, "the view moved with the finger");
      assertThat(ben.note(id)).hasAttribute("style", at(world[0], world[1]));

      // One finger on empty board pans back.
      canvas = page.locator("#canvas").boundingBox();
      fingers.drag(canvas.x + 30, canvas.y + 400, 90, 120);
      BoundingBox back = anna.note(id).boundingBox();
      assertEquals(before.x, back.x, 2.0);
      assertEquals(before.y, back.y, 2.0);

      // A long press picks the note up; then it follows the finger. Ben sees where it lands.
      centre = Fingers.centre(back);
      fingers.down(centre);
      assertThat(anna.note(id)).hasClass(Pattern.compile("is-lifted"));
      fingers.slide(centre[0], centre[1], 60, 100);
      fingers.up();
      assertThat(anna.note(id)).not().hasClass(Pattern.compile("is-lifted"));
      assertThat(anna.note(id)).hasAttribute("style", at(world[0] + 60, world[1] + 100));
      assertThat(ben.note(id)).hasAttribute("style", at(world[0] + 60, world[1] + 100));

      // Two fingers spreading from 100 to 200 px apart: twice the size, shown as 200 %.
      assertThat(page.getByTestId("zoom-value")).hasText("100%");
      BoundingBox small = anna.note(id).boundingBox();
      centre = Fingers.centre(small);
      fingers.pinch(centre[0], centre[1], 100, 200);
      assertThat(page.getByTestId("zoom-value")).hasText("200%");
      BoundingBox large = anna.note(id).boundingBox();
      assertEquals(small.width * 2, large.width, 2.0, "the note is twice as wide on screen");
      // Zoomed about the fingers: the point between them stays between them.
      assertEquals(centre[0], large.x + large.width / 2, 3.0);
      assertEquals(centre[1], large.y + large.height / 2, 3.0);
      page.getByTestId("zoom-reset").tap();
      assertThat(page.getByTestId("zoom-value")).hasText("100%");

      // After a reload the note is where it was put.
      page.reload();
      anna.waitConnected();
      assertThat(anna.note(id)).hasAttribute("style", at(world[0] + 60, world[1] + 100));
      assertEquals("", sidewaysOverflow(page));

      // The facilitator runs a timer and opens a round: the bar shows both at a glance.
      facilitate(fee, Cmd.timerStart(5 * 60_000), Cmd.startRound(new JsonObject()
          .put("id", "r1").put("title", "Was zuerst?").put("votesPerParticipant", 3).put("maxPerNote", 2)));
      assertThat(page.getByTestId("sheet-badge-voting")).hasText("3 left");
      assertThat(page.getByTestId("sheet-badge-status")).hasText(Pattern.compile("0[45]:\\d\\d"));

      // The voting part of the sheet: the round and the dots left.
      tab(anna, "voting").tap();
      assertThat(panel(anna)).isVisible();
      assertThat(tab(anna, "voting")).hasAttribute("aria-expanded", "true");
      assertThat(part(anna, "voting")).isFocused();
      assertThat(part(anna, "voting")).containsText("Was zuerst?");
      assertThat(page.getByTestId("votes-remaining")).hasText("3");
      assertThat(part(anna, "people")).isHidden();
      BoundingBox sheet = panel(anna).boundingBox();
      BoundingBox bar = page.getByTestId("sheet-bar").boundingBox();
      assertTrue(sheet.y + sheet.height <= bar.y + 0.5 && sheet.y > canvas.y, "the sheet covers the lower part of the board, above the bar");
      assertEquals(List.of(), Axe.violations(page), "phone, sheet open");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("board-phone-sheet-open.png")));

      // The close button closes it; focus goes back to the tab.
      page.getByTestId("panel-close").tap();
      assertThat(panel(anna)).isHidden();
      assertThat(tab(anna, "voting")).hasAttribute("aria-expanded", "false");
      assertThat(tab(anna, "voting")).isFocused();

      // A dot on the note, given on the board; the sheet counts it.
      anna.note(id).getByTestId("vote-add").tap();
      assertThat(page.getByTestId("sheet-badge-voting")).hasText("2 left");
      assertThat(anna.note(id).getByTestId("vote-mine")).hasAttribute("data-count", "1");
      tab(anna, "voting").tap();
      assertThat(page.getByTestId("votes-remaining")).hasText("2");

      // Timer and messages; then the people. Escape closes the sheet from inside.
      tab(anna, "status").tap();
      assertThat(part(anna, "voting")).isHidden();
      assertThat(page.getByTestId("timer-display")).isVisible();
      assertThat(page.getByTestId("timer-display")).hasText(Pattern.compile("0[45]:\\d\\d"));
      facilitate(fee, Cmd.broadcast("Noch fünf Minuten"));
      assertThat(page.getByTestId("broadcast-banner")).isVisible();
      assertThat(page.getByTestId("broadcast-banner")).containsText("Noch fünf Minuten");
      assertEquals(List.of(), Axe.violations(page), "phone, timer and messages");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("board-phone-status.png")));

      tab(anna, "people").tap();
      assertThat(part(anna, "people")).isVisible();
      assertThat(anna.participants()).hasCount(3);
      assertThat(anna.self()).containsText("Anna");
      assertThat(part(anna, "people")).containsText("Ben");
      assertThat(page.getByTestId("hand-toggle")).isVisible();
      page.getByTestId("hand-toggle").tap();
      assertThat(ben.page.locator("[data-testid=participant][data-hand=true]")).containsText("Anna");
      // Scrolled to its end, the sheet keeps its close button in reach.
      panel(anna).evaluate("p => { p.scrollTop = p.scrollHeight; }");
      assertThat(page.getByTestId("erase-self")).isInViewport();
      BoundingBox close = page.getByTestId("panel-close").boundingBox();
      sheet = panel(anna).boundingBox();
      assertTrue(close.y >= sheet.y - 0.5 && close.y + close.height <= sheet.y + sheet.height, "Close stays at the top of the sheet");
      page.keyboard().press("Escape");
      assertThat(panel(anna)).isHidden();
      assertThat(tab(anna, "people")).isFocused();

      // By keyboard: Enter on a bar button opens its part, Tab goes on inside it, Escape comes back.
      tab(anna, "people").press("Enter");
      assertThat(part(anna, "people")).isFocused();
      page.keyboard().press("Tab");
      assertThat(page.getByTestId("hand-toggle")).isFocused();
      page.keyboard().press("Escape");
      assertThat(panel(anna)).isHidden();
      assertThat(tab(anna, "people")).isFocused();

      // A new message while the sheet is closed is said aloud.
      facilitate(fee, Cmd.broadcast("Bitte zurück ins Plenum"));
      assertThat(page.getByTestId("announcer")).hasText("Message from the facilitation: Bitte zurück ins Plenum");

      assertEquals("", sidewaysOverflow(page));
      assertEquals(List.of(), Axe.violations(page), "phone, sheet closed");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("board-phone.png")));
    }
  }

  @Test
  void onATabletAndSmallLaptopsTheToolbarIsOneRowAndNothingOverlaps() {
    JsonObject board = node.createBoard("Kreisentwicklung Ostthüringen");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    facilitate(fee, Cmd.createSection("main", Cmd.section("s1", 0, 0, 560, 380, "Mobilität")),
        Cmd.createNote("main", Cmd.note("n1", 30, 60).put("text", "Busverbindungen am Abend")),
        Cmd.createNote("main", Cmd.note("n2", 260, 60).put("text", "Radwege zwischen den Dörfern")),
        Cmd.timerStart(10 * 60_000));
    for (String locale : List.of("de-DE", "en-GB")) {
      for (int[] size : new int[][] {{768, 1024}, {1024, 768}, {1280, 800}, {1366, 768}}) {
        String what = size[0] + " px, " + locale;
        try (Participant anna = joinWith(screen(size[0], size[1]).setLocale(locale), board.getString("participantLink"), "Anna", "Stadt Jena")) {
          Page page = anna.page;
          assertThat(anna.notes()).hasCount(2);
          assertEquals("", sidewaysOverflow(page), what + ": nothing sticks out sideways");
          BoundingBox toolbar = page.locator("#toolbar").boundingBox();
          BoundingBox canvas = page.locator("#canvas").boundingBox();
          assertTrue(toolbar.height < 60, what + ": the toolbar is one row: " + toolbar.height);
          assertTrue(toolbar.y + toolbar.height <= canvas.y + 0.5, what + ": the toolbar is above the board, not over it");
          assertTrue(canvas.width >= size[0] * 0.75, what + ": the board keeps most of the width: " + canvas.width);
          assertInViewport(page, page.getByTestId("add-note"), what + ": add note");
          assertInViewport(page, page.getByTestId("color-blue"), what + ": the colours");
          assertInViewport(page, page.getByTestId("zoom-in"), what + ": zoom in");
          assertInViewport(page, page.getByTestId("timer-display"), what + ": the timer");
          BoundingBox zoom = page.locator("#zoom-controls").boundingBox();
          assertTrue(overlapsNothingIn(page, zoom), what + ": the zoom controls cover no control");

          if (size[0] <= 1024) {
            // The side panel is a drawer over the board, opened from the toolbar.
            assertThat(panel(anna)).isHidden();
            Locator toggle = page.getByTestId("drawer-toggle");
            assertInViewport(page, toggle, what + ": the drawer's toggle");
            toggle.click();
            assertThat(panel(anna)).isVisible();
            assertThat(toggle).hasAttribute("aria-expanded", "true");
            assertThat(panel(anna)).isFocused();
            assertThat(anna.self()).containsText("Anna");
            assertInViewport(page, panel(anna), what + ": the drawer");
            if (size[0] == 768 && locale.equals("de-DE")) {
              assertEquals(List.of(), Axe.violations(page), what + ": drawer open");
              page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("board-tablet-drawer.png")));
            }
            page.keyboard().press("Escape");
            assertThat(panel(anna)).isHidden();
            assertThat(toggle).isFocused();
            // Add section, duplicate and delete are under "More".
            page.getByTestId("toolbar-more").click();
            assertInViewport(page, page.getByTestId("add-section"), what + ": add section in the menu");
            page.keyboard().press("Escape");
            assertThat(page.getByTestId("add-section")).isHidden();
            assertThat(page.getByTestId("toolbar-more")).isFocused();
          } else {
            // Beside the board, narrower than on a large screen.
            assertThat(page.getByTestId("drawer-toggle")).isHidden();
            assertInViewport(page, anna.self(), what + ": the participants list");
            BoundingBox side = panel(anna).boundingBox();
            assertTrue(side.width <= 240.5, what + ": a narrower side panel: " + side.width);
            assertTrue(side.x >= canvas.x + canvas.width - 0.5, what + ": beside the board");
            assertInViewport(page, page.getByTestId("add-section"), what + ": add section");
          }
        }
      }
    }
  }

  @Test
  void aWorkshopBoardLooksTidyOnAPhoneAndALaptop() {
    JsonObject board = node.createBoard("Jugendhilfeplanung 2027");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    facilitate(fee, Cmd.createSection("main", Cmd.section("s1", 0, 0, 300, 620, "Was fehlt?")),
        Cmd.createNote("main", Cmd.note("n1", 30, 60).put("text", "Treffpunkte für Jugendliche am Abend")),
        Cmd.createNote("main", Cmd.note("n2", 30, 240).put("text", "Busverbindungen in die Dörfer").put("color", "blue")),
        Cmd.createNote("main", Cmd.note("n3", 30, 420).put("text", "Beratung auch online").put("color", "green")),
        Cmd.startRound(new JsonObject().put("id", "r1").put("title", "Was zuerst?").put("votesPerParticipant", 3)),
        Cmd.timerStart(10 * 60_000));
    String link = board.getString("participantLink");
    try (Participant anna = joinWith(phone(390, 844).setLocale("de-DE"), link, "Anna", "Stadt Jena");
         Participant ben = joinWith(screen(1366, 768).setLocale("de-DE"), link, "Ben", "Landkreis Greiz")) {
      for (Participant p : List.of(anna, ben)) {
        assertThat(p.notes()).hasCount(3);
        assertEquals("", sidewaysOverflow(p.page));
        assertThat(p.page.getByTestId("vote-add")).hasCount(3);
      }
      Page page = anna.page;
      assertThat(page.getByTestId("sheet-badge-voting")).hasText("3 übrig");
      // Toolbar, "+", zoom and bar: each in its own place.
      List<BoundingBox> boxes = List.of(page.locator("#toolbar").boundingBox(), page.getByTestId("add-note-fab").boundingBox(),
          page.locator("#zoom-controls").boundingBox(), page.getByTestId("sheet-bar").boundingBox());
      for (int i = 0; i < boxes.size(); i++) {
        for (int j = i + 1; j < boxes.size(); j++) {
          assertTrue(!overlap(boxes.get(i), boxes.get(j)), "controls " + i + " and " + j + " do not overlap");
        }
      }
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("board-390.png")));
      tab(anna, "voting").tap();
      assertThat(page.getByTestId("votes-remaining")).hasText("3");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("board-390-sheet.png")));
      ben.page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("board-1366.png")));
    }
  }

  /** Whether the box covers none of the page's visible buttons outside it. */
  private static boolean overlapsNothingIn(Page page, BoundingBox box) {
    for (Locator button : page.locator("button:visible, a:visible").all()) {
      BoundingBox other = button.boundingBox();
      if (other != null && overlap(box, other)
          && !(Boolean) button.evaluate("b => !!b.closest('#zoom-controls')")) {
        return false;
      }
    }
    return true;
  }

  /** WCAG 1.4.4: a 1,280 × 800 laptop at 200 % zoom is 640 × 400 CSS pixels; nothing is lost. */
  @Test
  void at200PercentZoomOnALaptopNothingIsLost() {
    JsonObject board = node.createBoard("Zweihundert Prozent");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    facilitate(fee, Cmd.createNote("main", Cmd.note("n1", 20, 20).put("text", "Jugendtreff")), Cmd.startRound("r1"));
    Browser.NewContextOptions options = screen(640, 400).setDeviceScaleFactor(2).setLocale("de-DE");
    try (Participant anna = joinWith(options, board.getString("participantLink"), "Anna", "Gera")) {
      Page page = anna.page;
      assertThat(anna.notes()).hasCount(1);
      assertEquals("", sidewaysOverflow(page), "the board at 200 %");
      assertInViewport(page, page.getByTestId("add-note"), "add note");
      assertInViewport(page, page.getByTestId("view-list"), "the list view switch");
      assertInViewport(page, page.getByTestId("drawer-toggle"), "the participants' drawer");
      assertInViewport(page, page.getByTestId("footer-accessibility"), "the accessibility statement link");
      page.getByTestId("drawer-toggle").click();
      assertThat(page.getByTestId("votes-remaining")).isVisible();
      assertEquals("", sidewaysOverflow(page), "the open drawer at 200 %");
      page.keyboard().press("Escape");
      page.getByTestId("view-list").click();
      assertThat(page.getByTestId("list-note")).hasCount(1);
      assertInViewport(page, page.getByTestId("list-note").getByTestId("list-vote"), "a vote button in the list");
      assertEquals("", sidewaysOverflow(page), "the list at 200 %");
    }
  }

  @Test
  void at320PixelsTheJoinFormTheBoardAndTheSheetNeedNoSidewaysScrolling() {
    JsonObject board = node.createBoard("Ein Board mit einem recht langen Titel für schmale Bildschirme");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    facilitate(fee, Cmd.createNote("main", Cmd.note("n1", 20, 20).put("text", "Gemeinschaftsverpflegungseinrichtungen")),
        Cmd.startRound("r1"),
        Cmd.timerStart(3 * 60_000));
    for (String locale : List.of("de-DE", "en-GB")) {
      Browser.NewContextOptions options = phone(320, 640).setLocale(locale);
      try (var context = browser.newContext(options)) {
        Page page = context.newPage();
        page.navigate(board.getString("participantLink"));
        assertThat(page.getByTestId("join-name")).isVisible();
        assertEquals("", sidewaysOverflow(page), locale + ": the join form fits 320 px");
        Participant anna = Participant.of(context, page);
        anna.fillJoinForm("Anna", "Landkreis Saale-Holzland-Kreis");
        assertThat(anna.notes()).hasCount(1);
        assertEquals("", sidewaysOverflow(page), locale + ": the board fits 320 px");
        assertInViewport(page, page.getByTestId("toolbar-more"), locale + ": More");
        assertInViewport(page, page.locator(".swatch").last(), locale + ": the last colour");
        assertInViewport(page, page.getByTestId("add-note-fab"), locale + ": the + button");
        assertTrue(!overlap(page.getByTestId("add-note-fab").boundingBox(), page.locator("#zoom-controls").boundingBox()),
            locale + ": + and zoom controls side by side");
        for (String name : List.of("people", "voting", "status")) {
          Locator tab = page.getByTestId("sheet-tab-" + name);
          assertInViewport(page, tab, locale + ": the " + name + " tab");
          tab.tap();
          Locator part = page.locator("#side-panel [data-part=" + name + "]");
          assertThat(part).isVisible();
          assertEquals("", sidewaysOverflow(page), locale + ": " + name + " fits 320 px");
          assertTrue((Boolean) part.evaluate("p => p.scrollWidth <= p.clientWidth"), locale + ": " + name + " needs no sideways scrolling");
        }
        page.getByTestId("panel-close").tap();
        assertThat(page.locator("#side-panel")).isHidden();
      }
    }
  }
}
