package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.BridgeClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** axe-core's WCAG 2.1 A and AA rules on the pages, in German and English (issue 10, a first part). */
class AccessibilityBrowserTest extends BrowserTest {
  /** A page of the context that joined through {@code link} as {@code name} and is connected. */
  private static Page joined(BrowserContext context, String link, String name) {
    Page page = context.newPage();
    page.navigate(link);
    page.getByTestId("join-name").fill(name);
    page.getByTestId("join-submit").click();
    assertThat(page.getByTestId("connection-state")).hasAttribute("data-state", "open");
    return page;
  }

  private static Browser.NewContextOptions options(String locale) {
    return Participant.options().setLocale(locale).setBypassCSP(true);
  }

  @Test
  void theStartPageAndTheJoinFormHaveNoViolations() {
    JsonObject board = node.createBoard("Barrierefrei");
    for (String locale : List.of("de-DE", "en-GB")) {
      try (BrowserContext context = browser.newContext(options(locale))) {
        Page page = context.newPage();
        page.navigate(node.baseUrl() + "/");
        assertThat(page.getByTestId("create-title")).isVisible();
        assertEquals(List.of(), Axe.violations(page), locale + " start page");
        page.navigate(board.getString("participantLink"));
        assertThat(page.getByTestId("join-name")).isVisible();
        assertEquals(List.of(), Axe.violations(page), locale + " join form");
      }
    }
  }

  @Test
  void theBoardAndTheControlViewWithEachPhaseOpenHaveNoViolations() {
    JsonObject board = node.createBoard("Barrierefrei arbeiten");
    JsonObject anna = node.joinAsParticipant(board, "Anna", "Stadt Jena");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    try (BridgeClient annaSocket = BridgeClient.connect(node.werkraum().vertx(), node.port(), anna.getString("token"));
         BridgeClient facilitator = BridgeClient.connect(node.werkraum().vertx(), node.port(), fee.getString("token"));
         BrowserContext context = browser.newContext(options("de-DE"))) {
      // Something in every part of the control view's status: a raised hand, a room, the timer, an open round.
      assertOk(annaSocket.command(Cmd.updateParticipant(new JsonObject().put("hand", true))));
      assertOk(facilitator.command(Cmd.createRooms(Cmd.room(Cmd.id(), "Nord"))));
      assertOk(facilitator.command(Cmd.timerStart(5 * 60_000)));
      assertOk(facilitator.command(Cmd.startRound("r1")));
      Page page = joined(context, board.getString("facilitatorLink"), "Fiona");
      assertEquals(List.of(), Axe.violations(page), "board as facilitator");
      ControlView control = ControlView.open(Participant.of(context, page));
      assertThat(control.byTestId("fac-now-hand")).hasCount(1);
      for (ControlView.Phase phase : ControlView.Phase.values()) {
        control.phase(phase);
        assertEquals(List.of(), Axe.violations(control.page), "control view, phase " + phase);
      }
      // On a phone: the status folded into its summary, and unfolded.
      control.page.setViewportSize(390, 844);
      assertEquals(List.of(), Axe.violations(control.page), "control view on a phone");
      control.byTestId("fac-now-toggle").click();
      assertThat(control.byTestId("fac-now-toggle")).hasAttribute("aria-expanded", "true");
      assertEquals(List.of(), Axe.violations(control.page), "control view on a phone, status unfolded");
    }
  }

