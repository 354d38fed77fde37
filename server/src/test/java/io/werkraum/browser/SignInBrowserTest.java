package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.werkraum.testing.Keycloak;
import io.werkraum.testing.Keycloak.Person;
import io.werkraum.testing.Resp;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestRedis;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in for facilitators through a real OpenID Connect provider (Keycloak, started by the
 * tests) and its real login page, on an instance that requires it to create boards; participants
 * never sign in.
 */
class SignInBrowserTest {
  private static TestRedis redis;
  private static TestNode node;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void start(@TempDir Path dir) {
    Keycloak keycloak = Keycloak.shared();
    redis = new TestRedis();
    node = TestNode.start(redis.url(), dir, keycloak.nodeEnv(true));
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (node != null) {
      node.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void signedInFacilitatorCreatesABoardThatNamesThemAndParticipantsJoinWithoutAccount() {
    try (BrowserContext anna = browser.newContext(); BrowserContext guest = browser.newContext()) {
      Page page = signIn(anna, Keycloak.ANNA);
      assertThat(page.getByTestId("signed-in-as")).hasText("Signed in as Anna Beispiel");
      String facilitatorLink = createBoard(page, "Jugendhilfeplanung 2026");
      String participantLink = participantLinkOf(page);

      page.navigate(facilitatorLink);
      joinBoard(page, "Anna");
      String boardPath = URI.create(page.url()).getPath();
      page.navigate(node.baseUrl() + boardPath + "/facilitate");
      assertThat(page.getByTestId("fac-owners-list")).hasText("Responsible: Anna Beispiel (anna@example.org)");

      Page participant = guest.newPage();
      participant.navigate(node.baseUrl() + "/api/signin");
      assertTrue(participant.content().contains("\"user\":null"), "the participant's browser is not signed in");
      participant.navigate(participantLink);
      joinBoard(participant, "Pat");
      assertThat(participant.getByTestId("connection-state")).hasAttribute("data-state", "open");

      page.navigate(node.baseUrl() + "/");
      page.getByTestId("sign-out").click();
      assertThat(page.locator("#sign-in-status")).hasText("You are signed out.");
      assertThat(page.getByTestId("sign-in")).isFocused();
      page.reload();
      assertThat(page.getByTestId("sign-in")).isVisible();
      assertThat(page.getByTestId("signed-in-as")).isHidden();
    }
  }

  @Test
  void aWrongPasswordStaysRefusedAndCreatesNothing() {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(node.baseUrl() + "/");
      assertThat(page.getByTestId("sign-in-notice")).containsText("sign in");
      page.getByTestId("sign-in").click();
      loginForm(page, Keycloak.ANNA.username(), "not-the-password");
      assertThat(page.getByText("Invalid username or password")).isVisible();
      assertTrue(page.url().startsWith(Keycloak.shared().issuer()), "still at the provider: " + page.url());

      page.navigate(node.baseUrl() + "/");
      assertThat(page.getByTestId("sign-in")).isVisible();
      int boards = boardCount();
      page.getByTestId("create-title").fill("Not allowed");
      page.getByTestId("create-submit").click();
      assertThat(page.locator("#create-error")).containsText("Please sign in");
      assertThat(page.getByTestId("create-sign-in")).isVisible();
      assertThat(page.locator("#create-result")).isHidden();
      assertEquals(boards, boardCount(), "no board was created");

      // The provider sends someone back with an error (say, they cancelled): a clear message.
      page.navigate(node.baseUrl() + "/auth/callback?error=access_denied&state=none");
      assertThat(page.getByTestId("sign-in-failed")).hasText(Pattern.compile("Signing in did not work"));
    }
  }

  @Test
  void anExpiredSignInAsksToSignInAgainBeforeCreating() {
    try (BrowserContext bert = browser.newContext()) {
      Page page = signIn(bert, Keycloak.BERT);
      assertThat(page.getByTestId("signed-in-as")).hasText("Signed in as Bert Muster");
      // The session runs out on the server (its Redis entry expires): the cookie names nothing.
      Cookie session = bert.cookies().stream().filter(c -> c.name.equals("werkraum.session")).findFirst().orElseThrow();
      assertEquals(1L, Resp.call(redisPort(), "DEL", session.value));

      page.getByTestId("create-title").fill("After a long lunch");
      page.getByTestId("create-submit").click();
      assertThat(page.locator("#create-error")).containsText("Please sign in (again)");
      assertThat(page.getByTestId("sign-in")).isVisible();
      assertThat(page.locator("#create-result")).isHidden();

      // Signing in again: the provider still knows Bert, and creating works.
      page.getByTestId("create-sign-in").click();
      assertThat(page.getByTestId("signed-in-as")).hasText("Signed in as Bert Muster");
      page.getByTestId("create-title").fill("After a long lunch");
      page.getByTestId("create-submit").click();
      assertThat(page.locator("#create-result")).isVisible();
    }
  }

  @Test
  void whenFacilitatorsMustSignInTheLinkAloneNoLongerLetsAnyoneFacilitate() {
    try (BrowserContext anna = browser.newContext(); BrowserContext coFacilitator = browser.newContext();
        BrowserContext bert = browser.newContext(); BrowserContext guest = browser.newContext()) {
      Page owner = signIn(anna, Keycloak.ANNA);
      String facilitatorLink = createBoard(owner, "Sozialplanung");
      String participantLink = participantLinkOf(owner);

      // A co-facilitator joins by the link alone while that is still enough.
      Page co = coFacilitator.newPage();
      co.navigate(facilitatorLink);
      joinBoard(co, "Co");

      owner.navigate(facilitatorLink);
      joinBoard(owner, "Anna");
      String boardPath = URI.create(owner.url()).getPath();
      owner.navigate(node.baseUrl() + boardPath + "/facilitate");
      // The switch sits in the control view's "Settings & privacy" phase.
      owner.locator("[data-testid=fac-tab][data-phase=settings]").click();
      Locator toggle = owner.getByTestId("fac-sign-in-required");
      assertThat(toggle).isEnabled();
      toggle.focus();
      owner.keyboard().press("Enter");
      assertThat(toggle).hasAttribute("aria-pressed", "true");

      // The co-facilitator's next socket is refused: the page says to sign in.
      co.reload();
      assertThat(co.getByTestId("sign-in-needed")).containsText("must sign in");

      // Someone else with the link but no account cannot join as facilitator.
      Page stranger = guest.newPage();
      stranger.navigate(facilitatorLink);
      stranger.getByTestId("join-name").fill("Mallory");
      stranger.getByTestId("join-submit").click();
      assertThat(stranger.getByTestId("sign-in-needed")).isVisible();

      // Participants still join by their link, with no account.
      Page participant = guest.newPage();
      participant.navigate(participantLink);
      joinBoard(participant, "Pat");
      assertThat(participant.getByTestId("connection-state")).hasAttribute("data-state", "open");

      // The owner still gets in.
      owner.navigate(node.baseUrl() + boardPath);
      assertThat(owner.getByTestId("connection-state")).hasAttribute("data-state", "open");

      // A colleague signs in from the refusal and comes back to the board as a co-owner.
      Page colleague = bert.newPage();
      colleague.navigate(facilitatorLink);
      colleague.getByTestId("join-name").fill("Bert");
      colleague.getByTestId("join-submit").click();
      colleague.getByTestId("board-sign-in").click();
      loginForm(colleague, Keycloak.BERT.username(), Keycloak.BERT.password());
      joinBoard(colleague, "Bert");
      assertThat(colleague.getByTestId("connection-state")).hasAttribute("data-state", "open");
      owner.navigate(node.baseUrl() + boardPath + "/facilitate");
      assertThat(owner.getByTestId("fac-owners-list")).containsText("Bert Muster");
    }
  }

  /** A page of {@code context} signed in as {@code person} through the provider's login page, on the start page. */
  private static Page signIn(BrowserContext context, Person person) {
    Page page = context.newPage();
    page.navigate(node.baseUrl() + "/");
    page.getByTestId("sign-in").click();
    loginForm(page, person.username(), person.password());
    page.waitForURL(node.baseUrl() + "/");
    return page;
  }

  private static void loginForm(Page page, String username, String password) {
    page.locator("#username").fill(username);
    page.locator("#password").fill(password);
    page.locator("#kc-login").click();
  }

  /** Creates a board on the start page; its facilitator link. */
  private static String createBoard(Page page, String title) {
    page.getByTestId("create-title").fill(title);
    page.getByTestId("create-submit").click();
    assertThat(page.locator("#create-result")).isVisible();
    return page.getByTestId("facilitator-link").getAttribute("href");
  }

  private static String participantLinkOf(Page page) {
    return page.getByTestId("participant-link").getAttribute("href");
  }

  private static void joinBoard(Page page, String name) {
    page.getByTestId("join-name").fill(name);
    page.getByTestId("join-submit").click();
    assertThat(page.getByRole(AriaRole.MAIN)).isVisible();
    assertThat(page.locator("#board-view")).isVisible();
  }

  private static int boardCount() {
    return ((List<?>) Resp.call(redisPort(), "KEYS", "{b:*}:meta")).size();
  }

  private static int redisPort() {
    return URI.create(redis.url()).getPort();
  }
}
