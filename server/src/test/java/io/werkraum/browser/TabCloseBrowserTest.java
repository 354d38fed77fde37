package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.werkraum.testing.LogRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closing a browser tab is what every participant does at the end of a workshop: the server
 * takes the socket off the board and logs nothing at SEVERE for it. The node runs in
 * this JVM, so the test sees every record it writes.
 */
class TabCloseBrowserTest extends BrowserTest {
  @Test
  void closingTabsAndWindowsLogsNoProblem() {
    String link = participantLink("Abschluss");
    try (LogRecords log = LogRecords.severe();
         Participant anna = Participant.join(browser, link, "Anna", "Jena");
         Participant ben = Participant.join(browser, link, "Ben", "Gera");
         Participant clara = Participant.join(browser, link, "Clara", "Weimar")) {
      String benId = ben.selfId();
      String claraId = clara.selfId();
      assertThat(anna.participant(benId)).hasAttribute("data-online", "true");
      assertThat(anna.participant(claraId)).hasAttribute("data-online", "true");

      // Ben closes his tab as a person does: the page's unload handlers run.
      ben.page.close(new Page.CloseOptions().setRunBeforeUnload(true));
      // Clara closes her whole browser window.
      clara.context.close();
      // Dora quits her browser, tabs still open.
      String doraId;
      try (Browser own = Browsers.chromium(playwright)) {
        Participant dora = Participant.join(own, link, "Dora", "Erfurt");
        doraId = dora.selfId();
        assertThat(anna.participant(doraId)).hasAttribute("data-online", "true");
      }

      // Anna sees them all go offline: the server has handled every closed socket by now.
      assertThat(anna.participant(benId)).hasAttribute("data-online", "false");
      assertThat(anna.participant(claraId)).hasAttribute("data-online", "false");
      assertThat(anna.participant(doraId)).hasAttribute("data-online", "false");
      assertEquals(List.of(), log.problems(), "what the server logged while tabs closed");
    }
  }
}
