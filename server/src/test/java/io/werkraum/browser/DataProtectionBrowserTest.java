package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import io.werkraum.browser.ControlView.Phase;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Data protection as a facilitator and a participant see it in Chromium: how long the board is
 * kept, the audit log in the control view, and deleting the board for good.
 */
class DataProtectionBrowserTest extends BrowserTest {
  @Test
  void theControlViewShowsTheRetentionAndTheAuditLogAndDeletesTheBoardForEveryone() {
    JsonObject board = node.createBoard("Sozialplanung Saale-Orla");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Landkreis");
         Participant anna = Participant.join(browser, board.getString("participantLink"), "Anna", "Stadt Pößneck")) {
      // The participant sees when the board is deleted (default: 90 days after the last activity).
      assertThat(anna.page.getByTestId("retention-note")).containsText("90");
      ControlView control = ControlView.open(fiona).phase(Phase.SETTINGS);
      assertThat(control.byTestId("fac-retention-info")).containsText("90");

      // A shorter retention: saved, shown to the participant too.
      control.byTestId("fac-retention-days").fill("14");
      control.byTestId("fac-retention-save").click();
      assertThat(control.byTestId("fac-retention-info")).containsText("14");
      assertThat(anna.page.getByTestId("retention-note")).containsText("14");
      // More than the instance allows is refused in the form, with the reason.
      control.byTestId("fac-retention-days").fill("400");
      control.byTestId("fac-retention-save").click();
      assertThat(control.page.locator("#fac-retention-error")).isVisible();

      // The audit log lists what the facilitator did.
      control.byTestId("fac-audit-refresh").click();
      assertThat(control.byTestId("fac-audit-table")).containsText(Pattern.compile("Retention period changed|Aufbewahrungsfrist geändert"));
      assertThat(control.byTestId("fac-audit-table")).containsText("Fiona");

      // Deleting asks first; cancelling keeps the board.
      control.byTestId("fac-delete-board").click();
      control.page.getByTestId("confirm-cancel").click();
      assertThat(control.byTestId("fac-delete-board")).isVisible();
      control.byTestId("fac-delete-board").click();
      control.confirm();

      assertThat(control.byTestId("board-gone")).isVisible();
      assertThat(anna.page.getByTestId("board-gone")).isVisible();
      // The link now says the board is gone, for anyone who opens it.
      try (BrowserContext late = browser.newContext(Participant.options())) {
        Page page = late.newPage();
        page.navigate(board.getString("participantLink"));
        page.getByTestId("join-name").fill("Ben");
        page.getByTestId("join-submit").click();
        assertThat(page.getByTestId("board-gone")).isVisible();
      }
    }
  }

  @Test
  void aFacilitatorErasesSomeonesDataAndAParticipantTheirOwn() {
    JsonObject board = node.createBoard("Sozialraumkonferenz");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Landkreis");
         Participant anna = Participant.join(browser, board.getString("participantLink"), "Anna", "Stadt Pößneck");
         Participant ben = Participant.join(browser, board.getString("participantLink"), "Ben", "Gera")) {
      String annaId = anna.selfId();
      ControlView control = ControlView.open(fiona).phase(Phase.PEOPLE);
      assertThat(control.participant(annaId)).containsText("Anna");

      // The facilitator erases Anna's data; the dialog asks what becomes of her notes.
      control.page.locator("[data-testid=fac-erase][data-participant-id='" + annaId + "']").click();
      assertThat(control.byTestId("erase-dialog")).isVisible();
      control.byTestId("erase-notes-anonymise").check();
      control.byTestId("erase-ok").click();
      assertThat(control.participants()).hasCount(2);
      assertThat(ben.page.locator(".participant-list")).not().containsText("Anna");
      // Anna's page no longer works as hers: her browser starts over from the link.
      assertThat(anna.page.getByTestId("join-name")).isVisible();

      // Ben deletes his own data from the board.
      ben.page.getByTestId("erase-self").click();
      assertThat(ben.page.getByTestId("erase-dialog")).isVisible();
      ben.page.getByTestId("erase-ok").click();
      assertThat(ben.page.getByTestId("data-erased")).isVisible();
      assertThat(control.participants()).hasCount(1);
    }
  }

  @Test
  void withAPassphraseAndAWaitingRoomNewcomersGetInOnlyWhenLetIn() {
    JsonObject board = node.createBoard("Geschlossene Runde");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Landkreis")) {
      ControlView control = ControlView.open(fiona).phase(Phase.SETTINGS);
      control.byTestId("fac-passphrase").fill("Saale 2026");
      control.byTestId("fac-passphrase-set").click();
      assertThat(control.byTestId("fac-passphrase-state")).containsText(Pattern.compile("must enter|muss das Passwort"));
      control.byTestId("fac-waiting-room").click();
      assertThat(control.byTestId("fac-waiting-room")).hasAttribute("aria-pressed", "true");

      try (BrowserContext context = browser.newContext(Participant.options())) {
        Page page = context.newPage();
        page.navigate(board.getString("participantLink"));
        page.getByTestId("join-name").fill("Anna");
        page.getByTestId("join-submit").click();
        // The board asks for its passphrase; a wrong one is refused.
        assertThat(page.getByTestId("join-passphrase")).isVisible();
        page.getByTestId("join-passphrase").fill("falsch");
        page.getByTestId("join-submit").click();
        assertThat(page.locator("#join-error")).isVisible();
        page.getByTestId("join-passphrase").fill("Saale 2026");
        page.getByTestId("join-submit").click();
        // In: but in the waiting room, with nothing of the board shown.
        assertThat(page.getByTestId("waiting-room")).isVisible();
        assertThat(page.getByTestId("add-note")).not().isVisible();

        assertThat(control.page.locator("[data-testid=fac-participant][data-waiting=true]")).hasCount(1);
        // The status beside the phases says someone waits, and leads to the button that lets them in.
        assertThat(control.byTestId("fac-now-waiting")).hasText("Waiting to be let in: 1");
        control.byTestId("fac-now-waiting").click();
        assertThat(control.panel(Phase.PEOPLE)).isVisible();
        assertThat(control.page.locator("[data-testid=fac-admit]:visible")).isFocused();
        control.page.locator("[data-testid=fac-admit]:visible").click();
        assertThat(page.getByTestId("connection-state")).hasAttribute("data-state", "open");
        assertThat(page.getByTestId("add-note")).isVisible();
        assertThat(control.page.locator("[data-testid=fac-participant][data-waiting=true]")).hasCount(0);
      }
    }
  }
}
