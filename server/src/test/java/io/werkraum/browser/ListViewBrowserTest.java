package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Workshop;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The board as a list, for screen-reader users: the room, its sections and their notes as
 * headings and lists in reading order (checked through the accessibility tree, as a screen
 * reader reads it), writing, editing, recolouring, moving, voting and deleting from there, and
 * what others do announced politely in batches.
 */
class ListViewBrowserTest extends BrowserTest {
  /** Screenshots of each run, for the README's pictures (docs/screenshots holds the chosen ones). */
  private static final Path SHOTS = Path.of("target", "screenshots");

  /** A board with two sections and two notes, made by the facilitator over the socket. */
  private static Workshop boardWithSections(String title) {
    Workshop workshop = Workshop.create(node, title);
    BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
    fiona.ok(Cmd.createSection("main", Cmd.section("ideas", 0, 0, 600, 400, "Ideen")));
    fiona.ok(Cmd.createSection("main", Cmd.section("risks", 700, 0, 600, 400, "Risiken")));
    fiona.ok(Cmd.createNote("main", Cmd.note("n-ideas", 40, 60).put("text", "Schulsozialarbeit ausbauen")));
    fiona.ok(Cmd.createNote("main", Cmd.note("n-loose", 40, 900).put("text", "Offene Frage: Busverbindung")));
    return workshop;
  }

  private static Locator listNote(Participant p, String text) {
    return p.page.getByTestId("list-note").filter(new Locator.FilterOptions().setHasText(text));
  }

