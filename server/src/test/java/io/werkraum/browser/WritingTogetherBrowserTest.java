package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Workshop;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing typed is lost when others write too: people see who is writing a note, a save made
 * while someone else saved the same note is merged or offered (never silently overwritten), and
 * text being typed survives the rooms closing, the connection dropping and the tab ending.
 */
class WritingTogetherBrowserTest extends BrowserTest {

  private static void openEditor(Participant p, String noteId) {
    p.note(noteId).dblclick(new Locator.DblclickOptions().setPosition(12, 12));
    assertThat(p.editor()).isFocused();
  }

  private static void save(Participant p) {
    p.editor().press("Control+Enter");
    assertThat(p.editor()).hasCount(0);
  }

  @Test
  void twoPeopleWritingOneNoteSeeEachOtherAndBothChangesStay() {
    Workshop workshop = Workshop.create(node, "Gemeinsam");
    String link = workshop.board().getString("participantLink");
    try (workshop; Participant anna = Participant.join(browser, link, "Anna", "Jena");
         Participant ben = Participant.join(browser, link, "Ben", "Gera")) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.ok(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Treffpunkt Jugendzentrum")));
      assertThat(ben.noteText("n1")).hasText("Treffpunkt Jugendzentrum");

      openEditor(anna, "n1");
      assertThat(ben.note("n1").getByTestId("note-writing")).hasText("Anna is typing …");
      assertThat(ben.note("n1")).hasAttribute("aria-label", Pattern.compile("Anna is typing …"));
      openEditor(ben, "n1");
      assertThat(ben.page.getByTestId("note-editor-hint")).hasText("Anna is typing here too.");
      assertThat(anna.page.getByTestId("note-editor-hint")).hasText("Ben is typing here too.");

      // Anna adds at the end and saves; Ben, still writing, is told.
      anna.editor().press("End");
      anna.editor().pressSequentially(" am Montag");
      save(anna);
      assertThat(ben.page.getByTestId("note-editor-hint")).containsText("Anna changed this note meanwhile");
      assertThat(ben.editor()).hasValue("Treffpunkt Jugendzentrum");

      // Ben writes at the start: both changes stay, nobody's save wins over the other's.
      ben.editor().press("Control+Home");
      ben.editor().pressSequentially("Neu: ");
      save(ben);
      assertThat(anna.noteText("n1")).hasText("Neu: Treffpunkt Jugendzentrum am Montag");
      assertThat(ben.noteText("n1")).hasText("Neu: Treffpunkt Jugendzentrum am Montag");
      assertThat(ben.page.getByTestId("toast").last()).containsText("merged with Anna's change");
      assertThat(anna.note("n1").getByTestId("note-writing")).isHidden();
      assertThat(ben.note("n1").getByTestId("note-writing")).isHidden();
    }
  }

