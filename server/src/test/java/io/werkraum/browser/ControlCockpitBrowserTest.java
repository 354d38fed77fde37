package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import io.werkraum.browser.ControlView.Phase;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Workshop;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The control view as a cockpit (issue 10): with thirty people on the board it fits a
 * 1,366 x 768 laptop screen without the page scrolling, shows what is happening now (who is
 * here, hands, the timer, the open round's progress, the rooms) beside the phases, reaches each
 * phase with one click, by keyboard too, and works on a 390 x 844 phone without sideways scrolling.
 */
class ControlCockpitBrowserTest extends BrowserTest {
  private static final String[] TOWNS = {"Stadt Jena", "Gera", "Pößneck"};
  /** Where to keep screenshots of the cockpit (docs/screenshots), when asked for with -Dwerkraum.screenshots=<dir>. */
  private static final String SCREENSHOTS = System.getProperty("werkraum.screenshots");

  private static boolean pageScrollsDown(Page page) {
    return (Boolean) page.evaluate("() => document.documentElement.scrollHeight > window.innerHeight");
  }

  private static boolean pageScrollsSideways(Page page) {
    return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
  }

  private static int tabRows(Page page) {
    return ((Number) page.evaluate("() => new Set([...document.querySelectorAll('[data-testid=fac-tab]')].map((t) => t.offsetTop)).size"))
        .intValue();
  }

  private static void screenshot(Page page, String name) {
    if (SCREENSHOTS != null && !SCREENSHOTS.isBlank()) {
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(SCREENSHOTS, name)));
    }
  }

  @Test
  void thirtyPeopleFitOneLaptopScreenAndAPhoneNeverScrollsSideways() {
    try (Workshop w = Workshop.create(node, "Leitbild Saale-Holzland 2030")) {
      // ---- thirty participants from three towns, online, three hands up, five ready; rooms, a timer and a round ----
      // The test clients ping the server as browsers do (it drops a socket quiet for 30 s): they stay online.
      List<BridgeClient> people = new CopyOnWriteArrayList<>();
      for (int i = 1; i <= 30; i++) {
        people.add(w.connect(w.join("Person " + i, TOWNS[i % TOWNS.length])));
      }
      for (int i = 0; i < 3; i++) {
        assertOk(people.get(i).command(Cmd.updateParticipant(new JsonObject().put("hand", true))));
      }
      for (int i = 10; i < 15; i++) {
        assertOk(people.get(i).command(Cmd.updateParticipant(new JsonObject().put("ready", true))));
      }
      BridgeClient fee = w.connect(w.joinAsFacilitator("Fee"));
      people.add(fee);
      assertOk(fee.command(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Jugendtreff länger offen"))));
      assertOk(fee.command(Cmd.createRooms(Cmd.room(Cmd.id(), "Nord"), Cmd.room(Cmd.id(), "Mitte"), Cmd.room(Cmd.id(), "Süd"))));
      assertOk(fee.command(Cmd.command("rooms.assign").put("mode", "balanced")));
      assertOk(fee.command(Cmd.timerStart(10 * 60_000)));
      assertOk(fee.command(Cmd.startRound("r1")));
      for (int i = 0; i < 4; i++) {
        assertOk(people.get(i).command(Cmd.castVote("r1", "n1")));
      }

      try (Participant fiona = Participant.join(browser, Participant.options().setViewportSize(1366, 768),
          w.board().getString("facilitatorLink"), "Fiona", "Moderation", context -> {})) {
        ControlView control = ControlView.open(fiona);
        Page page = control.page;

        // ---- what is happening now, beside the phases ----
        assertThat(control.byTestId("fac-now-online")).hasText("32 of 32 online");
        assertThat(control.byTestId("fac-now-ready")).hasText("Ready: 5 of 30");
        assertThat(control.byTestId("fac-now-organisations")).containsText("Stadt Jena");
        Locator hands = control.byTestId("fac-now-hand");
        assertThat(hands).hasCount(3);
        assertThat(hands.nth(0)).containsText("Person 1");
        assertThat(hands.nth(0)).containsText("Gera");
        assertThat(hands.nth(2)).containsText("Person 3");
        assertThat(control.byTestId("fac-now-timer")).hasAttribute("data-status", "running");
        assertThat(control.byTestId("fac-now-round")).hasAttribute("data-voters", "4");
        assertThat(control.byTestId("fac-now-round")).hasText("Voted: 4 of 30 · dots: 4");
        assertThat(control.byTestId("fac-now-room")).hasCount(3);
        assertThat(control.byTestId("fac-now-room")).containsText(new String[] {"Mitte", "Nord", "Süd"});
        assertThat(control.byTestId("fac-now-room").first()).containsText("10/10 online");
        for (String part : List.of("fac-now-people-part", "fac-now-hands-part", "fac-now-timer-part", "fac-now-round-part", "fac-now-rooms-part")) {
          assertThat(control.byTestId(part)).isInViewport();
        }
        assertThat(control.byTestId("fac-now-toggle")).isHidden();
      assertEquals(1, tabRows(page), "the phases in one row");

        // ---- each phase one click away; the page itself never scrolls, the status stays in view ----
        for (Phase phase : Phase.values()) {
          control.phase(phase);
          assertThat(control.byTestId("fac-now-rooms-part")).isInViewport();
          assertTrue(!pageScrollsDown(page), phase + ": the page scrolls down at 1366 x 768");
          assertTrue(!pageScrollsSideways(page), phase + ": the page scrolls sideways at 1366 x 768");
          screenshot(page, "control-laptop-" + phase.id() + ".png");
        }

        // ---- in German, with its longer words, it fits just as well ----
        control.byTestId("lang-de").click();
        assertThat(control.byTestId("fac-tab").last()).hasText("Einstellungen & Datenschutz");
        assertThat(control.byTestId("fac-now-online")).hasText("32 von 32 online");
      assertThat(control.byTestId("fac-now-room").first()).containsText("Notizen: 0");
      assertEquals(1, tabRows(page), "German: the phases in one row");
        assertTrue(!pageScrollsDown(page), "German: the page scrolls down at 1366 x 768");
        assertThat(control.byTestId("fac-now-rooms-part")).isInViewport();
        screenshot(page, "control-laptop-de.png");
        control.byTestId("lang-en").click();

        // ---- the status leads to the phase that steers it ----
        control.byTestId("fac-now-open-timer").click();
        assertThat(control.panel(Phase.WORK)).isVisible();
        assertThat(control.byTestId("fac-timer-custom")).isFocused();
        control.byTestId("fac-now-open-rooms").click();
        assertThat(control.panel(Phase.ROOMS)).isVisible();

        // ---- tabs by keyboard: arrows, Home and End; the address keeps the phase ----
        Locator tabs = control.byTestId("fac-tab");
        tabs.first().click();
        page.keyboard().press("ArrowRight");
        assertThat(tabs.nth(1)).isFocused();
        assertThat(tabs.nth(1)).hasAttribute("aria-selected", "true");
        assertThat(control.panel(Phase.PEOPLE)).isVisible();
        page.keyboard().press("End");
        assertThat(tabs.last()).isFocused();
        assertThat(control.panel(Phase.SETTINGS)).isVisible();
        page.keyboard().press("ArrowRight");
        assertThat(tabs.first()).isFocused();
        page.keyboard().press("ArrowLeft");
        assertThat(tabs.last()).isFocused();
        page.keyboard().press("Home");
        assertThat(control.panel(Phase.PREPARE)).isVisible();
        assertEquals(1, page.locator("[data-testid=fac-tab][tabindex='0']").count(), "one tab stop");
        control.phase(Phase.RESULT);
        page.reload();
        assertThat(control.panel(Phase.RESULT)).isVisible();

        // ---- the skip link leads past the top bar ----
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#main")).isFocused();

        // ---- a phone: the status folds into a summary, the participants are cards, nothing scrolls sideways ----
        page.setViewportSize(390, 844);
        assertThat(control.byTestId("fac-now-toggle")).isVisible();
        assertThat(control.byTestId("fac-now-summary")).containsText("32/32 online");
        assertThat(control.byTestId("fac-now-rooms-part")).isHidden();
        control.byTestId("fac-now-toggle").click();
        assertThat(control.byTestId("fac-now-toggle")).hasAttribute("aria-expanded", "true");
        assertThat(control.byTestId("fac-now-rooms-part")).isVisible();
        screenshot(page, "control-phone-now.png");
        control.byTestId("fac-now-toggle").click();
        for (Phase phase : Phase.values()) {
          control.phase(phase);
          assertTrue(!pageScrollsSideways(page), phase + ": the page scrolls sideways at 390 x 844");
          screenshot(page, "control-phone-" + phase.id() + ".png");
        }
        control.phase(Phase.PEOPLE);
        assertThat(control.participants()).hasCount(32);
      }
    }
  }
}