  @Test
  void aParticipantsBoardWithNotesSectionsAndAnOpenRoundHasNoViolations() {
    JsonObject board = node.createBoard("Abstimmen");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    try (BridgeClient facilitator = BridgeClient.connect(node.werkraum().vertx(), node.port(), fee.getString("token"))) {
      assertOk(facilitator.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 600, 400, "Ideen"))));
      assertOk(facilitator.command(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Jugendtreff länger offen"))));
      assertOk(facilitator.command(Cmd.createNote("main", Cmd.note("n2", 300, 60).put("text", "Busverbindungen am Abend"))));
      assertOk(facilitator.command(Cmd.startRound("r1")));
      for (String locale : List.of("de-DE", "en-GB")) {
        try (BrowserContext context = browser.newContext(options(locale))) {
          Page page = joined(context, board.getString("participantLink"), "Anna");
          assertThat(page.getByTestId("note")).hasCount(2);
          // The overview is shown on a laptop's screen; focused, as a keyboard user reaches it.
          page.getByTestId("minimap").focus();
          assertThat(page.getByTestId("minimap")).isVisible();
          assertEquals(List.of(), Axe.violations(page), locale + " board with an open round");
        }
      }
    }
  }

  @Test
  void theListViewAndEveryOpenDialogHaveNoViolations() {
    JsonObject board = node.createBoard("Dialoge");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    try (BridgeClient facilitator = BridgeClient.connect(node.werkraum().vertx(), node.port(), fee.getString("token"))) {
      assertOk(facilitator.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 600, 400, "Ideen"))));
      assertOk(facilitator.command(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Jugendtreff länger offen"))));
      assertOk(facilitator.command(Cmd.createNote("main", Cmd.note("n2", 40, 700).put("text", "Busverbindungen am Abend"))));
      assertOk(facilitator.command(Cmd.startRound("r1")));
      for (String locale : List.of("de-DE", "en-GB")) {
        try (BrowserContext context = browser.newContext(options(locale))) {
          Page page = joined(context, board.getString("participantLink"), "Anna");
          page.getByTestId("add-note").click();
          assertThat(page.getByTestId("note-editor")).isFocused();
          assertEquals(List.of(), Axe.violations(page), locale + " note editor open");
          page.keyboard().press("Escape");

          page.getByTestId("view-list").click();
          assertThat(page.getByTestId("list-note").filter(new Locator.FilterOptions().setHasText("Busverbindungen"))).isVisible();
          assertEquals(List.of(), Axe.violations(page), locale + " list view with an open round");
          page.getByTestId("list-note").first().getByTestId("list-edit").click();
          assertEquals(List.of(), Axe.violations(page), locale + " list view, editing a note");
          page.keyboard().press("Escape");
          page.getByTestId("list-note").first().getByTestId("list-move").click();
          assertEquals(List.of(), Axe.violations(page), locale + " list view, moving a note");
          page.keyboard().press("Escape");
          page.getByTestId("list-note").first().getByTestId("list-delete").click();
          assertThat(page.getByTestId("confirm-dialog")).isVisible();
          assertEquals(List.of(), Axe.violations(page), locale + " confirm dialog");
          page.getByTestId("confirm-cancel").click();

          page.getByTestId("erase-self").click();
          assertThat(page.locator("dialog[open]")).isVisible();
          assertEquals(List.of(), Axe.violations(page), locale + " erase dialog");
          page.keyboard().press("Escape");
          page.getByTestId("view-canvas").click();
        }
      }
    }
  }

  @Test
  void theStatementsTheObserversBoardAndASnapshotHaveNoViolations() {
    JsonObject board = node.createBoard("Nachlesen");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    // More people than the observer's panel shows at once: its list scrolls.
    for (int i = 1; i <= 12; i++) {
      node.joinAsParticipant(board, "Person " + i, "Stadt " + i);
    }
    String snapshot;
    String observerLink;
    try (BridgeClient facilitator = BridgeClient.connect(node.werkraum().vertx(), node.port(), fee.getString("token"))) {
      assertOk(facilitator.command(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Jugendtreff länger offen"))));
      snapshot = assertOk(facilitator.command(Cmd.command("snapshot.take").put("name", "Stand")))
          .getJsonObject("snapshot").getString("id");
      observerLink = assertOk(facilitator.command(Cmd.linksGet())).getJsonObject("links").getString("observer");
    }
    for (String locale : List.of("de-DE", "en-GB")) {
      try (BrowserContext context = browser.newContext(options(locale))) {
        Page page = context.newPage();
        page.navigate(node.baseUrl() + "/privacy");
        assertThat(page.locator("h1")).isVisible();
        assertEquals(List.of(), Axe.violations(page), locale + " privacy statement");
        page.navigate(node.baseUrl() + "/accessibility");
        assertThat(page.getByTestId("accessibility-statement").locator("h2")).hasCount(5);
        assertEquals(List.of(), Axe.violations(page), locale + " accessibility statement");

        page.navigate(node.baseUrl() + observerLink);
        page.getByTestId("join-name").fill("Olaf");
        page.getByTestId("join-submit").click();
        assertThat(page.getByTestId("connection-state")).hasAttribute("data-state", "open");
        assertThat(page.getByTestId("note")).hasCount(1);
        assertEquals(List.of(), Axe.violations(page), locale + " board as observer");
      }
      try (BrowserContext context = browser.newContext(options(locale))) {
        Page page = joined(context, board.getString("facilitatorLink"), "Fiona");
        page.navigate(node.baseUrl() + "/b/" + board.getString("boardId") + "/snapshot/" + snapshot);
        assertThat(page.getByTestId("snapshot-banner")).isVisible();
        assertThat(page.getByTestId("note")).hasCount(1);
        assertEquals(List.of(), Axe.violations(page), locale + " snapshot page");
      }
    }
  }

  @Test
  void aBoardShowingARoundsResultsHasNoViolations() {
    JsonObject board = node.createBoard("Ergebnis");
    JsonObject fee = node.joinAsFacilitator(board, "Fee");
    try (BridgeClient facilitator = BridgeClient.connect(node.werkraum().vertx(), node.port(), fee.getString("token"))) {
      assertOk(facilitator.command(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Jugendtreff länger offen"))));
      assertOk(facilitator.command(Cmd.startRound("r1")));
      assertOk(facilitator.command(Cmd.castVote("r1", "n1")));
      assertOk(facilitator.command(Cmd.closeRound("r1")));
      assertOk(facilitator.command(Cmd.showRound("r1")));
      try (BrowserContext context = browser.newContext(options("de-DE"))) {
        Page page = joined(context, board.getString("participantLink"), "Anna");
        assertThat(page.getByTestId("results-panel")).isVisible();
        assertEquals(List.of(), Axe.violations(page), "board showing results");
      }
    }
  }
}
