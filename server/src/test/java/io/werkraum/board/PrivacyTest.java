package io.werkraum.board;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Private writing: who reads a hidden note's text, and what everyone else gets. */
class PrivacyTest {
  static final Actor AUTHOR = new Actor("b", "anna", Role.PARTICIPANT);
  static final Actor OTHER = new Actor("b", "ben", Role.PARTICIPANT);
  static final Actor FACILITATOR = new Actor("b", "fay", Role.FACILITATOR);
  static final Actor OBSERVER = new Actor("b", "olga", Role.OBSERVER);

  static JsonObject hiddenCreate() {
    return new JsonObject().put("seq", 1).put("hidden", true).put("author", "anna").put("type", "note.created")
        .put("note", new JsonObject().put("id", "n1").put("text", "geheim").put("author", "anna"));
  }

  @Test
  void onlyTheAuthorAndFacilitatorsReadAHiddenNote() {
    assertTrue(Privacy.mayRead(AUTHOR, "anna"));
    assertTrue(Privacy.mayRead(FACILITATOR, "anna"));
    assertFalse(Privacy.mayRead(OTHER, "anna"));
    assertFalse(Privacy.mayRead(OBSERVER, "anna"));
  }

  @Test
  void everyoneElseGetsTheEventWithoutItsText() {
    JsonObject event = hiddenCreate();
    assertEquals(event, Privacy.forViewer(event, AUTHOR));
    assertEquals(event, Privacy.forViewer(event, FACILITATOR));
    JsonObject redacted = Privacy.forViewer(event, OTHER);
    assertEquals("", redacted.getJsonObject("note").getString("text"));
    assertEquals("n1", redacted.getJsonObject("note").getString("id"), "they see that someone wrote something");
    assertEquals("geheim", event.getJsonObject("note").getString("text"), "the original is untouched");
    JsonObject patch = new JsonObject().put("seq", 2).put("hidden", true).put("author", "anna").put("type", "note.updated")
        .put("id", "n1").put("patch", new JsonObject().put("text", "neu").put("x", 5));
    assertEquals(new JsonObject().put("x", 5), Privacy.forViewer(patch, OTHER).getJsonObject("patch"));
  }

  @Test
  void aHarvestCarriesHiddenCopiesWithoutTheirTextsForOthers() {
    JsonObject harvest = new JsonObject().put("type", "rooms.harvested").put("notes", new JsonArray()
        .add(new JsonObject().put("id", "c1").put("text", "offen").put("author", "ben"))
        .add(new JsonObject().put("id", "c2").put("text", "geheim").put("author", "anna").put("hidden", true)));
    assertTrue(Privacy.touchesHidden(harvest));
    JsonArray forBen = Privacy.forViewer(harvest, OTHER).getJsonArray("notes");
    assertEquals("offen", forBen.getJsonObject(0).getString("text"));
    assertEquals("", forBen.getJsonObject(1).getString("text"));
    assertEquals("geheim", Privacy.forViewer(harvest, FACILITATOR).getJsonArray("notes").getJsonObject(1).getString("text"));
  }

  @Test
  void anEventAboutVisibleNotesPassesUntouched() {
    JsonObject event = new JsonObject().put("type", "note.created").put("note", new JsonObject().put("text", "offen"));
    assertFalse(Privacy.touchesHidden(event));
    assertSame(event, Privacy.forViewer(event, OTHER));
  }
}
