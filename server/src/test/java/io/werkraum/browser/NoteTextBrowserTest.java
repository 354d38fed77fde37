package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Workshop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long German words on notes and in the results list wrap as whole words, never cut mid-word. */
class NoteTextBrowserTest extends BrowserTest {
  /** The words of an element's text that the layout split over more than one line. */
  private static final String WORDS_BROKEN = """
      el => {
        const broken = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) broken.push(m[0]);
          }
        }
        return broken;
      }""";

  private static final String TEXT = "Ein gemeinsames Verfahren für die Jugendhilfeplanung aller Landkreise";

  @Test
  void wordsOnNotesAndInTheResultsAreNotCutMidWord() {
    Workshop workshop = Workshop.create(node, "Wörter");
    try (workshop; Participant anna = Participant.join(browser, workshop.board().getString("participantLink"), "Anna", "Gera")) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.ok(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", TEXT)));
      fiona.ok(Cmd.startRound(new JsonObject().put("id", "r1")));
      fiona.ok(Cmd.castVote("r1", "n1"));
      fiona.ok(Cmd.closeRound("r1"));
      fiona.ok(Cmd.showRound("r1"));

      Locator noteText = anna.noteText("n1");
      assertThat(noteText).hasText(TEXT);
      assertEquals(List.of(), noteText.evaluate(WORDS_BROKEN), "words cut on the note");
      Locator results = anna.page.getByTestId("results-panel").locator("li").first();
      assertThat(results).containsText("Jugendhilfeplanung");
      assertEquals(List.of(), results.evaluate(WORDS_BROKEN), "words cut in the results");
    }
  }

  @Test
  void voteButtonsLeaveTheWholeTextOfANoteInView() {
    Workshop workshop = Workshop.create(node, "Punkte");
    try (workshop; Participant anna = Participant.join(browser, workshop.board().getString("participantLink"), "Anna", "Gera")) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      String text = "Schulsozialarbeit an allen Schulen im Landkreis ausbauen";
      fiona.ok(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", text)));
      fiona.ok(Cmd.startRound(new JsonObject().put("id", "r1").put("votesPerParticipant", 3)));
      Locator note = anna.note("n1");
      note.getByTestId("vote-add").click();
      assertThat(note.getByTestId("vote-remove")).isVisible();
      assertThat(anna.noteText("n1")).hasText(text);
      assertEquals(Boolean.TRUE, anna.noteText("n1").evaluate("el => el.scrollHeight <= el.clientHeight + 1"),
          "the note's text is cut off by its vote buttons");
    }
  }
}