  @Test
  void aSaveOfTheSameWordsIsOfferedWithBothVersionsAndKeepsBoth() {
    Workshop workshop = Workshop.create(node, "Entscheiden");
    String link = workshop.board().getString("participantLink");
    try (workshop; Participant anna = Participant.join(browser, link, "Anna", "Jena");
         Participant ben = Participant.join(browser, Participant.options().setBypassCSP(true), link, "Ben", "Gera", c -> {})) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.ok(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Treffpunkt Schule")));
      openEditor(anna, "n1");
      openEditor(ben, "n1");
      anna.editor().fill("Treffpunkt Rathaus");
      save(anna);
      ben.editor().fill("Treffpunkt Bahnhof");
      save(ben);

      Locator dialog = ben.page.getByTestId("conflict-dialog");
      assertThat(dialog).isVisible();
      assertThat(dialog.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
          new Locator.GetByRoleOptions().setName("Changed at the same time"))).isVisible();
      assertThat(dialog.getByTestId("conflict-theirs")).hasText("Treffpunkt Rathaus");
      assertThat(dialog.getByTestId("conflict-mine")).hasText("Treffpunkt Bahnhof");
      assertThat(dialog.getByTestId("conflict-both")).isFocused();
      assertEquals(List.of(), Axe.violations(ben.page), "the dialog passes axe");
      // Nothing was overwritten while Ben decides.
      assertThat(anna.noteText("n1")).hasText("Treffpunkt Rathaus");

      ben.page.keyboard().press("Enter");
      assertThat(dialog).isHidden();
      assertThat(anna.noteText("n1")).hasText("Treffpunkt Rathaus\n\nTreffpunkt Bahnhof");
      assertThat(ben.note("n1")).isFocused();
    }
  }

  @Test
  void aSaveMadeOfflineMeetsTheChangeMadeMeanwhileAndBothStay() {
    Workshop workshop = Workshop.create(node, "Funkloch");
    String link = workshop.board().getString("participantLink");
    Network[] benNetwork = new Network[1];
    try (workshop; Participant anna = Participant.join(browser, link, "Anna", "Jena");
         Participant ben = Participant.join(browser, Participant.options(), link, "Ben", "Gera",
             context -> benNetwork[0] = new Network(context))) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.registerAndWait(workshop.roomAddress("main"));
      fiona.ok(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Radweg")));
      openEditor(ben, "n1");
      benNetwork[0].cut();
      assertThat(ben.connection()).hasAttribute("data-state", "reconnecting");
      ben.editor().press("End");
      ben.editor().pressSequentially(" nach Lobeda");

      // Meanwhile Anna, online, changes the same note.
      openEditor(anna, "n1");
      anna.editor().press("Control+Home");
      anna.editor().pressSequentially("Neuer ");
      save(anna);
      save(ben);

      benNetwork[0].restore();
      assertThat(ben.connection()).hasAttribute("data-state", "open");
      assertThat(anna.noteText("n1")).hasText("Neuer Radweg nach Lobeda");
      assertThat(ben.noteText("n1")).hasText("Neuer Radweg nach Lobeda");
    }
  }

  @Test
  void aNoteDeletedWhileSomeoneWritesItKeepsTheirTextInANewNote() {
    Workshop workshop = Workshop.create(node, "Gelöscht");
    try (workshop; Participant anna = Participant.join(browser, workshop.board().getString("participantLink"), "Anna", "Jena")) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.registerAndWait(workshop.roomAddress("main"));
      fiona.ok(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "Alt")));
      openEditor(anna, "n1");
      anna.editor().pressSequentially(" und neu");
      int mark = fiona.mark();
      fiona.ok(Cmd.deleteNote("main", "n1"));
      assertThat(anna.page.getByTestId("toast").last()).containsText("your text is kept in a new note");
      assertThat(anna.notes()).hasCount(1);
      assertThat(anna.page.getByTestId("note-text")).hasText("Alt und neu");
      fiona.awaitMessageAfter(mark, workshop.roomAddress("main"), body -> "note.created".equals(body.getString("type"))
          && "Alt und neu".equals(body.getJsonObject("note").getString("text")));
    }
  }

  @Test
  void textTypedWhenTheTabEndsIsKeptAndSavedWhenItOpensAgain() {
    Workshop workshop = Workshop.create(node, "Absturz");
    try (workshop; Participant anna = Participant.join(browser, workshop.board().getString("participantLink"), "Anna", "Jena")) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.registerAndWait(workshop.roomAddress("main"));
      fiona.ok(Cmd.createNote("main", Cmd.note("n1", 40, 60).put("text", "")));
      openEditor(anna, "n1");
      anna.editor().pressSequentially("Fast fertig");

      int mark = fiona.mark();
      anna.page.reload();
      anna.waitConnected();
      fiona.awaitMessageAfter(mark, workshop.roomAddress("main"), body -> "note.updated".equals(body.getString("type"))
          && "Fast fertig".equals(body.getJsonObject("patch").getString("text")));
      assertThat(anna.noteText("n1")).hasText("Fast fertig");
    }
  }

  @Test
  void textTypedWhenTheRoomsCloseIsSavedInItsRoomAndHarvested() {
    Workshop workshop = Workshop.create(node, "Raumschluss");
    try (workshop; Participant anna = Participant.join(browser, workshop.board().getString("participantLink"), "Anna", "Jena")) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.ok(Cmd.createRooms(Cmd.room("r1", "Verkehr")));
      JsonObject state = Workshop.fullState(fiona, "main").getJsonObject("board").getJsonObject("state");
      String annaParticipant = state.getJsonArray("participants").stream().map(o -> (JsonObject) o)
          .filter(p -> "Anna".equals(p.getString("name"))).findFirst().orElseThrow().getString("id");
      fiona.ok(Cmd.command("participant.move").put("id", annaParticipant).put("room", "r1"));
      fiona.ok(Cmd.command("rooms.open"));
      fiona.registerAndWait(workshop.roomAddress("r1"));
      fiona.ok(Cmd.createNote("r1", Cmd.note("n1", 40, 60).put("text", "")));
      openEditor(anna, "n1");
      anna.editor().pressSequentially("Unser Ergebnis");

      int mark = fiona.mark();
      fiona.ok(Cmd.command("rooms.close"));
      fiona.awaitMessageAfter(mark, workshop.roomAddress("r1"), body -> "note.updated".equals(body.getString("type"))
          && "Unser Ergebnis".equals(body.getJsonObject("patch").getString("text")));
      assertThat(anna.editor()).hasCount(0);

      fiona.ok(Cmd.command("rooms.harvest").put("room", "r1"));
      assertThat(anna.page.getByTestId("note-text").filter(new Locator.FilterOptions().setHasText("Unser Ergebnis"))).hasCount(1);
    }
  }
}
