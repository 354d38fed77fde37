package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import io.werkraum.browser.ControlView.Phase;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Workshop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A facilitator looks at a place of the plenary on the board page and harvests a breakout room
 * from the control view (a tab of the same browser): the room's section lands on a free spot
 * near that place, covering nothing, and the board page shows it and says so; harvesting again
 * leaves it where it is. In the list view it is only said. Another participant's view does not move.
 */
class HarvestInViewBrowserTest extends BrowserTest {
  /** What the plenary holds before the harvest, as world boxes {x, y, w, h}. */
  private static final Map<String, double[]> PLENARY = Map.of(
      "leitfrage", new double[] {-400, -250, 800, 500},
      "archiv-west", new double[] {-6600, -200, 600, 400},
      "archiv-ost", new double[] {6000, -200, 600, 400},
      "nebenan", new double[] {500, -75, 200, 150});

  private static Locator section(Participant p, String title) {
    return p.page.locator("[data-testid=section]").filter(new Locator.FilterOptions()
        .setHas(p.page.getByTestId("section-title").getByText(title, new Locator.GetByTextOptions().setExact(true))));
  }

  /** The world box {x, y, w, h} of a note or section, as its style places and sizes it. */
  private static double[] worldBox(Locator item) {
    double[] at = Participant.worldPosition(item);
    @SuppressWarnings("unchecked")
    List<Number> size = (List<Number>) item.evaluate("el => [parseFloat(el.style.width), parseFloat(el.style.height)]");
    return new double[] {at[0], at[1], size.get(0).doubleValue(), size.get(1).doubleValue()};
  }

  /** The facilitator's last view as the board page keeps it for the control view. */
  private static JsonObject storedView(Participant p, String boardId) {
    return new JsonObject((String) p.page.evaluate("id => localStorage.getItem('werkraum.viewport.' + id)", boardId));
  }

  /** Waits until the item lies fully within the board's canvas on screen (the canvas jumps there). */
  private static void waitShownInCanvas(Participant p, Locator item) {
    item.waitFor();
    p.page.waitForFunction("el => { const c = document.getElementById('canvas').getBoundingClientRect();"
        + " const b = el.getBoundingClientRect(); return b.left >= c.left && b.top >= c.top"
        + " && b.right <= c.right + 0.5 && b.bottom <= c.bottom + 0.5; }", item.elementHandle());
    BoundingBox c = p.page.locator("#canvas").boundingBox();
    BoundingBox b = item.boundingBox();
    assertTrue(b.x >= c.x && b.y >= c.y && b.x + b.width <= c.x + c.width + 0.5 && b.y + b.height <= c.y + c.height + 0.5,
        "within the board's view: " + b.x + "," + b.y + " " + b.width + "x" + b.height + " in " + c.x + "," + c.y + " " + c.width + "x" + c.height);
  }

  private static boolean overlap(double[] a, double[] b) {
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
  }

  private static void harvest(ControlView control, String room) {
    control.phase(Phase.ROOMS);
    control.page.locator("[data-testid=fac-room-harvest][data-room='" + room + "']").click();
    control.confirm();
  }

