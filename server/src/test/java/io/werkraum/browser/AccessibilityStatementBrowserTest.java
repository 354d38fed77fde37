package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.TestNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accessibility statement (BGG §12b): linked from every page's footer, in German and English,
 * naming the feedback contact the operator configured, or saying truthfully that there is none
 * and where to turn instead.
 */
class AccessibilityStatementBrowserTest extends BrowserTest {
  private static final String EMAIL = "barrierefrei@lra-sok.example";
  private static final String FORM = "https://www.lra-sok.example/barriere-melden";
  private static final String ADDRESS = "Landratsamt Saale-Orla-Kreis, Oschitzer Straße 4, 07907 Schleiz";
  /** A node whose operator named themselves and a contact for barriers. */
  private static TestNode withContact;

  @BeforeAll
  static void startNodeWithContact(@TempDir Path dir) {
    withContact = TestNode.start(redis.url(), dir, Map.of("WERKRAUM_OPERATOR_NAME", "Landratsamt Saale-Orla-Kreis",
        "WERKRAUM_ACCESSIBILITY_CONTACT_EMAIL", EMAIL, "WERKRAUM_ACCESSIBILITY_CONTACT_URL", FORM,
        "WERKRAUM_ACCESSIBILITY_CONTACT_ADDRESS", ADDRESS));
  }

  @AfterAll
  static void stopNodeWithContact() {
    if (withContact != null) {
      withContact.close();
    }
  }

  @Test
  void aParticipantOpensTheStatementFromTheBoardsFooterInEnglishAndGerman() {
    try (Participant anna = Participant.join(browser, withContact.createBoard("Barrieren").getString("participantLink"),
        "Anna", "Pößneck")) {
      Page statement = anna.context.waitForPage(() -> anna.page.getByTestId("footer-accessibility").click());
      assertThat(anna.page.getByTestId("connection-state")).hasAttribute("data-state", "open");
      assertThat(statement).hasURL(Pattern.compile("/accessibility$"));
      assertThat(statement.locator("h1")).hasText("Accessibility statement");
      assertThat(statement).hasTitle("Accessibility statement – Werkraum");
      assertThat(statement.locator("[data-part=operator]")).hasText("Operator: Landratsamt Saale-Orla-Kreis");
      assertThat(statement.locator("[data-part=status]")).containsText("partially compliant");
      // The canvas and the others' pointers; the PDF report is tagged (PDF/UA) now.
      assertThat(statement.locator("[data-part=barriers] li")).hasCount(2);
      assertThat(statement.locator("[data-part=barriers] li").first()).containsText("\"List\" view");
      assertThat(statement.locator("[data-part=preparation]")).containsText("self-assessment");
      assertThat(statement.locator("[data-part=preparation]")).containsText("axe-core");
      assertThat(statement.locator("[data-part=preparation]")).containsText("prepared on 2 December 2026");
      Locator contact = statement.locator("[data-part=contact]");
      assertThat(contact.getByRole(AriaRole.LINK,
          new Locator.GetByRoleOptions().setName(EMAIL))).hasAttribute("href", "mailto:" + EMAIL);
      assertThat(contact.locator("[data-part=contactUrl] a")).hasAttribute("href", FORM);
      assertThat(contact.locator("[data-part=contactAddress]")).hasText("Postal address: " + ADDRESS);
      assertThat(statement.locator("[data-part=enforcementLink]")).hasAttribute("href", "https://www.schlichtungsstelle-bgg.de");
      assertThat(statement.locator("[data-part=enforcement]")).containsText("section 16 BGG");

      statement.getByTestId("lang-de").click();
      assertThat(statement.locator("html")).hasAttribute("lang", "de");
      assertThat(statement.locator("h1")).hasText("Erklärung zur Barrierefreiheit");
      assertThat(statement).hasTitle("Erklärung zur Barrierefreiheit – Werkraum");
      assertThat(statement.locator("[data-part=status]")).containsText("teilweise");
      assertThat(statement.locator("[data-part=preparation]")).containsText("am 2. Dezember 2026 erstellt");
      assertThat(statement.locator("[data-part=contactEmail]")).hasText("E-Mail: " + EMAIL);
      assertThat(statement.locator("[data-part=contactAddress]")).hasText("Postanschrift: " + ADDRESS);
      assertThat(statement.locator("[data-part=enforcement]")).containsText("Schlichtungsstelle nach § 16 BGG");
      assertThat(statement.locator("[data-part=enforcementLaender]")).containsText("Landes");
      assertThat(statement.getByTestId("footer-accessibility")).hasText("Barrierefreiheit");
    }
  }

