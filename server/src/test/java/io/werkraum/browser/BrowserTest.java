package io.werkraum.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import io.werkraum.testing.NodeTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A browser test class: a node of its own and one headless Chromium; each person gets a context. */
abstract class BrowserTest extends NodeTest {
  protected static Playwright playwright;
  protected static Browser browser;

  @BeforeAll
  static void startBrowser() {
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright);
  }

  /** A new board's participant link, as the server gives it to the facilitator. */
  protected static String participantLink(String title) {
    return node.createBoard(title).getString("participantLink");
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }
}
