package io.werkraum.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Private writing: a hidden note's text reaches only its author and the facilitators until it is
 * revealed. Everyone else gets the note without its text (they see that someone wrote something).
 */
public final class Privacy {
  private Privacy() {}

  /** Whether {@code viewer} may read a hidden note of {@code author}. */
  public static boolean mayRead(Actor viewer, String author) {
    return viewer.role() == Role.FACILITATOR || viewer.participantId().equals(author);
  }

  /** Whether the event touches a hidden note. */
  public static boolean touchesHidden(JsonObject event) {
    if (event.getBoolean("hidden", false)) {
      return true;
    }
    JsonArray notes = event.getJsonArray("notes");
    return notes != null && notes.stream().anyMatch(n -> n instanceof JsonObject o && o.getBoolean("hidden", false));
  }

  /** The event as {@code viewer} may see it. */
  public static JsonObject forViewer(JsonObject event, Actor viewer) {
    if (!touchesHidden(event) || (event.getBoolean("hidden", false) && mayRead(viewer, event.getString("author")))) {
      return event;
    }
    return withoutHiddenTexts(event, viewer);
  }

  /** The event with the text of every hidden note taken out (unless the viewer may read it). */
  public static JsonObject withoutHiddenTexts(JsonObject event, Actor viewer) {
    JsonObject copy = event.copy();
    if (copy.getBoolean("hidden", false) && (viewer == null || !mayRead(viewer, copy.getString("author")))) {
      JsonObject note = copy.getJsonObject("note");
      if (note != null) {
        note.put("text", "");
      }
      JsonObject patch = copy.getJsonObject("patch");
      if (patch != null) {
        patch.remove("text");
      }
    }
    JsonArray notes = copy.getJsonArray("notes");
    if (notes != null) {
      notes.forEach(n -> {
        if (n instanceof JsonObject note) {
          redactNote(note, viewer);
        }
      });
    }
    return copy;
  }

  /** A stored note as {@code viewer} may see it (changed in place). */
  public static void redactNote(JsonObject note, Actor viewer) {
    if (note.getBoolean("hidden", false) && (viewer == null || !mayRead(viewer, note.getString("author")))) {
      note.put("text", "");
    }
  }
}
