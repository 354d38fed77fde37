package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The start page in a real Chromium: create a board and get its two links. */
class StartPageBrowserTest extends BrowserTest {
  @Test
  void creatingABoardShowsTheFacilitatorAndParticipantLinksAndKeepsTheBrowsersTimeZone() {
    Page page = browser.newContext(new Browser.NewContextOptions().setTimezoneId("Asia/Tokyo")).newPage();
    page.navigate(node.baseUrl() + "/");
    page.getByTestId("create-title").fill("Jugendhilfeplanung 2027");
    page.getByTestId("create-submit").click();
    String facilitator = linkText(page, "facilitator-link");
    String participant = linkText(page, "participant-link");
    assertTrue(facilitator.startsWith(node.baseUrl() + "/b/") && facilitator.contains("#f="), facilitator);
    assertTrue(participant.startsWith(node.baseUrl() + "/b/") && participant.contains("#j="), participant);
    page.context().close();

    // The board's exports will show times in the zone of the browser that made it.
    assertEquals("Asia/Tokyo",
        node.joinAsFacilitator(board(facilitator), "Fay").getJsonObject("board").getString("timeZone"));
  }

  /** The board a facilitator link leads to, as {@link io.werkraum.testing.TestNode#joinAsFacilitator} takes it. */
  private static JsonObject board(String facilitatorLink) {
    String[] idAndSecret = facilitatorLink.substring((node.baseUrl() + "/b/").length()).split("#f=");
    return new JsonObject().put("boardId", idAndSecret[0]).put("facilitatorSecret", idAndSecret[1]);
  }

  @Test
  void aBrowserZoneTheServerDoesNotKnowStillMakesABoardInTheConfiguredZone() {
    BrowserContext context = browser.newContext();
    // What Chromium answers when it cannot tell the zone.
    context.addInitScript("""
        const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
        Intl.DateTimeFormat.prototype.resolvedOptions = function () {
          return { ...resolved.call(this), timeZone: 'Etc/Unknown' };
        };""");
    Page page = context.newPage();
    page.navigate(node.baseUrl() + "/");
    page.getByTestId("create-title").fill("Planung ohne Zone");
    page.getByTestId("create-submit").click();
    JsonObject board = board(linkText(page, "facilitator-link"));
    context.close();
    assertNull(node.joinAsFacilitator(board, "Fay").getJsonObject("board").getString("timeZone"));
  }

  @Test
  void aBoardStartsFromATemplateWithItsSectionsInTheChosenLanguage() {
    var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("de-DE"));
    Page page = context.newPage();
    page.navigate(node.baseUrl() + "/");
    page.getByTestId("create-title").fill("SWOT Jugendarbeit");
    page.getByTestId("create-template").selectOption("swot");
    page.getByTestId("create-submit").click();
    String facilitator = linkText(page, "facilitator-link");
    page.navigate(facilitator);
    page.getByTestId("join-name").fill("Fay");
    page.getByTestId("join-submit").click();
    assertThat(page.getByTestId("section-title")).hasText(new String[] {"Stärken", "Schwächen", "Chancen", "Risiken"});
    context.close();
  }

  /** The link the start page shows once the server created the board. */
  private static String linkText(Page page, String testId) {
    var link = page.getByTestId(testId);
    assertThat(link).isVisible();
    String value = (String) link.evaluate("el => el.value ?? el.href ?? el.textContent");
    return value == null ? "" : value.trim();
  }
}