  @Test
  void withoutAContactTheStatementSaysSoAndWhereToTurn() {
    try (BrowserContext context = browser.newContext(Participant.options())) {
      Page statement = context.newPage();
      statement.navigate(node.baseUrl() + "/accessibility");
      assertThat(statement.locator("[data-part=operator]")).containsText("not given");
      assertThat(statement.locator("[data-part=noContact]")).containsText("The operator has not given contact details");
      assertThat(statement.locator("[data-part=noContact]")).containsText("conciliation procedure");
      assertThat(statement.locator("[data-part=contact]")).hasCount(0);
      assertThat(statement.locator("[data-part=enforcementLink]")).isVisible();
    }
  }

  @Test
  void everyPageLinksTheStatementAndThePrivacyStatementInItsFooter() {
    JsonObject board = node.createBoard("Fußzeile");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    String snapshot;
    try (BridgeClient facilitator = BridgeClient.connect(node.werkraum().vertx(), node.port(), fee.getString("token"))) {
      snapshot = assertOk(facilitator.command(Cmd.command("snapshot.take").put("name", "Stand")))
          .getJsonObject("snapshot").getString("id");
    }
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "")) {
      assertFooter(fiona.page);
      assertThat(fiona.page.getByTestId("footer-accessibility")).isInViewport();
      Page control = fiona.page.waitForPopup(() -> fiona.page.getByTestId("control-view-link").click());
      assertThat(control.getByTestId("connection-state")).hasAttribute("data-state", "open");
      assertFooter(control);
      String base = node.baseUrl();
      for (String path : new String[] {"/", "/b/" + board.getString("boardId") + "/snapshot/" + snapshot, "/privacy",
          "/accessibility", "/b/" + board.getString("boardId")}) {
        Page page = fiona.context.newPage();
        page.navigate(base + path);
        assertFooter(page);
        page.close();
      }
    }
    try (BrowserContext context = browser.newContext(Participant.options())) {
      Page join = context.newPage();
      join.navigate(board.getString("participantLink"));
      assertThat(join.getByTestId("join-name")).isVisible();
      assertFooter(join);
      assertThat(join.getByTestId("footer-accessibility")).isInViewport();
    }
  }

  private static void assertFooter(Page page) {
    Locator footer = page.getByRole(AriaRole.CONTENTINFO);
    assertThat(footer.getByTestId("footer-accessibility")).hasAttribute("href", "/accessibility");
    assertThat(footer.getByTestId("footer-accessibility")).hasText("Accessibility");
    assertThat(footer.getByTestId("footer-privacy")).hasAttribute("href", "/privacy");
    assertThat(footer.getByTestId("footer-privacy")).hasText("Privacy");
  }

  @Test
  void onAPhoneTheFooterIsInViewAndWorksByKeyboard() {
    try (BrowserContext context = browser.newContext(Participant.options().setViewportSize(390, 844))) {
      context.setDefaultTimeout(20_000);
      Page page = context.newPage();
      page.navigate(participantLink("Telefon"));
      Participant anna = Participant.of(context, page);
      anna.fillJoinForm("Anna", "");
      Locator link = page.getByTestId("footer-accessibility");
      assertThat(link).isInViewport();
      link.focus();
      Page statement = context.waitForPage(() -> page.keyboard().press("Enter"));
      assertThat(statement.locator("h1")).hasText("Accessibility statement");
      statement.setViewportSize(390, 844);
      assertEquals(390, ((Number) statement.evaluate("document.documentElement.scrollWidth")).intValue(),
          "no sideways scrolling at 390 px");
      assertThat(statement.getByTestId("footer-privacy")).isVisible();
    }
  }
}
