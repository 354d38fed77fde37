package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.Locator;
import io.werkraum.browser.ControlView.Phase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The facilitation in real Chromium windows: a facilitator on the board page and in the
 * control view (a second tab of the same browser), and participants in browsers of their
 * own. Every test opens its own board.
 */
class FacilitationBrowserTest extends BrowserTest {
  private static final Pattern MM_SS = Pattern.compile("(\\d{2}):(\\d{2})");

  private static int seconds(String mmss) {
    Matcher m = MM_SS.matcher(mmss.trim());
    assertTrue(m.matches(), "mm:ss: " + mmss);
    return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
  }

  private static String mmss(int seconds) {
    return String.format("%02d:%02d", seconds / 60, seconds % 60);
  }

  @Test
  void handsReadyTimerLockAndBroadcastReachEveryone() {
    JsonObject board = node.createBoard("Jugendhilfeplanung 2026");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Moderation");
         Participant anna = Participant.join(browser, board.getString("participantLink"), "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, board.getString("participantLink"), "Ben", "Gera")) {
      assertThat(anna.page.getByTestId("control-view-link")).not().isVisible();
      ControlView control = ControlView.open(fiona).phase(Phase.PEOPLE);
      String annaId = anna.selfId();
      String benId = ben.selfId();
      assertThat(control.participants()).hasCount(3);
      assertThat(control.participant(annaId)).containsText("Anna");
      assertThat(control.participant(annaId)).containsText("Stadt Jena");
      assertThat(control.participant(annaId)).hasAttribute("data-online", "true");
      assertThat(control.participant(benId)).hasAttribute("data-hand", "false");

      // ---- raised hand and "ready" show in the control view's rows ----
      ben.page.getByTestId("hand-toggle").click();
      assertThat(ben.page.getByTestId("hand-toggle")).hasAttribute("aria-pressed", "true");
      assertThat(control.participant(benId)).hasAttribute("data-hand", "true");
      assertThat(control.participant(benId)).containsText("Ben");
      assertThat(control.participant(annaId)).hasAttribute("data-hand", "false");
      // Raised hands come first in the list.
      assertThat(control.participants().first()).hasAttribute("data-participant-id", benId);
      // And in the status beside every phase, by name.
      assertThat(control.byTestId("fac-now-hand")).hasCount(1);
      assertThat(control.byTestId("fac-now-hand")).containsText("Ben Gera");
      assertThat(anna.participant(benId)).hasAttribute("data-hand", "true");

      anna.page.getByTestId("ready-toggle").click();
      assertThat(control.participant(annaId)).hasAttribute("data-ready", "true");
      assertThat(control.participant(benId)).hasAttribute("data-ready", "false");
      assertThat(control.byTestId("fac-now-ready")).hasAttribute("data-ready", "1");
      assertThat(ben.participant(annaId)).hasAttribute("data-ready", "true");

      ben.page.getByTestId("hand-toggle").click();
      assertThat(control.participant(benId)).hasAttribute("data-hand", "false");
      assertThat(control.byTestId("fac-now-hand")).hasCount(0);
      anna.page.getByTestId("ready-toggle").click();
      assertThat(control.participant(annaId)).hasAttribute("data-ready", "false");

      // ---- timer: a one-minute preset shows the same time on both boards ----
      Locator annaTimer = anna.page.getByTestId("timer-display");
      Locator benTimer = ben.page.getByTestId("timer-display");
      assertThat(annaTimer).not().isVisible();
      control.startTimerPreset(1);
      assertThat(control.timerDisplay()).hasAttribute("data-status", "running");
      for (Locator timer : List.of(annaTimer, benTimer)) {
        assertThat(timer).isVisible();
        assertThat(timer).hasAttribute("data-status", "running");
        assertThat(timer).hasText(Pattern.compile("00:[45]\\d|01:00"));
      }
      int a = seconds(annaTimer.textContent());
      int b = seconds(benTimer.textContent());
      int c = seconds(control.timerDisplay().textContent());
      assertTrue(Math.abs(a - b) <= 1, "same time left on both boards: " + a + " / " + b);
      assertTrue(Math.abs(a - c) <= 1, "and in the control view: " + a + " / " + c);
      assertTrue(a > 40 && a <= 60, "about a minute left: " + a);
      // It counts down.
      assertThat(annaTimer).not().hasText(mmss(a), new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(3000));

      // Pause: everyone shows the same frozen time.
      control.byTestId("fac-timer-pause").click();
      assertThat(control.timerDisplay()).hasAttribute("data-status", "paused");
      String frozen = control.timerDisplay().textContent();
      for (Locator timer : List.of(annaTimer, benTimer)) {
        assertThat(timer).hasAttribute("data-status", "paused");
        assertThat(timer).hasText(frozen);
      }
      assertThat(anna.page.locator(".timer__paused")).isVisible();

      // +1 minute adds to the frozen time.
      String plusOne = mmss(seconds(frozen) + 60);
      control.byTestId("fac-timer-add").click();
      assertThat(control.timerDisplay()).hasText(plusOne);
      assertThat(annaTimer).hasText(plusOne);
      assertThat(benTimer).hasText(plusOne);

      // Resume: running again from there.
      control.byTestId("fac-timer-resume").click();
      assertThat(annaTimer).hasAttribute("data-status", "running");
      assertTrue(seconds(benTimer.textContent()) >= seconds(plusOne) - 2);

      // Reset: the timer leaves the boards.
      control.byTestId("fac-timer-reset").click();
      assertThat(control.timerDisplay()).hasAttribute("data-status", "idle");
      assertThat(annaTimer).not().isVisible();
      assertThat(benTimer).not().isVisible();

      // ---- lock: participants may not add notes; the facilitator may ----
      String before = anna.addNote("Vor dem Sperren");
      assertThat(ben.noteText(before)).hasText("Vor dem Sperren");
      control.byTestId("fac-lock").click();
      assertThat(control.byTestId("fac-lock")).hasAttribute("aria-pressed", "true");
      for (Participant p : List.of(anna, ben)) {
        assertThat(p.page.getByTestId("lock-indicator")).isVisible();
        assertThat(p.page.getByTestId("lock-indicator")).hasText("Board locked");
        assertThat(p.page.getByTestId("add-note")).isDisabled();
        assertThat(p.page.getByTestId("add-section")).isDisabled();
      }
      assertThat(fiona.page.getByTestId("add-note")).isEnabled();
      String fromFiona = fiona.addNote("Nur die Moderation schreibt");
      assertThat(anna.noteText(fromFiona)).hasText("Nur die Moderation schreibt");
      assertThat(ben.noteText(fromFiona)).hasText("Nur die Moderation schreibt");
      // A participant's existing note does not open for editing either.
      anna.note(before).dblclick(new Locator.DblclickOptions().setPosition(12, 12));
      assertThat(anna.editor()).hasCount(0);
      // Hands still work while locked.
      anna.page.getByTestId("hand-toggle").click();
      assertThat(control.participant(annaId)).hasAttribute("data-hand", "true");
      // Anna has spoken: the facilitator lowers her hand from the status, for everyone.
      control.page.locator("[data-testid=fac-now-lower][data-participant-id='" + annaId + "']").click();
      assertThat(anna.page.getByTestId("hand-toggle")).hasAttribute("aria-pressed", "false");
      assertThat(ben.participant(annaId)).hasAttribute("data-hand", "false");
      assertThat(control.participant(annaId)).hasAttribute("data-hand", "false");
      assertThat(control.byTestId("fac-now-hand")).hasCount(0);

      control.byTestId("fac-lock").click();
      assertThat(control.byTestId("fac-lock")).hasAttribute("aria-pressed", "false");
      assertThat(ben.page.getByTestId("lock-indicator")).not().isVisible();
      assertThat(ben.page.getByTestId("add-note")).isEnabled();
      String after = ben.addNote("Wieder offen");
      assertThat(anna.noteText(after)).hasText("Wieder offen");

      // ---- broadcast: in every banner, as text ----
      String message = "<b>Pause</b> bis 10:30 – <img src=x onerror=\"window.__xss=1\">";
      control.byTestId("fac-broadcast-text").fill(message);
      control.byTestId("fac-broadcast-send").click();
      for (Participant p : List.of(anna, ben, fiona)) {
        Locator banner = p.page.getByTestId("broadcast-banner");
        assertThat(banner).isVisible();
        assertThat(banner.locator(".banner__text")).hasText(message);
        assertThat(banner.locator("b, img")).hasCount(0);
      }
      assertThat(control.byTestId("fac-broadcast-current")).containsText(message);
      assertEquals(true, anna.page.evaluate("() => typeof window.__xss === 'undefined'"));

      control.byTestId("fac-broadcast-clear").click();
      assertThat(anna.page.getByTestId("broadcast-banner")).not().isVisible();
      assertThat(ben.page.getByTestId("broadcast-banner")).not().isVisible();
    }
  }