  @Test
  void aHarvestLandsBesideWhereTheFacilitatorLooksAndIsBroughtIntoView() {
    try (Workshop w = Workshop.create(node, "Ernte im Blick")) {
      BridgeClient fay = w.connect(w.joinAsFacilitator("Fay"));
      PLENARY.forEach((id, b) -> fay.ok(id.equals("nebenan")
          ? Cmd.createNote("main", Cmd.note(id, b[0], b[1]).put("text", "Nebenan"))
          : Cmd.createSection("main", Cmd.section(id, b[0], b[1], b[2], b[3], id))));
      fay.ok(Cmd.createRooms(Cmd.room("r1", "Verkehr"), Cmd.room("r2", "Wohnen")));
      fay.ok(Cmd.createNote("r2", Cmd.note("w1", 0, 0).put("text", "Mieten")));
      fay.ok(Cmd.createNote("r1", Cmd.note("n1", 0, 0).put("text", "Busse öfter")));
      fay.ok(Cmd.createNote("r1", Cmd.note("n2", 300, 0).put("text", "Radweg Lobeda")));

      try (Participant fiona = Participant.join(browser, w.board().getString("facilitatorLink"), "Fiona", "Moderation");
           Participant anna = Participant.join(browser, w.board().getString("participantLink"), "Anna", "Jena")) {
        // Fiona looks at the question at 100 %, a little up and left of its middle.
        assertThat(fiona.page.getByTestId("section")).hasCount(3);
        fiona.page.getByTestId("zoom-reset").click();
        assertThat(fiona.page.getByTestId("zoom-value")).hasText("100%");
        fiona.page.waitForFunction("id => { const v = JSON.parse(localStorage.getItem('werkraum.viewport.' + id) ?? 'null');"
            + " return v && v.zoom === 1 && v.room === 'main'; }", w.id());
        JsonObject before = storedView(fiona, w.id());
        BoundingBox question = fiona.page.locator("[data-testid=section][data-id=leitfrage]").boundingBox();
        // From the empty board left of the question, drag the board 200 px right and 150 px down.
        fiona.dragFrom(question.x - 120, question.y + question.height / 2, 200, 150);
        double nearX = before.getDouble("x") - 200;
        double nearY = before.getDouble("y") - 150;
        fiona.page.waitForFunction("([id, x, y]) => { const v = JSON.parse(localStorage.getItem('werkraum.viewport.' + id) ?? 'null');"
            + " return v && v.x === x && v.y === y; }", List.of(w.id(), (int) nearX, (int) nearY));
        String annaZoom = anna.page.getByTestId("zoom-value").textContent();
        BoundingBox annaQuestion = anna.page.locator("[data-testid=section][data-id=leitfrage]").boundingBox();

        ControlView control = ControlView.open(fiona);
        harvest(control, "r1");
        Locator verkehr = section(fiona, "Verkehr");
        assertThat(verkehr).hasCount(1);
        waitShownInCanvas(fiona, verkehr);
        double[] box = worldBox(verkehr);
        assertTrue(Math.hypot(box[0] + box[2] / 2 - nearX, box[1] + box[3] / 2 - nearY) < 500,
            "near the middle of Fiona's view (" + nearX + "," + nearY + "): " + List.of(box[0], box[1], box[2], box[3]));
        PLENARY.forEach((id, b) -> assertFalse(overlap(box, b), "the harvest covers " + id));
        assertThat(fiona.page.getByTestId("announcer")).hasText("Results of “Verkehr” brought in");
        assertThat(fiona.page.locator("[data-testid=note] [data-testid=note-origin]")).hasCount(2);

        // The room works on. Fiona zooms in until the section is larger than her view; harvested
        // again, the section stays where it is and her view zooms out to show it whole.
        fay.ok(Cmd.createNote("r1", Cmd.note("n3", 0, 300).put("text", "Carsharing")));
        for (String step : List.of("110%", "125%", "150%", "175%", "200%", "250%")) {
          fiona.page.getByTestId("zoom-in").click();
          assertThat(fiona.page.getByTestId("zoom-value")).hasText(step);
        }
        harvest(control, "r1");
        assertThat(fiona.page.locator("[data-testid=note] [data-testid=note-origin]")).hasCount(3);
        assertThat(verkehr).hasCount(1);
        double[] again = worldBox(verkehr);
        assertEquals(box[0], again[0], "a later harvest does not move the section");
        assertEquals(box[1], again[1]);
        waitShownInCanvas(fiona, verkehr);
        assertThat(fiona.page.getByTestId("zoom-value")).not().hasText("250%");

        // In the list view a harvest is said, and nothing moves: the canvas is as Fiona left it.
        BoundingBox shown = verkehr.boundingBox();
        String zoom = fiona.page.getByTestId("zoom-value").textContent();
        fiona.page.getByTestId("view-list").click();
        assertThat(fiona.page.getByTestId("list-view")).isVisible();
        harvest(control, "r2");
        assertThat(fiona.page.getByTestId("list-view")).containsText("Mieten");
        assertThat(fiona.page.getByTestId("announcer")).hasText("Results of “Wohnen” brought in");
        fiona.page.getByTestId("view-canvas").click();
        assertThat(section(fiona, "Wohnen")).hasCount(1);
        assertThat(fiona.page.getByTestId("zoom-value")).hasText(zoom);
        BoundingBox still = verkehr.boundingBox();
        assertEquals(shown.x, still.x, 0.5);
        assertEquals(shown.y, still.y, 0.5);

        // Anna saw the harvests arrive, and her view stayed where it was.
        assertThat(section(anna, "Verkehr")).hasCount(1);
        assertThat(anna.page.locator("[data-testid=note] [data-testid=note-origin]")).hasCount(4);
        assertThat(anna.page.getByTestId("zoom-value")).hasText(annaZoom);
        BoundingBox annaNow = anna.page.locator("[data-testid=section][data-id=leitfrage]").boundingBox();
        assertEquals(annaQuestion.x, annaNow.x, 0.5);
        assertEquals(annaQuestion.y, annaNow.y, 0.5);
        assertThat(anna.page.getByTestId("announcer")).not().containsText("brought in");
      }
    }
  }
}
