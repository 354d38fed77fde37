package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A facilitator runs a workshop by keyboard alone, from the board page and the control view:
 * timer, lock, a voting round (start, close, show), breakout rooms (create, assign, open, close,
 * harvest), a snapshot and a download. Each action is seen where it matters, in a participant's
 * browser; every stop on the way shows where the focus is.
 */
class FacilitatorKeyboardBrowserTest extends BrowserTest {
  /** Tabs to a phase's tab from where the focus is (backwards), and selects the phase with the arrow keys. */
  private static void showPhase(Page page, ControlView.Phase phase) {
    Locator selected = page.locator("[data-testid=fac-tab][aria-selected=true]");
    Keyboard.tabBackTo(page, selected, 120);
    page.keyboard().press("Home");
    for (int i = 0; i < phase.ordinal(); i++) {
      page.keyboard().press("ArrowRight");
    }
    assertThat(page.locator("[data-testid=fac-tab][data-phase=" + phase.id() + "]")).hasAttribute("aria-selected", "true");
    assertThat(page.locator("[data-testid=fac-phase][data-phase=" + phase.id() + "]")).isVisible();
  }

  /** The confirm dialog asks; Tab to its OK button and press Enter. */
  private static void confirmByKeyboard(Page page) {
    assertThat(page.getByTestId("confirm-dialog")).isVisible();
    Keyboard.tabTo(page, page.getByTestId("confirm-ok"), 3);
    page.keyboard().press("Enter");
    assertThat(page.getByTestId("confirm-dialog")).isHidden();
  }

  @Test
  void aFacilitatorRunsTheWorkshopByKeyboardAlone() {
    JsonObject board = node.createBoard("Moderation per Tastatur");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Moderation");
         Participant anna = Participant.join(browser, board.getString("participantLink"), "Anna", "Stadt Jena")) {
      Page page = fiona.page;
      anna.addNote("Jugendtreff länger offen");

      // ---- the board page: Steer panel (timer, lock) ----
      Locator toggle = page.getByTestId("steer-toggle");
      Keyboard.tabTo(page, toggle, 60);
      page.keyboard().press("Enter");
      Keyboard.tabTo(page, page.locator("[data-testid=steer-timer-preset][data-minutes='5']"), 5);
      page.keyboard().press("Enter");
      Locator annaTimer = anna.page.getByTestId("timer-display");
      assertThat(annaTimer).hasAttribute("data-status", "running");
      Keyboard.tabTo(page, page.getByTestId("steer-lock"), 10);
      page.keyboard().press("Space");
      assertThat(anna.page.getByTestId("lock-indicator")).isVisible();
      page.keyboard().press("Space");
      assertThat(anna.page.getByTestId("lock-indicator")).isHidden();
      page.keyboard().press("Escape");
      assertThat(toggle).isFocused();

      // ---- to the control view: its link, Enter ----
      Keyboard.tabBackTo(page, page.getByTestId("control-view-link"), 3);
      Page control = page.waitForPopup(() -> page.keyboard().press("Enter"));
      assertThat(control.getByTestId("connection-state")).hasAttribute("data-state", "open");
      Keyboard.tabTo(control, control.locator("[data-testid=fac-tab][aria-selected=true]"), 80);

      // ---- work: pause the timer, lock and unlock ----
      showPhase(control, ControlView.Phase.WORK);
      Keyboard.tabTo(control, control.getByTestId("fac-timer-pause"), 40);
      control.keyboard().press("Enter");
      assertThat(annaTimer).hasAttribute("data-status", "paused");
      Keyboard.tabTo(control, control.getByTestId("fac-lock"), 40);
      control.keyboard().press("Enter");
      assertThat(anna.page.getByTestId("lock-indicator")).isVisible();
      control.keyboard().press("Enter");
      assertThat(anna.page.getByTestId("lock-indicator")).isHidden();

      // ---- vote: a named round, closed (asks first), its results shown ----
      showPhase(control, ControlView.Phase.VOTE);
      Keyboard.tabTo(control, control.getByTestId("fac-round-title"), 20);
      control.keyboard().type("Was zuerst?");
      Keyboard.tabTo(control, control.getByTestId("fac-round-start"), 20);
      control.keyboard().press("Enter");
      assertThat(anna.page.getByTestId("votes-remaining")).isVisible();
      Keyboard.tabTo(control, control.getByTestId("fac-round-close"), 40);
      control.keyboard().press("Enter");
      confirmByKeyboard(control);
      Locator show = control.locator("[data-testid=fac-round][data-status=closed]").getByTestId("fac-round-show");
      Keyboard.tabTo(control, show, 40);
      control.keyboard().press("Enter");
      assertThat(show).hasAttribute("aria-pressed", "true");
      assertThat(anna.page.getByTestId("results-panel")).isVisible();

      // ---- rooms: two created, assigned at random, opened, closed, one harvested ----
      showPhase(control, ControlView.Phase.ROOMS);
      Keyboard.tabTo(control, control.getByTestId("fac-rooms-count"), 20);
      control.keyboard().press("Control+A");
      control.keyboard().type("2");
      Keyboard.tabTo(control, control.getByTestId("fac-rooms-create"), 20);
      control.keyboard().press("Enter");
      assertThat(control.getByTestId("fac-room-card")).hasCount(2);
      Keyboard.tabTo(control, control.getByTestId("fac-assign"), 20);
      control.keyboard().press("Enter");
      Keyboard.tabTo(control, control.getByTestId("fac-rooms-open"), 10);
      control.keyboard().press("Enter");
      Locator annaRoom = anna.page.getByTestId("current-room");
      assertThat(annaRoom).not().hasAttribute("data-room", "main");
      String room = annaRoom.getAttribute("data-room");
      anna.addNote("Ergebnis aus dem Raum");
      Keyboard.tabTo(control, control.getByTestId("fac-rooms-close"), 10);
      control.keyboard().press("Enter");
      assertThat(annaRoom).hasAttribute("data-room", "main");
      Keyboard.tabTo(control, control.locator("[data-testid=fac-room-harvest][data-room='" + room + "']"), 60);
      control.keyboard().press("Enter");
      confirmByKeyboard(control);
      assertThat(anna.page.getByTestId("note-text").filter(new Locator.FilterOptions().setHasText("Ergebnis aus dem Raum")))
          .hasCount(1);

      // ---- result: a named snapshot, and the minutes as a download ----
      showPhase(control, ControlView.Phase.RESULT);
      Keyboard.tabTo(control, control.getByTestId("fac-snapshot-name-input"), 20);
      control.keyboard().type("Ende");
      control.keyboard().press("Enter");
      assertThat(control.getByTestId("fac-snapshot").filter(new Locator.FilterOptions().setHasText("Ende"))).hasCount(1);
      Locator live = control.getByTestId("fac-live-download");
      Keyboard.tabTo(control, live.getByTestId("fac-download-format"), 20);
      control.keyboard().press("ArrowDown");
      assertThat(live.getByTestId("fac-download-format")).hasValue("md");
      Keyboard.tabTo(control, live.getByTestId("fac-download"), 5);
      Download minutes = control.waitForDownload(() -> control.keyboard().press("Enter"));
      assertTrue(Pattern.compile("\\.md$").matcher(minutes.suggestedFilename()).find(), minutes.suggestedFilename());
    }
  }
}
