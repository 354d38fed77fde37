package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dot voting in real Chromium windows: the facilitator runs a round from the control view,
 * participants from three organisations place and take back dots on the board page, and
 * everyone sees the ranked results once the round is closed and shown.
 */
class VotingBrowserTest extends BrowserTest {

  private static Locator voteAdd(Participant p, String note) {
    return p.note(note).getByTestId("vote-add");
  }

  private static Locator voteRemove(Participant p, String note) {
    return p.note(note).getByTestId("vote-remove");
  }

  private static Locator mine(Participant p, String note) {
    return p.note(note).getByTestId("vote-mine");
  }

  private static Locator remaining(Participant p) {
    return p.page.getByTestId("votes-remaining");
  }

  private static Locator visibleCounts(Participant p) {
    return p.page.locator("[data-testid=vote-count]:visible");
  }

  /** One dot on {@code note}; waits until the remaining budget shows {@code left}. */
  private static void vote(Participant p, String note, int left) {
    voteAdd(p, note).click();
    assertThat(remaining(p)).hasText(Integer.toString(left));
  }

  @Test
  void aNamedRoundFromTheControlViewEndsInRankedResultsForEveryone() {
    JsonObject board = node.createBoard("Prioritäten Jugendhilfe");
    String link = board.getString("participantLink");
    try (Participant fiona = Participant.join(browser, board.getString("facilitatorLink"), "Fiona", "Moderation");
         Participant anna = Participant.join(browser, link, "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, link, "Ben", "Gera");
         Participant clara = Participant.join(browser, link, "Clara", "Landkreis Greiz")) {
      List<Participant> voters = List.of(anna, ben, clara);
      List<Participant> everyone = List.of(fiona, anna, ben, clara);

      // The notes to vote on, one written in each browser (each waits until all see the last).
      String a = anna.addNote("Schulsozialarbeit ausbauen");
      for (Participant p : everyone) assertThat(p.noteText(a)).hasText("Schulsozialarbeit ausbauen");
      String b = ben.addNote("Streetwork am Abend");
      for (Participant p : everyone) assertThat(p.noteText(b)).hasText("Streetwork am Abend");
      String c = clara.addNote("Jugendräume im ländlichen Raum");
      for (Participant p : everyone) assertThat(p.noteText(c)).hasText("Jugendräume im ländlichen Raum");
      String d = fiona.addNote("Mehr Beteiligung");
      for (Participant p : everyone) assertThat(p.noteText(d)).hasText("Mehr Beteiligung");
      for (Participant p : everyone) assertThat(p.page.getByTestId("vote-add")).hasCount(0);

      ControlView control = ControlView.open(fiona);
      control.startRound("Was zuerst?", 3, 2, false);
      assertThat(control.progress()).hasAttribute("data-voters", "0");
      assertThat(control.progress()).hasAttribute("data-votes", "0");
      // Who has not voted: the participants, not the facilitator.
      assertThat(control.notVoted()).hasText(new String[] {"Anna", "Ben", "Clara"});

      for (Participant p : voters) {
        assertThat(p.page.locator("#voting-panel")).containsText("Was zuerst?");
        assertThat(remaining(p)).hasText("3");
        assertThat(p.page.getByTestId("vote-add")).hasCount(4);
      }

      // Anna: two dots on A (the most per note), a third is refused; then one on B.
      vote(anna, a, 2);
      assertThat(mine(anna, a)).hasAttribute("data-count", "1");
      assertThat(voteRemove(anna, a)).isVisible();
      assertThat(voteRemove(anna, b)).isHidden();
      vote(anna, a, 1);
      assertThat(mine(anna, a)).hasAttribute("data-count", "2");
      voteAdd(anna, a).click();
      assertThat(anna.page.getByTestId("toast").last().locator(".toast__text")).hasText("You have given this note the most dots allowed.");
      assertThat(mine(anna, a)).hasAttribute("data-count", "2");
      assertThat(remaining(anna)).hasText("1");
      vote(anna, b, 0);
      // A fourth dot: the budget is spent.
      voteAdd(anna, d).click();
      assertThat(anna.page.getByTestId("toast").last().locator(".toast__text"))
          .hasText("You have no dots left in this round. Take one back to vote for another note.");
      assertThat(remaining(anna)).hasText("0");
      assertThat(mine(anna, d)).hasAttribute("data-count", "0");

      assertThat(control.progress()).hasAttribute("data-voters", "1");
      assertThat(control.progress()).hasAttribute("data-votes", "3");
      // The status beside the phases shows it too: one of the three participants has voted.
      assertThat(control.byTestId("fac-now-round")).hasText("Voted: 1 of 3 · dots: 3");
      assertThat(control.notVoted()).hasText(new String[] {"Ben", "Clara"});

      // Ben: A, two on B, takes one back from B, then C.
      vote(ben, a, 2);
      vote(ben, b, 1);
      vote(ben, b, 0);
      assertThat(mine(ben, b)).hasAttribute("data-count", "2");
      voteRemove(ben, b).click();
      assertThat(remaining(ben)).hasText("1");
      assertThat(mine(ben, b)).hasAttribute("data-count", "1");
      vote(ben, c, 0);
      assertThat(control.progress()).hasAttribute("data-voters", "2");
      assertThat(control.progress()).hasAttribute("data-votes", "6");
      assertThat(control.notVoted()).hasText(new String[] {"Clara"});

      // Clara: a dot on D taken back again, then A and B; she keeps one.
      vote(clara, d, 2);
      voteRemove(clara, d).click();
      assertThat(remaining(clara)).hasText("3");
      assertThat(voteRemove(clara, d)).isHidden();
      vote(clara, a, 2);
      vote(clara, b, 1);
      assertThat(control.progress()).hasAttribute("data-voters", "3");
      assertThat(control.progress()).hasAttribute("data-votes", "8");
      assertThat(control.notVoted()).hasCount(0);

      // Nobody sees counts while the round is open; each sees only their own dots.
      for (Participant p : everyone) {
        assertThat(visibleCounts(p)).hasCount(0);
        assertThat(p.page.getByTestId("results-panel")).isHidden();
      }
      assertThat(mine(clara, a)).hasAttribute("data-count", "1");
      assertThat(mine(ben, a)).hasAttribute("data-count", "1");

      control.closeAndShowRound();
      Locator facRows = control.page.getByTestId("fac-results");
      assertThat(facRows).hasCount(3);
      assertThat(facRows.nth(0)).hasAttribute("data-note-id", a);
      assertThat(facRows.nth(0)).hasAttribute("data-count", "4");

      // Everyone sees the ranking: A 4, B 3, C 1 (D got no dots), per organisation.
      for (Participant p : everyone) {
        Locator panel = p.page.getByTestId("results-panel");
        assertThat(panel).isVisible();
        assertThat(panel).containsText("Was zuerst?");
        assertThat(panel).containsText("Voters: 3 · dots given: 8");
        Locator rows = panel.getByTestId("result-row");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0)).hasAttribute("data-note-id", a);
        assertThat(rows.nth(0)).hasAttribute("data-count", "4");
        assertThat(rows.nth(0).locator(".result__text")).hasText("Schulsozialarbeit ausbauen");
        assertThat(rows.nth(0).locator(".result__orgs th")).hasText(new String[] {"Stadt Jena", "Gera", "Landkreis Greiz"});
        assertThat(rows.nth(0).locator(".result__orgs td")).hasText(new String[] {"2", "1", "1"});
        assertThat(rows.nth(1)).hasAttribute("data-note-id", b);
        assertThat(rows.nth(1)).hasAttribute("data-count", "3");
        assertThat(rows.nth(1).locator(".result__orgs th")).hasText(new String[] {"Gera", "Landkreis Greiz", "Stadt Jena"});
        assertThat(rows.nth(1).locator(".result__orgs td")).hasText(new String[] {"1", "1", "1"});
        assertThat(rows.nth(2)).hasAttribute("data-note-id", c);
        assertThat(rows.nth(2)).hasAttribute("data-count", "1");
        assertThat(rows.nth(2).locator(".result__orgs th")).hasText(new String[] {"Gera"});
        assertThat(rows.nth(2).locator(".result__orgs td")).hasText(new String[] {"1"});
        assertThat(rows.nth(0).locator(".result__rank")).hasText("1.");
        assertThat(rows.nth(2).locator(".result__rank")).hasText("3.");
        // A named round says who gave the dots.
        for (String name : List.of("Anna", "Ben", "Clara")) {
          assertThat(rows.nth(0).locator(".result__voters")).containsText(name);
        }
        assertThat(rows.nth(2).locator(".result__voters")).hasText("Voted by: Ben");
        // The counts are on the notes now; the vote buttons are gone.
        assertThat(p.note(a).getByTestId("vote-count")).hasAttribute("data-count", "4");
        assertThat(p.note(b).getByTestId("vote-count")).hasAttribute("data-count", "3");
        assertThat(p.note(c).getByTestId("vote-count")).hasAttribute("data-count", "1");
        assertThat(p.page.locator("[data-testid=vote-add]:visible")).hasCount(0);
      }

      // Hiding the results takes them off every board.
      control.page.getByTestId("fac-round-show").click();
      for (Participant p : voters) {
        assertThat(p.page.getByTestId("results-panel")).isHidden();
        assertThat(visibleCounts(p)).hasCount(0);
      }

      // Shown again, then a new round starts: the first round's counts leave the notes while
      // people vote afresh (they stayed on them as badges before).
      control.page.getByTestId("fac-round-show").first().click();
      for (Participant p : voters) {
        assertThat(p.note(a).getByTestId("vote-count")).hasAttribute("data-count", "4");
      }
      control.startRound("Und danach?", 3, 2, false);
      for (Participant p : voters) {
        assertThat(visibleCounts(p)).hasCount(0);
        assertThat(p.page.getByTestId("results-panel")).isHidden();
      }
    }
  }
}
