package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Role;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.Workshop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The overview in the canvas corner (issue 10): it shows the room's sections and notes and the
 * visible area, a click on it moves the view there, it follows what others add, its button hides
 * and shows it (remembered), arrow keys on it move the view, and phones start without it.
 */
class MinimapBrowserTest extends BrowserTest {
  /** The section fill on the overview (css/app.css, --minimap-section). */
  private static final int[] SECTION = {255, 255, 255};
  /** The frame of the visible area (--minimap-view, the primary colour). */
  private static final int[] VIEW = {0x1f, 0x4e, 0x79};
  /** A blue note (the palette's "blue"). */
  private static final int[] BLUE = {0xcf, 0xe4, 0xff};

  /**
   * Where the overview shows a colour: {count, mean x, mean y} of its pixels of that colour
   * (CSS pixels from the overview's top left) among those from {@code fromX} to {@code toX} of its
   * width (0 to 1).
   */
  private static double[] pixels(Page page, int[] rgb, double fromX, double toX) {
    @SuppressWarnings("unchecked")
    List<Number> found = (List<Number>) page.evaluate("""
        ([rgb, fromX, toX]) => {
          const map = document.querySelector('.minimap__map');
          const scale = map.width / map.clientWidth;
          const data = map.getContext('2d').getImageData(0, 0, map.width, map.height).data;
          let count = 0, sx = 0, sy = 0;
          for (let y = 0; y < map.height; y++) {
            for (let x = Math.ceil(fromX * map.width); x < toX * map.width; x++) {
              const i = (y * map.width + x) * 4;
              if ([0, 1, 2].every((c) => Math.abs(data[i + c] - rgb[c]) <= 3)) { count++; sx += x; sy += y; }
            }
          }
          return count ? [count, sx / count / scale, sy / count / scale] : [0, 0, 0];
        }""", List.of(List.of(rgb[0], rgb[1], rgb[2]), fromX, toX));
    return new double[] {found.get(0).doubleValue(), found.get(1).doubleValue(), found.get(2).doubleValue()};
  }

  private static boolean inside(Locator canvas, Locator item) {
    BoundingBox c = canvas.boundingBox();
    BoundingBox b = item.boundingBox();
    return b.x >= c.x && b.y >= c.y && b.x + b.width <= c.x + c.width + 0.5 && b.y + b.height <= c.y + c.height + 0.5;
  }

  private static boolean overlap(BoundingBox a, BoundingBox b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }

  @Test
  void aSnapshotHasTheOverviewAndFitToScreenToo() {
    Workshop w = Workshop.create(node, "Stand ansehen");
    try (w) {
      BridgeClient fay = w.connect(w.joinAsFacilitator("Fay"));
      fay.ok(Cmd.createSection("main", Cmd.section("near", 0, 0, 600, 400, "Hier")));
      fay.ok(Cmd.createSection("main", Cmd.section("far", 6000, 4000, 600, 400, "Weit weg")));
      String snapshot = fay.ok(Cmd.command("snapshot.take").put("name", "Stand")).getJsonObject("snapshot").getString("id");
      try (Participant fiona = Participant.join(browser, w.board().getString("facilitatorLink"), "Fiona", "Moderation")) {
        Page page = fiona.page;
        page.navigate(node.baseUrl() + "/b/" + w.board().getString("boardId") + "/snapshot/" + snapshot);
        assertThat(page.getByTestId("snapshot-banner")).isVisible();
        Locator canvas = page.locator("#canvas");
        Locator far = page.getByTestId("section").filter(new Locator.FilterOptions().setHasText("Weit weg"));
        Locator minimap = page.getByTestId("minimap");
        assertThat(minimap).isVisible();
        assertThat(minimap).hasAccessibleName("Overview of the board – sections: 2, notes: 0");

        page.getByTestId("zoom-reset").click();
        page.waitForCondition(() -> !inside(canvas, far));
        page.getByTestId("zoom-fit").click();
        page.waitForCondition(() -> inside(canvas, far));

        // A click on the far section's shape on the overview brings it into view at 100 %.
        page.getByTestId("zoom-reset").click();
        page.waitForCondition(() -> !inside(canvas, far) && pixels(page, SECTION, 0.5, 1)[0] > 0);
        double[] farShape = pixels(page, SECTION, 0.5, 1);
        BoundingBox box = minimap.boundingBox();
        page.mouse().click(box.x + 1 + farShape[1], box.y + 1 + farShape[2]);
        page.waitForCondition(() -> inside(canvas, far));
      }
    }
  }

