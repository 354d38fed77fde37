package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Workshop;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The participant's whole path on the board page by keyboard alone: join, skip to the board, write
 * a note, edit it, move it into a section (the section said aloud), change its colour, vote and
 * take the vote back, raise a hand, stop following the facilitator, and go to a breakout room.
 * Every stop on the way shows where the focus is, and focus always gets out again.
 */
class KeyboardBrowserTest extends BrowserTest {
  @Test
  void aParticipantDoesEverythingByKeyboardAlone() {
    Workshop workshop = Workshop.create(node, "Tastatur");
    try (workshop; BrowserContext context = browser.newContext(Participant.options())) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.ok(Cmd.createSection("main", Cmd.section("ideas", 0, 0, 600, 400, "Ideen")));
      fiona.ok(Cmd.createNote("main", Cmd.note("first", 40, 60).put("text", "Jugendtreff länger offen")));
      Page page = context.newPage();
      page.navigate(workshop.board().getString("participantLink"));

      // Join: the name field has focus; Enter sends the form.
      assertThat(page.getByTestId("join-name")).isFocused();
      page.keyboard().type("Anna");
      page.keyboard().press("Tab");
      assertThat(page.getByTestId("join-organisation")).isFocused();
      page.keyboard().type("Stadt Jena");
      page.keyboard().press("Enter");
      assertThat(page.getByTestId("connection-state")).hasAttribute("data-state", "open");
      Locator canvas = page.locator("#canvas");
      assertThat(canvas).isFocused();

      // The skip link is the stop before the header, and leads past it.
      page.locator(".brand").focus();
      page.keyboard().press("Shift+Tab");
      Locator skip = page.locator(".skip-link");
      assertThat(skip).isFocused();
      assertTrue(skip.boundingBox().y >= 0, "the skip link shows when focused");
      page.keyboard().press("Enter");
      assertThat(page.locator("#main")).isFocused();
      Keyboard.tabTo(page, canvas, 20);

      // The first vote-worthy note is right behind its section, not behind every section.
      Locator section = page.locator("[data-testid=section][data-section-id=ideas]");
      Locator first = page.locator("[data-testid=note][data-note-id=first]");
      assertEquals(1, Keyboard.tabTo(page, section, 1));
      assertEquals(1, Keyboard.tabTo(page, first, 1));
      assertThat(section).hasAttribute("aria-owns", "note-first");

      // Write a note: N on the board, type, Ctrl+Enter; focus is back on the note.
      canvas.focus();
      page.keyboard().press("n");
      Locator editor = page.getByTestId("note-editor");
      assertThat(editor).isFocused();
      page.keyboard().type("Treffpunkt am Bahnhof");
      page.keyboard().press("Control+Enter");
      assertThat(editor).hasCount(0);
      Locator mine = page.locator("[data-testid=note]:focus");
      assertThat(mine.getByTestId("note-text")).hasText("Treffpunkt am Bahnhof");
      String id = mine.getAttribute("data-note-id");
      Locator note = page.locator("[data-testid=note][data-note-id='" + id + "']");

      // Edit it: Enter opens the editor with the text once, End, type, Ctrl+Enter.
      page.keyboard().press("Enter");
      assertThat(editor).isFocused();
      assertThat(editor).hasValue("Treffpunkt am Bahnhof");
      // The text shows once, in the editor where it stood, also when the board changes meanwhile.
      fiona.ok(Cmd.createNote("main", Cmd.note("meanwhile", 40, 1400).put("text", "Inzwischen")));
      assertThat(page.locator("[data-testid=note][data-note-id=meanwhile]")).hasCount(1);
      assertThat(note.getByTestId("note-text")).isHidden();
      assertTrue(editor.boundingBox().y < note.locator(".note__author").boundingBox().y, "the editor stands above the author");
      page.keyboard().press("End");
      page.keyboard().type(" mit WLAN");
      page.keyboard().press("Control+Enter");
      assertThat(note.getByTestId("note-text")).hasText("Treffpunkt am Bahnhof mit WLAN");
      assertThat(note).isFocused();

      // Move it beside "Ideen", then into it, with Shift+arrows (50 px a step); entering is said aloud.
      double[] at = Participant.worldPosition(note);
      double cx = at[0] + note.boundingBox().width / zoom(page) / 2;
      double cy = at[1] + note.boundingBox().height / zoom(page) / 2;
      int right = (int) Math.round((900 - cx) / 50);
      int down = (int) Math.round((200 - cy) / 50);
      press(page, right > 0 ? "Shift+ArrowRight" : "Shift+ArrowLeft", Math.abs(right));
      press(page, down > 0 ? "Shift+ArrowDown" : "Shift+ArrowUp", Math.abs(down));
      press(page, "Shift+ArrowLeft", 12);
      assertThat(page.getByTestId("announcer")).hasText("In section “Ideen”");
      assertThat(section).hasAttribute("aria-owns", Pattern.compile("(^| )note-" + id + "$"));

      // Its colour: C, said aloud.
      assertThat(note).hasAttribute("data-note-color", "yellow");
      page.keyboard().press("c");
      assertThat(note).hasAttribute("data-note-color", "orange");
      assertThat(page.getByTestId("announcer")).hasText("Colour: Orange");

      // Vote and take the vote back: the buttons are stops inside the note.
      fiona.ok(Cmd.startRound(new JsonObject().put("id", "r1").put("votesPerParticipant", 3)));
      assertThat(note.getByTestId("vote-add")).isVisible();
      note.focus();
      Keyboard.tabTo(page, note.getByTestId("vote-add"), 1);
      page.keyboard().press("Enter");
      assertThat(page.getByTestId("votes-remaining")).hasText("2");
      // "Take back" stands before "vote" (− before +).
      page.keyboard().press("Shift+Tab");
      assertThat(note.getByTestId("vote-remove")).isFocused();
      page.keyboard().press("Enter");
      assertThat(page.getByTestId("votes-remaining")).hasText("3");

      // Raise a hand from the participants list.
      Locator hand = page.getByTestId("hand-toggle");
      Keyboard.tabTo(page, hand, 40);
      page.keyboard().press("Enter");
      assertThat(hand).hasAttribute("aria-pressed", "true");

      // The facilitator leads the view; the banner's button stops following.
      fiona.ok(Cmd.follow(true));
      Locator stop = page.getByTestId("follow-stop");
      assertThat(stop).isVisible();
      canvas.focus();
      Keyboard.tabTo(page, stop, 40);
      page.keyboard().press("Enter");
      assertThat(page.getByTestId("follow-banner")).isHidden();

      // Rooms to choose from: pick one by keyboard; when they open, that is where one is.
      fiona.ok(Cmd.createRooms(Cmd.room("north", "Raum Nord"), Cmd.room("south", "Raum Süd")));
      fiona.ok(Cmd.command("rooms.assign").put("mode", "choice"));
      Locator south = page.locator("[data-testid=room-choice][data-room=south]");
      assertThat(south).isVisible();
      canvas.focus();
      Keyboard.tabTo(page, south, 40);
      page.keyboard().press("Enter");
      assertThat(south).hasAttribute("aria-pressed", "true");
      fiona.ok(Cmd.command("rooms.open"));
      assertThat(page.getByTestId("current-room")).hasAttribute("data-room", "south");

      // No trap: Tab leaves the note editor (saving it) for the next stop.
      canvas.focus();
      page.keyboard().press("n");
      assertThat(editor).isFocused();
      page.keyboard().type("Erste");
      page.keyboard().press("Tab");
      assertThat(editor).hasCount(0);
      Keyboard.assertFocusVisible(page);

      // A second note by N lands beside the first, not on it.
      canvas.focus();
      page.keyboard().press("n");
      page.keyboard().type("Zweite");
      page.keyboard().press("Control+Enter");
      Locator notes = page.getByTestId("note");
      assertThat(notes).hasCount(2);
      var a = notes.nth(0).boundingBox();
      var b = notes.nth(1).boundingBox();
      boolean apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      assertTrue(apart, "the new note covers the other");
    }
  }

  private static void press(Page page, String key, int times) {
    for (int i = 0; i < times; i++) page.keyboard().press(key);
  }

  private static double zoom(Page page) {
    return ((Number) page.evaluate("() => Number(getComputedStyle(document.querySelector('#canvas')).getPropertyValue('--zoom')) || 1"))
        .doubleValue();
  }
}