  private static Locator listSection(Participant p, String title) {
    return p.page.getByTestId("list-section").filter(new Locator.FilterOptions()
        .setHas(p.page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
            new Page.GetByRoleOptions().setName(Pattern.compile("^" + title + " ")))));
  }

  @Test
  void theListReadsAsHeadingsAndListsAndEverythingWorksFromIt() {
    try (Workshop workshop = boardWithSections("Jugendhilfeplanung");
         Participant anna = Participant.join(browser, workshop.board().getString("participantLink"), "Anna", "Stadt Jena")) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona (2)"));
      fiona.register(workshop.roomAddress("main"));
      Page page = anna.page;

      page.getByTestId("view-list").click();
      assertThat(page.getByTestId("view-list")).hasAttribute("aria-pressed", "true");
      assertThat(page.locator("#canvas")).isHidden();
      assertThat(page.locator("#list-view-heading")).isFocused();

      // What a screen reader reads: the room as a heading, each section a heading with its notes as a list.
      assertThat(page.getByTestId("list-view")).matchesAriaSnapshot("""
          - region "Plenary as a list":
            - heading "Plenary as a list" [level=2]
            - region "Ideen (1 note)":
              - heading "Ideen (1 note)" [level=3]
              - list "Ideen (1 note)":
                - listitem:
                  - paragraph: Schulsozialarbeit ausbauen
                  - paragraph: by Fiona · Yellow
                  - button "Edit"
                  - button "Move"
                  - button "Delete"
              - button "Add a note to “Ideen”"
            - region "Risiken (0 notes)":
              - heading "Risiken (0 notes)" [level=3]
              - paragraph: No notes yet.
            - region "Not in a section (1 note)":
              - heading "Not in a section (1 note)" [level=3]
              - list:
                - listitem:
                  - paragraph: "Offene Frage: Busverbindung"
          """);

      // Write a note into "Risiken" by keyboard: the button, the text, Ctrl+Enter.
      listSection(anna, "Risiken").getByTestId("list-add-note").focus();
      page.keyboard().press("Enter");
      assertThat(listSection(anna, "Risiken").getByTestId("list-note-text")).isFocused();
      page.keyboard().type("Fachkräftemangel");
      page.keyboard().press("Control+Enter");
      assertThat(listSection(anna, "Risiken").getByTestId("list-note")).hasText(Pattern.compile("Fachkräftemangel.*by Anna"));
      assertThat(page.getByTestId("list-live")).hasText("Note added to “Risiken”.");
      assertThat(listSection(anna, "Risiken").getByTestId("list-add-note")).isFocused();
      // On the board it lies inside the section, as everyone else sees it.
      JsonObject created = fiona.awaitMessage(workshop.roomAddress("main"),
          body -> "note.created".equals(body.getString("type")) && "Fachkräftemangel".equals(body.getJsonObject("note").getString("text")))
          .getJsonObject("note");
      double cx = created.getDouble("x") + created.getDouble("w") / 2;
      double cy = created.getDouble("y") + created.getDouble("h") / 2;
      assertTrue(cx > 700 && cx < 1300 && cy > 0 && cy < 400, "centre in Risiken: " + created.encode());

      // Edit its text and colour; the list shows both, and the colour has a name.
      Locator mine = listNote(anna, "Fachkräftemangel");
      mine.getByTestId("list-edit").click();
      assertThat(mine.getByTestId("list-note-text")).isFocused();
      mine.getByTestId("list-note-text").fill("Fachkräftemangel in der Jugendarbeit");
      mine.getByTestId("list-note-color").selectOption("blue");
      mine.getByTestId("list-save").click();
      Locator edited = listNote(anna, "Fachkräftemangel in der Jugendarbeit");
      assertThat(edited.locator(".list-note__meta")).hasText("by Anna · Blue");
      assertThat(edited.getByTestId("list-edit")).isFocused();

      // Move it to "Ideen": it is listed there, focus stays on it, and the step is said.
      edited.getByTestId("list-move").click();
      edited.getByTestId("list-move-target").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Ideen"));
      edited.getByTestId("list-move-ok").click();
      assertThat(listSection(anna, "Ideen").getByTestId("list-note")).hasCount(2);
      assertThat(listSection(anna, "Ideen").getByTestId("list-note").nth(1)).containsText("Fachkräftemangel in der Jugendarbeit");
      assertThat(page.getByTestId("list-live")).hasText("Note moved to “Ideen”.");
      assertThat(listNote(anna, "Fachkräftemangel in der Jugendarbeit").getByTestId("list-move")).isFocused();

      // A round: vote and take the vote back from the list.
      fiona.ok(Cmd.startRound(new JsonObject().put("id", "r1").put("votesPerParticipant", 3)));
      Locator voted = listNote(anna, "Schulsozialarbeit ausbauen");
      voted.getByTestId("list-vote").click();
      assertThat(voted.locator(".list-note__meta")).hasText("by Fiona · Yellow · 1 of your dots");
      assertThat(page.getByTestId("votes-remaining")).hasText("2");
      voted.getByTestId("list-unvote").click();
      assertThat(voted.locator(".list-note__meta")).hasText("by Fiona · Yellow · 0 of your dots");
      assertThat(voted.getByTestId("list-unvote")).isHidden();
      fiona.ok(Cmd.closeRound("r1"));

      // Deleting a note with text asks first.
      Locator doomed = listNote(anna, "Fachkräftemangel in der Jugendarbeit");
      doomed.getByTestId("list-delete").click();
      assertThat(page.getByTestId("confirm-dialog")).isVisible();
      page.getByTestId("confirm-ok").click();
      assertThat(doomed).hasCount(0);
      assertThat(listSection(anna, "Ideen").getByTestId("list-note")).hasCount(1);

      // Pictures of the list for the README, on a laptop and on a phone.
      page.setViewportSize(1366, 768);
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("list-1366.png")));
      page.setViewportSize(390, 844);
      assertThat(listSection(anna, "Ideen").getByTestId("list-note").first()).isVisible();
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("list-390.png")));
      page.setViewportSize(Participant.WIDTH, Participant.HEIGHT);

      // The choice stays: reopening the board shows the list.
      page.reload();
      anna.waitConnected();
      assertThat(page.getByTestId("list-view")).isVisible();
      assertThat(page.getByTestId("view-list")).hasAttribute("aria-pressed", "true");
      page.getByTestId("view-canvas").click();
      assertThat(page.locator("#canvas")).isFocused();
      assertThat(page.getByTestId("list-view")).isHidden();
    }
  }

  @Test
  void whatOthersDoIsAnnouncedPolitelyInBatchesNotPerChange() {
    try (Workshop workshop = boardWithSections("Sozialplanung");
         Participant anna = Participant.join(browser, workshop.board().getString("participantLink"), "Anna", "Gera")) {
      Page page = anna.page;
      page.getByTestId("view-list").click();
      assertThat(page.getByTestId("list-live")).hasAttribute("aria-live", "polite");
      // Everything the live region says, in order.
      page.evaluate("""
          () => {
            window.said = [];
            const region = document.querySelector('[data-testid=list-live]');
            new MutationObserver(() => { if (region.textContent) window.said.push(region.textContent); })
              .observe(region, { childList: true, characterData: true, subtree: true });
          }""");

      BridgeClient ben = workshop.connect(workshop.join("Ben", "Greiz"));
      int changes = 0;
      for (int i = 1; i <= 3; i++) {
        ben.ok(Cmd.createNote("main", Cmd.note("ben-" + i, 40 + 200 * i, 1200).put("text", "Idee " + i)));
        changes++;
      }
      // Ben types into his first note: each save is a change, none is announced on its own.
      for (String text : List.of("Idee 1 a", "Idee 1 ab", "Idee 1 abc", "Idee 1 abcd", "Idee 1 abcde")) {
        ben.ok(Cmd.updateNote("main", "ben-1", new JsonObject().put("text", text)));
        changes++;
      }
      assertThat(listNote(anna, "Idee 1 abcde")).isVisible();
      assertThat(listNote(anna, "Idee 3")).isVisible();
      // Under load the changes may straddle two summaries; all three new notes are told, once.
      page.waitForFunction("() => (window.said.join(' ').match(/New notes: \\d+/g) || []).map(s => +s.split(': ')[1]).reduce((a, b) => a + b, 0) >= 3");
      @SuppressWarnings("unchecked")
      List<String> said = (List<String>) page.evaluate("() => window.said");
      int announcedNew = 0;
      for (String sentence : said) {
        Matcher m = Pattern.compile("New notes: (\\d+), by Ben\\.").matcher(sentence);
        while (m.find()) announcedNew += Integer.parseInt(m.group(1));
      }
      assertEquals(3, announcedNew, "announcements: " + said);
      assertTrue(said.size() < changes, changes + " changes, announcements: " + said);
      assertTrue(said.stream().noneMatch(s -> s.contains("abc")), "no keystrokes read out: " + said);
    }
  }
}
