package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The facilitator steers from the board page itself (the "Steer" panel in the status area),
 * without the control view: each action reaches a participant's browser.
 */
class SteeringBrowserTest extends BrowserTest {

  @Test
  void theFacilitatorSteersTimerLockRoundAndRoomsFromTheBoardPage() {
    JsonObject board = node.createBoard("Steuern vom Board");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    JsonObject bea = node.joinAsParticipant(board, "Bea", "Gera");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Moderation");
         Participant anna = Participant.join(browser, board.getString("participantLink"), "Anna", "Stadt Jena");
         BridgeClient bridge = BridgeClient.connect(node.werkraum().vertx(), node.port(), fee.getString("token"));
         BridgeClient beaSocket = BridgeClient.connect(node.werkraum().vertx(), node.port(), bea.getString("token"))) {
      Page page = fiona.page;
      // Participants have no steering.
      assertThat(anna.page.getByTestId("steer-toggle")).hasCount(0);
      Locator toggle = page.getByTestId("steer-toggle");
      Locator panel = page.getByTestId("steer-panel");
      assertThat(toggle).hasAttribute("aria-expanded", "false");
      assertThat(panel).isHidden();
      toggle.click();
      assertThat(toggle).hasAttribute("aria-expanded", "true");
      assertThat(panel).isVisible();
      // No breakout rooms yet: nothing to open.
      assertThat(page.getByTestId("steer-rooms")).isHidden();

      // ---- timer: a preset starts it for everyone; pause and resume ----
      Locator annaTimer = anna.page.getByTestId("timer-display");
      panel.locator("[data-testid=steer-timer-preset][data-minutes='5']").click();
      assertThat(annaTimer).hasAttribute("data-status", "running");
      assertThat(annaTimer).hasText(java.util.regex.Pattern.compile("0[45]:\\d\\d"));
      Locator pause = page.getByTestId("steer-timer-pause");
      pause.click();
      assertThat(annaTimer).hasAttribute("data-status", "paused");
      pause.click();
      assertThat(annaTimer).hasAttribute("data-status", "running");

      // ---- lock and unlock ----
      Locator lock = page.getByTestId("steer-lock");
      assertThat(lock).hasAttribute("aria-pressed", "false");
      lock.click();
      assertThat(anna.page.getByTestId("lock-indicator")).isVisible();
      assertThat(lock).hasAttribute("aria-pressed", "true");
      lock.click();
      assertThat(anna.page.getByTestId("lock-indicator")).isHidden();

      // ---- a round with the control view's defaults in one click, closed with a question, results shown ----
      Locator round = page.getByTestId("steer-round");
      assertThat(round).hasAttribute("data-action", "start");
      round.click();
      assertThat(anna.page.getByTestId("votes-remaining")).isVisible();
      assertThat(round).hasAttribute("data-action", "close");
      round.click();
      assertThat(page.getByTestId("confirm-dialog")).isVisible();
      page.getByTestId("confirm-ok").click();
      assertThat(round).hasAttribute("data-action", "start");
      assertThat(anna.page.getByTestId("results-panel")).isVisible();
      assertThat(anna.page.getByTestId("votes-remaining")).isHidden();

      // ---- private writing: another participant's hidden note, revealed from the board ----
      Locator reveal = page.getByTestId("steer-reveal");
      assertThat(reveal).isHidden();
      assertOk(bridge.command(Cmd.command("private.set").put("on", true)));
      assertThat(reveal).isVisible();
      assertOk(beaSocket.command(Cmd.createNote("main", Cmd.note("secret", 100, 100).put("text", "Jugendzentrum am Markt"))));
      assertThat(fiona.noteText("secret")).hasText("Jugendzentrum am Markt");
      assertThat(anna.page.getByText("Jugendzentrum am Markt")).hasCount(0);
      reveal.click();
      assertThat(anna.noteText("secret")).hasText("Jugendzentrum am Markt");

      // ---- rooms (created and assigned over the bridge): open and close them ----
      String north = Cmd.id();
      assertOk(bridge.command(Cmd.createRooms(Cmd.room(north, "Nord"))));
      assertOk(bridge.command(Cmd.command("rooms.assign").put("mode", "manual")
          .put("assignments", new JsonObject().put(anna.selfId(), north))));
      Locator rooms = page.getByTestId("steer-rooms");
      assertThat(rooms).isVisible();
      assertThat(rooms).hasAttribute("data-action", "open");
      Locator annaRoom = anna.page.getByTestId("current-room");
      assertThat(annaRoom).hasAttribute("data-room", "main");
      rooms.click();
      assertThat(annaRoom).hasAttribute("data-room", north);
      assertThat(rooms).hasAttribute("data-action", "close");
      rooms.click();
      assertThat(annaRoom).hasAttribute("data-room", "main");
      assertThat(rooms).hasAttribute("data-action", "open");

      // The control view stays one link away for the rest.
      assertThat(page.getByTestId("control-view-link")).isVisible();
    }
  }

  @Test
  void theSteeringPanelWorksByKeyboard() {
    JsonObject board = node.createBoard("Tastatur");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Moderation");
         Participant anna = Participant.join(browser, board.getString("participantLink"), "Anna", "Stadt Jena")) {
      Page page = fiona.page;
      Locator toggle = page.getByTestId("steer-toggle");
      // Reached with Tab from the control view link before it.
      page.getByTestId("control-view-link").focus();
      page.keyboard().press("Tab");
      assertThat(toggle).isFocused();
      page.keyboard().press("Enter");
      assertThat(toggle).hasAttribute("aria-expanded", "true");
      page.keyboard().press("Tab");
      Locator first = page.locator("[data-testid=steer-timer-preset][data-minutes='3']");
      assertThat(first).isFocused();
      page.keyboard().press("Enter");
      assertThat(anna.page.getByTestId("timer-display")).hasAttribute("data-status", "running");
      page.getByTestId("steer-lock").focus();
      page.keyboard().press("Space");
      assertThat(anna.page.getByTestId("lock-indicator")).isVisible();
      // Escape closes the panel and puts the focus back on its button.
      page.keyboard().press("Escape");
      assertThat(page.getByTestId("steer-panel")).isHidden();
      assertThat(toggle).hasAttribute("aria-expanded", "false");
      assertThat(toggle).isFocused();
      // Escape on the button itself closes the open panel too.
      page.keyboard().press("Enter");
      assertThat(page.getByTestId("steer-panel")).isVisible();
      page.keyboard().press("Escape");
      assertThat(page.getByTestId("steer-panel")).isHidden();
      assertThat(toggle).hasAttribute("aria-expanded", "false");
      // A click elsewhere on the page closes it, as a menu closes.
      page.keyboard().press("Enter");
      assertThat(page.getByTestId("steer-panel")).isVisible();
      com.microsoft.playwright.options.BoundingBox canvas = page.locator("#canvas").boundingBox();
      page.mouse().click(canvas.x + 20, canvas.y + canvas.height - 20);
      assertThat(page.getByTestId("steer-panel")).isHidden();
      assertThat(toggle).hasAttribute("aria-expanded", "false");
    }
  }

  @Test
  void theOpenSteeringPanelHasNoViolationsInGermanAndEnglishOnScreenAndPhone() {
    JsonObject board = node.createBoard("Barrierefrei steuern");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    try (BridgeClient bridge = BridgeClient.connect(node.werkraum().vertx(), node.port(), fee.getString("token"))) {
      assertOk(bridge.command(Cmd.createRooms(Cmd.room(Cmd.id(), "Nord"))));
      assertOk(bridge.command(Cmd.timerStart(5 * 60_000)));
      assertOk(bridge.command(Cmd.startRound("r1")));
      for (String locale : List.of("de-DE", "en-GB")) {
        try (BrowserContext context = browser.newContext(Participant.options().setLocale(locale).setBypassCSP(true))) {
          Page page = context.newPage();
          page.navigate(board.getString("facilitatorLink"));
          page.getByTestId("join-name").fill("Fiona");
          page.getByTestId("join-submit").click();
          assertThat(page.getByTestId("connection-state")).hasAttribute("data-state", "open");
          page.getByTestId("steer-toggle").click();
          assertThat(page.getByTestId("steer-rooms")).isVisible();
          assertThat(page.getByTestId("steer-round")).hasAttribute("data-action", "close");
          assertEquals(List.of(), Axe.violations(page), locale + " board with the steering panel open");

          // On a phone the status, and the panel with it, lives in the bottom sheet.
          page.setViewportSize(390, 844);
          page.getByTestId("sheet-tab-status").click();
          Locator panel = page.getByTestId("steer-panel");
          // The tap on the sheet's tab was a click elsewhere: the panel closed; open it in the sheet.
          assertThat(panel).isHidden();
          page.getByTestId("steer-toggle").click();
          assertThat(panel).isVisible();
          assertThat(page.getByTestId("steer-round")).isInViewport();
          assertEquals(List.of(), Axe.violations(page), locale + " phone, steering panel in the sheet");
        }
      }
    }
  }
}
