package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Workshop;
import org.junit.jupiter.api.Test;

/**
 * A board bigger than the screen: it opens with everything in view, "Fit to screen" brings it all
 * back after zooming in, and a breakout room made from a plenary section far from the origin
 * opens with that section in view.
 */
class FitToScreenBrowserTest extends BrowserTest {
  private static void inside(Locator canvas, Locator item) {
    BoundingBox c = canvas.boundingBox();
    BoundingBox b = item.boundingBox();
    assertTrue(b.x >= c.x && b.y >= c.y && b.x + b.width <= c.x + c.width + 0.5 && b.y + b.height <= c.y + c.height + 0.5,
        "within the board's view: " + item.getAttribute("data-id") + " at " + b.x + "," + b.y + " " + b.width + "x" + b.height
            + " in " + c.x + "," + c.y + " " + c.width + "x" + c.height);
  }

  @Test
  void theBoardAndARoomOpenWithTheirContentInViewAndFitBringsEverythingBack() {
    Workshop w = Workshop.create(node, "Überblick");
    try (w) {
      BridgeClient fay = w.connect(w.joinAsFacilitator("Fay"));
      double[][] spots = {{0, 0}, {800, 0}, {1600, 0}, {0, 600}, {800, 600}, {3000, 2000}};
      for (int i = 0; i < spots.length; i++) {
        fay.ok(Cmd.createSection("main", Cmd.section("s" + i, spots[i][0], spots[i][1], 600, 400, "Abschnitt " + i)));
      }
      fay.ok(Cmd.createNote("main", Cmd.note("q", 3040, 2060).put("text", "Was brauchen Familien?")));
      fay.ok(Cmd.createRooms(Cmd.room("r1", "Familien")).put("templateSection", "s5"));

      try (Participant anna = Participant.join(browser, w.board().getString("participantLink"), "Anna", "Jena")) {
        Locator canvas = anna.page.locator("#canvas");
        Locator sections = anna.page.getByTestId("section");
        Locator zoom = anna.page.getByTestId("zoom-value");
        assertThat(sections).hasCount(6);
        assertThat(zoom).not().hasText("100%");
        String fitted = zoom.textContent();
        for (int i = 0; i < 6; i++) {
          inside(canvas, sections.nth(i));
        }
        // Zoomed in, most of it is out of view; the button brings all six back.
        for (int i = 0; i < 4; i++) {
          anna.page.getByTestId("zoom-in").click();
        }
        assertThat(zoom).not().hasText(fitted);
        anna.page.getByTestId("zoom-fit").click();
        assertThat(zoom).hasText(fitted);
        for (int i = 0; i < 6; i++) {
          inside(canvas, sections.nth(i));
        }

        fay.ok(Cmd.command("rooms.assign").put("mode", "random"));
        fay.ok(Cmd.command("rooms.open"));
        Locator question = anna.page.getByTestId("section").filter(new Locator.FilterOptions().setHasText("Abschnitt 5"));
        assertThat(sections).hasCount(1);
        assertThat(question).isInViewport();
        inside(canvas, question);
        inside(canvas, anna.page.getByTestId("note").filter(new Locator.FilterOptions().setHasText("Was brauchen Familien?")));
      }
    }
  }
}