  @Test
  void theOverviewShowsFarSectionsMovesTheViewThereAndFollowsOthersNotes() {
    Workshop w = Workshop.create(node, "Überblick behalten");
    try (w) {
      BridgeClient fay = w.connect(w.joinAsFacilitator("Fay"));
      fay.ok(Cmd.createSection("main", Cmd.section("near", 0, 0, 600, 400, "Hier")));
      fay.ok(Cmd.createSection("main", Cmd.section("far", 6000, 4000, 600, 400, "Weit weg")));
      fay.ok(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Start")));

      try (Participant anna = Participant.join(browser, w.board().getString("participantLink"), "Anna", "Jena")) {
        Page page = anna.page;
        Locator canvas = page.locator("#canvas");
        Locator minimap = page.getByTestId("minimap");
        Locator far = page.getByTestId("section").filter(new Locator.FilterOptions().setHasText("Weit weg"));
        Locator near = page.getByTestId("section").filter(new Locator.FilterOptions().setHasText("Hier"));
        // A laptop's screen: the overview is there from the start, with its name.
        assertThat(minimap).isVisible();
        assertThat(page.getByTestId("minimap-toggle")).hasAttribute("aria-pressed", "true");
        assertThat(minimap).hasAccessibleName("Overview of the board – sections: 2, notes: 1");
        assertThat(page.getByTestId("minimap-toggle")).hasAccessibleName("Overview");

        // Back to 100 %: the far section is out of view; the overview shows a section on its left and one on its right.
        page.getByTestId("zoom-reset").click();
        assertThat(page.getByTestId("zoom-value")).hasText("100%");
        assertTrue(!inside(canvas, far), "the far section is out of view at 100 %");
        // (Drawn in the frame after the view changed; the fitted view's frame covered both before.)
        page.waitForCondition(() -> pixels(page, SECTION, 0, 0.5)[0] > 0 && pixels(page, SECTION, 0.5, 1)[0] > 0);

        // A click on the far section's shape brings it into view, and the frame goes with it.
        double[] farShape = pixels(page, SECTION, 0.5, 1);
        double viewBefore = pixels(page, VIEW, 0, 1)[1];
        BoundingBox box = minimap.boundingBox();
        page.mouse().click(box.x + 1 + farShape[1], box.y + 1 + farShape[2]);
        assertThat(far).isInViewport();
        page.waitForCondition(() -> inside(canvas, far));
        assertTrue(!inside(canvas, near), "the near section is out of view now");
        page.waitForCondition(() -> pixels(page, VIEW, 0, 1)[1] > viewBefore + 50);
        assertThat(page.getByTestId("zoom-value")).hasText("100%");

        // A drag from there to the near section's shape: the view follows the pointer.
        double[] nearShape = pixels(page, SECTION, 0, 0.5);
        anna.dragFrom(box.x + 1 + farShape[1], box.y + 1 + farShape[2], nearShape[1] - farShape[1], nearShape[2] - farShape[2]);
        page.waitForCondition(() -> inside(canvas, near));
        assertTrue(!inside(canvas, far), "the far section is out of view again");

        // A note someone else adds appears on the overview.
        assertEquals(0, pixels(page, BLUE, 0, 1)[0], "no blue note yet");
        fay.ok(Cmd.createNote("main", Cmd.note("n2", 3000, 0).put("w", 400).put("h", 300).put("color", "blue").put("text", "Neu")));
        assertThat(minimap).hasAccessibleName("Overview of the board – sections: 2, notes: 2");
        page.waitForCondition(() -> pixels(page, BLUE, 0, 1)[0] > 0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "board-minimap.png")));
      }
    }
  }

  @Test
  void theButtonHidesAndShowsTheOverviewRememberedOverAReloadAndArrowKeysOnItMoveTheView() {
    Workshop w = Workshop.create(node, "Übersicht an und aus");
    try (w) {
      BridgeClient fay = w.connect(w.joinAsFacilitator("Fay"));
      fay.ok(Cmd.createSection("main", Cmd.section("s1", 0, 0, 600, 400, "Ideen")));
      try (Participant anna = Participant.join(browser, w.board().getString("participantLink"), "Anna", "Jena")) {
        Page page = anna.page;
        Locator minimap = page.getByTestId("minimap");
        Locator toggle = page.getByTestId("minimap-toggle");
        assertThat(minimap).isVisible();
        toggle.click();
        assertThat(minimap).isHidden();
        assertThat(toggle).hasAttribute("aria-pressed", "false");
        page.reload();
        anna.waitConnected();
        assertThat(page.getByTestId("section")).hasCount(1);
        assertThat(minimap).isHidden();
        assertThat(toggle).hasAttribute("aria-pressed", "false");
        toggle.click();
        assertThat(minimap).isVisible();
        page.reload();
        anna.waitConnected();
        assertThat(minimap).isVisible();
        assertThat(toggle).hasAttribute("aria-pressed", "true");

        // Beside the list, as the other canvas tools, there is none.
        page.getByTestId("view-list").click();
        assertThat(minimap).isHidden();
        page.getByTestId("view-canvas").click();
        assertThat(minimap).isVisible();

        // By keyboard: Tab from the button reaches the overview; an arrow moves the view a quarter
        // of the board's width; Tab goes on (no trap).
        toggle.focus();
        page.keyboard().press("Tab");
        assertThat(minimap).isFocused();
        Locator section = page.getByTestId("section");
        double before = section.boundingBox().x;
        double step = page.locator("#canvas").boundingBox().width / 4;
        page.keyboard().press("ArrowRight");
        page.waitForCondition(() -> Math.abs(section.boundingBox().x - (before - step)) < 1);
        page.keyboard().press("ArrowLeft");
        page.waitForCondition(() -> Math.abs(section.boundingBox().x - before) < 1);
        page.keyboard().press("Tab");
        assertThat(minimap).not().isFocused();
      }
    }
  }

  @Test
  void onAPhoneTheOverviewStartsHiddenAndShownCoversNeitherThePlusButtonNorTheZoomControls() {
    Workshop w = Workshop.create(node, "Unterwegs");
    try (w) {
      BridgeClient fay = w.connect(w.joinAsFacilitator("Fay"));
      fay.ok(Cmd.createSection("main", Cmd.section("s1", 0, 0, 600, 400, "Ideen")));
      try (Participant anna = Participant.join(browser, SmallScreenBrowserTest.phone(390, 844), w.board().getString("participantLink"),
          "Anna", "Jena", context -> {})) {
        Page page = anna.page;
        Locator minimap = page.getByTestId("minimap");
        Locator toggle = page.getByTestId("minimap-toggle");
        assertThat(page.getByTestId("section")).hasCount(1);
        assertThat(minimap).isHidden();
        assertThat(toggle).isVisible();
        assertThat(toggle).hasAttribute("aria-pressed", "false");
        toggle.tap();
        assertThat(minimap).isVisible();
        BoundingBox map = minimap.boundingBox();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "board-390-minimap.png")));
        assertTrue(!overlap(map, page.getByTestId("add-note-fab").boundingBox()), "the overview leaves the + button free");
        assertTrue(!overlap(map, page.locator("#zoom-controls").boundingBox()), "the overview leaves the zoom controls free");
        assertTrue(!overlap(page.getByTestId("add-note-fab").boundingBox(), page.locator("#zoom-controls").boundingBox()),
            "+ and zoom controls side by side");
      }
    }
  }

  /**
   * The overview's drawing of a full room (5,000 notes), as the browser measures it, when someone
   * moves a note (everything painted anew) and when the view moves (the frame over the shapes
   * painted before); prints MINIMAP_DRAW_MS.
   */
  @Test
  void aRoomWithFiveThousandNotesIsDrawnOnTheOverview() {
    Workshop w = Workshop.create(node, "Volles Board");
    try (w; DirectStore direct = new DirectStore(node.werkraum().vertx(), redis.url())) {
      JsonObject fayJoined = w.joinAsFacilitator("Fay");
      Actor actor = new Actor(w.id(), Workshop.participantId(fayJoined), Role.FACILITATOR);
      String[] colours = {"yellow", "orange", "pink", "purple", "blue", "teal", "green", "grey"};
      direct.apply(actor, 5000, i -> Cmd.createNote("main", Cmd.note("f" + i, i % 100 * 220, i / 100 * 170)
          .put("color", colours[i % colours.length])));
      BridgeClient fay = w.connect(fayJoined);
      BrowserContext context = browser.newContext(Participant.options());
      try (Participant anna = Participant.of(context, context.newPage())) {
        Page page = anna.page;
        page.navigate(w.board().getString("participantLink"));
        page.getByTestId("join-name").fill("Anna");
        page.getByTestId("join-submit").click();
        // 5,000 notes for the canvas to lay out first: more time than a small board needs.
        Locator minimap = page.getByTestId("minimap");
        assertThat(minimap).hasAccessibleName(Pattern.compile("notes: 5000$"), new LocatorAssertions.HasAccessibleNameOptions().setTimeout(90_000));
        minimap.focus();
        List<Double> viewMoved = new ArrayList<>();
        List<Double> noteMoved = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          double last = drawnAt(page);
          page.keyboard().press(i % 2 == 0 ? "ArrowRight" : "ArrowLeft");
          page.waitForCondition(() -> drawnAt(page) > last);
          viewMoved.add(drawTime(page));
        }
        for (int i = 0; i < 12; i++) {
          double last = drawnAt(page);
          fay.ok(Cmd.updateNote("main", "f0", new JsonObject().put("x", 1000 + i * 50)));
          page.waitForCondition(() -> drawnAt(page) > last
              && (Boolean) page.evaluate("() => performance.getEntriesByName('werkraum.minimap.draw')[0].detail.content"));
          noteMoved.add(drawTime(page));
        }
        System.out.println("MINIMAP_DRAW_MS 5000 notes: a note moved (all painted) " + medianAndMax(noteMoved)
            + "; the view moved (frame only) " + medianAndMax(viewMoved));
      }
    }
  }

  private static String medianAndMax(List<Double> times) {
    List<Double> sorted = times.stream().sorted().toList();
    return String.format(Locale.ROOT, "median %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
  }

  private static double drawTime(Page page) {
    return ((Number) page.evaluate("() => performance.getEntriesByName('werkraum.minimap.draw')[0].duration")).doubleValue();
  }

  /** When the overview was last drawn (page time), or -1. */
  private static double drawnAt(Page page) {
    return ((Number) page.evaluate(
        "() => performance.getEntriesByName('werkraum.minimap.draw')[0]?.startTime ?? -1")).doubleValue();
  }
}
