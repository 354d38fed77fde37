package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Workshop;
import org.junit.jupiter.api.Test;

/** Text written while the facilitator locks the board is not lost: kept as a draft, saved on unlock. */
class DraftsBrowserTest extends BrowserTest {

  @Test
  void aNoteBeingWrittenWhenTheBoardLocksKeepsItsTextAndIsSavedOnceItOpens() {
    Workshop workshop = Workshop.create(node, "Sperre");
    try (workshop; Participant anna = Participant.join(browser, workshop.board().getString("participantLink"), "Anna", "Gera")) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.registerAndWait(workshop.roomAddress("main"));
      fiona.ok(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "")));
      Locator note = anna.note("n1");
      note.dblclick();
      assertThat(anna.editor()).isFocused();
      anna.editor().pressSequentially("Halbfertiger Gedanke");

      // The facilitator locks the board while Anna is still writing; then she saves.
      fiona.ok(Cmd.lock(true));
      assertThat(anna.page.getByTestId("lock-indicator")).isVisible();
      anna.editor().press("Control+Enter");
      assertThat(anna.editor()).hasCount(0);
      assertThat(anna.noteText("n1")).hasText("Halbfertiger Gedanke");
      assertThat(note).hasClass(java.util.regex.Pattern.compile("\\bis-draft\\b"));
      assertThat(anna.page.getByTestId("toast").last()).containsText("Your text stays on the note as a draft");

      // A reload keeps the draft.
      anna.page.reload();
      anna.waitConnected();
      assertThat(anna.noteText("n1")).hasText("Halbfertiger Gedanke");
      assertThat(note).hasClass(java.util.regex.Pattern.compile("\\bis-draft\\b"));

      // Open again: the text is saved for everyone, and no longer a draft.
      int mark = fiona.mark();
      fiona.ok(Cmd.lock(false));
      fiona.awaitMessageAfter(mark, workshop.roomAddress("main"), body -> "note.updated".equals(body.getString("type"))
          && "Halbfertiger Gedanke".equals(body.getJsonObject("patch").getString("text")));
      assertThat(note).not().hasClass(java.util.regex.Pattern.compile("\\bis-draft\\b"));
      assertThat(anna.noteText("n1")).hasText("Halbfertiger Gedanke");
    }
  }
}
