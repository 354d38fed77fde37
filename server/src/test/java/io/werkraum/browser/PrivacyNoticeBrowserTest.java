package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import io.werkraum.store.Keys;
import io.werkraum.testing.Resp;
import io.werkraum.testing.TestNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What joining means for one's data, told before anyone joins: the join form names what is
 * stored, who sees it and for how many days, links the privacy statement (the operator's own, or
 * Werkraum's built-in one in German and English), and joining is agreeing; nothing about the
 * person is stored before the form is sent.
 */
class PrivacyNoticeBrowserTest extends BrowserTest {
  private static final String OWN_STATEMENT = "https://datenschutz.example.org/werkraum";
  /** A node whose operator has a privacy statement of their own. */
  private static TestNode ownStatement;
  /** A node whose operator named themselves and keeps boards 30 days. */
  private static TestNode named;

  @BeforeAll
  static void startOtherNodes(@TempDir Path dir) {
    ownStatement = TestNode.start(redis.url(), dir.resolve("own"),
        Map.of("WERKRAUM_PRIVACY_URL", OWN_STATEMENT, "WERKRAUM_RETENTION_DAYS", "30"));
    named = TestNode.start(redis.url(), dir.resolve("named"), Map.of("WERKRAUM_OPERATOR_NAME",
        "Landratsamt Saale-Orla-Kreis", "WERKRAUM_OPERATOR_CONTACT", "datenschutz@lra-sok.example",
        "WERKRAUM_RETENTION_DAYS", "30"));
  }

  @AfterAll
  static void stopOtherNodes() {
    for (TestNode other : new TestNode[] {ownStatement, named}) {
      if (other != null) {
        other.close();
      }
    }
  }

  private static Map<String, String> participantsInRedis(String boardId) {
    return Resp.pairs(Resp.call(URI.create(redis.url()).getPort(), "HGETALL", Keys.participants(boardId)));
  }

  /** A fresh browser on {@code link}, at the join form, not joined. */
  private static Participant atJoinForm(String link) {
    BrowserContext context = browser.newContext(Participant.options());
    context.setDefaultTimeout(20_000);
    Page page = context.newPage();
    page.navigate(link);
    assertThat(page.getByTestId("join-notice")).isVisible();
    return Participant.of(context, page);
  }

  @Test
  void theNoticeComesBeforeJoiningAndNothingIsStoredUntilThePersonAgrees() {
    JsonObject board = node.createBoard("Jugendhilfeplanung");
    String boardId = board.getString("boardId");
    try (Participant anna = atJoinForm(board.getString("participantLink"))) {
      Page page = anna.page;
      assertThat(page.getByTestId("join-notice")).containsText("your display name, your organisation, your notes and your votes");
      assertThat(page.getByTestId("join-notice")).containsText("The facilitators and everyone else on this board can see them");
      assertThat(page.getByTestId("join-notice")).containsText("Nobody sees what you vote for in an anonymous round");
      assertThat(page.getByTestId("join-retention")).hasText("The board is deleted 90 days after its last activity, with everything on it.");
      assertThat(page.getByTestId("join-privacy-link")).hasAttribute("href", "/privacy");
      assertThat(page.getByTestId("join-submit")).hasText("Agree and join");

      page.getByTestId("join-name").fill("Anna Albrecht");
      page.getByTestId("join-organisation").fill("Stadt Pößneck");
      assertEquals(Map.of(), participantsInRedis(boardId), "typing stores nothing");

      page.getByTestId("join-submit").click();
      anna.waitConnected();
      Map<String, String> stored = participantsInRedis(boardId);
      assertEquals(1, stored.size(), stored.toString());
      JsonObject annaStored = new JsonObject(stored.values().iterator().next());
      assertEquals("Anna Albrecht", annaStored.getString("name"));
      assertEquals("Stadt Pößneck", annaStored.getString("organisation"));
    }
  }

  @Test
  void facilitatorsAndObserversAreToldToo() {
    JsonObject board = node.createBoard("Steuerungsgruppe");
    String boardId = board.getString("boardId");
    try (Participant fiona = atJoinForm(board.getString("facilitatorLink"))) {
      assertThat(fiona.page.getByTestId("join-notice")).containsText("your notes and your votes");
      assertThat(fiona.page.getByTestId("join-submit")).hasText("Agree and join");
      assertEquals(Map.of(), participantsInRedis(boardId));
      fiona.fillJoinForm("Fiona", "");
    }
    String observerCode = Resp.string(URI.create(redis.url()).getPort(), "HGET", Keys.meta(boardId), "observerCode");
    try (Participant olaf = atJoinForm(node.baseUrl() + "/b/" + boardId + "#o=" + observerCode)) {
      assertThat(olaf.page.getByTestId("join-notice")).containsText("Werkraum stores your display name and your organisation.");
      assertThat(olaf.page.getByTestId("join-retention")).containsText("90 days");
      assertEquals(1, participantsInRedis(boardId).size(), "only the facilitator so far");
    }
  }

  @Test
  void theLinkGoesToTheOperatorsOwnStatementWhenThereIsOne() {
    JsonObject board = ownStatement.createBoard("Sozialplanung");
    try (Participant anna = atJoinForm(board.getString("participantLink"))) {
      assertThat(anna.page.getByTestId("join-privacy-link")).hasAttribute("href", OWN_STATEMENT);
      assertThat(anna.page.getByTestId("join-privacy-link")).hasAttribute("target", "_blank");
      assertThat(anna.page.getByTestId("join-retention")).containsText("30 days");
    }
    TestNode.HttpResult builtIn = ownStatement.get("/privacy", null);
    assertEquals(302, builtIn.status(), "the built-in page sends people on to the operator's statement");
    assertEquals(OWN_STATEMENT, builtIn.header("Location"));
  }

  @Test
  void theBuiltInStatementNamesTheOperatorInGermanAndEnglish() {
    JsonObject board = named.createBoard("Sozialplanung");
    try (Participant anna = atJoinForm(board.getString("participantLink"))) {
      Page statement = anna.context.waitForPage(() -> anna.page.getByTestId("join-privacy-link").click());
      assertThat(statement).hasURL(Pattern.compile("/privacy$"));
      assertThat(statement.locator("h1")).hasText("Privacy statement");
      assertThat(statement.locator("[data-part=controller]")).hasText(
          "The controller for your data in this Werkraum instance is Landratsamt Saale-Orla-Kreis.");
      assertThat(statement.locator("[data-part=controllerContact]")).containsText("datenschutz@lra-sok.example");
      assertThat(statement.locator("[data-part=retention]")).containsText("30 days after its last activity");
      assertThat(statement.locator("[data-part=rights]")).containsText("Art. 15 GDPR");
      assertThat(statement.locator("[data-part=complaint]")).containsText("supervisory authority");
      assertThat(statement.locator("h2")).hasCount(9);

      statement.getByTestId("lang-de").click();
      assertThat(statement.locator("html")).hasAttribute("lang", "de");
      assertThat(statement.locator("h1")).hasText("Datenschutzerklärung");
      assertThat(statement.locator("[data-part=controller]")).containsText("ist Landratsamt Saale-Orla-Kreis.");
      assertThat(statement.locator("[data-part=retention]")).containsText("30 Tage nach seiner letzten Aktivität");
      assertThat(statement.locator("[data-part=legalBasis]")).containsText("Art. 6 Abs. 1 lit. e DSGVO");
      assertThat(statement.locator("[data-part=dataVotes]")).containsText("weniger als 3 Abstimmenden");
      assertThat(statement).hasTitle("Datenschutzerklärung – Werkraum");
    }
  }

  @Test
  void withoutAnOperatorNameTheStatementSaysWhoIsMeant() {
    try (Participant reader = atPrivacyPage()) {
      assertThat(reader.page.locator("[data-part=controller]")).containsText(
          "the organisation that runs this Werkraum instance and invited you to the workshop");
      assertThat(reader.page.locator("[data-part=retention]")).containsText("90 days");
    }
  }

  private static Participant atPrivacyPage() {
    BrowserContext context = browser.newContext(Participant.options());
    Page page = context.newPage();
    page.navigate(node.baseUrl() + "/privacy");
    assertThat(page.getByTestId("privacy-statement")).isVisible();
    return Participant.of(context, page);
  }
}