  @Test
  void aRemovedParticipantLosesAccessAndARenewedLinkReplacesTheOldOne() {
    JsonObject board = node.createBoard("Wer gehört dazu");
    String oldLink = board.getString("participantLink");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Moderation");
         Participant anna = Participant.join(browser, oldLink, "Anna", "Stadt Jena");
         Participant mallory = Participant.join(browser, oldLink, "Mallory", "Unbekannt")) {
      ControlView control = ControlView.open(fiona);
      String annaId = anna.selfId();
      String malloryId = mallory.selfId();
      assertThat(control.participants()).hasCount(3);
      assertThat(anna.participant(malloryId)).containsText("Mallory");

      // Removing asks first; cancel keeps everyone.
      control.phase(Phase.PEOPLE);
      control.page.locator("[data-testid=fac-remove][data-participant-id='" + malloryId + "']").click();
      assertThat(control.page.getByTestId("confirm-dialog")).containsText("Mallory");
      control.page.getByTestId("confirm-cancel").click();
      assertThat(control.participant(malloryId)).hasCount(1);

      control.remove(malloryId);
      assertThat(control.participant(malloryId)).hasCount(0);
      assertThat(control.participants()).hasCount(2);
      assertThat(anna.participant(malloryId)).hasCount(0);
      assertThat(fiona.participant(malloryId)).hasCount(0);
      // Mallory's browser is back at the join form, told that the access ended.
      assertThat(mallory.page.getByTestId("join-name")).isVisible();
      assertThat(mallory.page.locator("#join-error")).hasText("Your access to this board has expired. Please join again.");
      assertThat(mallory.page.locator("#board-view")).isHidden();

      // Renewing the participant link: the old one stops working, the new one works.
      Locator shown = control.link("participant");
      assertThat(shown).hasText(oldLink);
      control.renewLink("participant");
      assertThat(shown).not().hasText(oldLink);
      String newLink = shown.textContent();
      assertTrue(newLink.startsWith(node.baseUrl() + "/b/" + board.getString("boardId") + "#j="), newLink);

      try (var late = browser.newContext(Participant.options())) {
        var page = late.newPage();
        page.navigate(oldLink);
        page.getByTestId("join-name").fill("Zu spät");
        page.getByTestId("join-submit").click();
        assertThat(page.locator("#join-error")).hasText("This link is not valid (any more). Please ask the facilitator for a current link.");
        assertThat(page.locator("#board-view")).isHidden();
      }
      // Mallory, too, cannot come back through the old link.
      mallory.page.getByTestId("join-name").fill("Mallory");
      mallory.page.getByTestId("join-submit").click();
      assertThat(mallory.page.locator("#join-error")).hasText("This link is not valid (any more). Please ask the facilitator for a current link.");

      try (Participant clara = Participant.join(browser, newLink, "Clara", "Landkreis Greiz")) {
        String claraId = clara.selfId();
        assertThat(control.participant(claraId)).containsText("Clara");
        assertThat(clara.participant(annaId)).containsText("Anna");
        // People who joined earlier keep their access.
        String note = anna.addNote("Noch da");
        assertThat(clara.noteText(note)).hasText("Noch da");
      }
    }
  }
}
