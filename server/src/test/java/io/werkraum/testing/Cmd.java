package io.werkraum.testing;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/** Command bodies as a browser sends them on {@code werkraum.commands}, each with a fresh commandId. */
public final class Cmd {
  private static final AtomicLong IDS = new AtomicLong();

  private Cmd() {}

  /** A commandId never used before in this JVM. */
  public static String id() {
    return "cmd-" + IDS.incrementAndGet();
  }

  public static JsonObject note(String id, double x, double y) {
    return new JsonObject().put("id", id).put("x", x).put("y", y);
  }

  public static JsonObject section(String id, double x, double y, double w, double h, String title) {
    JsonObject section = new JsonObject().put("id", id).put("x", x).put("y", y).put("w", w).put("h", h);
    return title == null ? section : section.put("title", title);
  }

  public static JsonObject createNote(String room, JsonObject note) {
    return command("note.create").put("room", room).put("note", note);
  }

  public static JsonObject updateNote(String room, String id, JsonObject patch) {
    return command("note.update").put("room", room).put("id", id).put("patch", patch);
  }

  public static JsonObject deleteNote(String room, String id) {
    return command("note.delete").put("room", room).put("id", id);
  }

  public static JsonObject createSection(String room, JsonObject section) {
    return command("section.create").put("room", room).put("section", section);
  }

  public static JsonObject updateSection(String room, String id, JsonObject patch) {
    return command("section.update").put("room", room).put("id", id).put("patch", patch);
  }

  public static JsonObject deleteSection(String room, String id) {
    return command("section.delete").put("room", room).put("id", id);
  }

  public static JsonObject updateParticipant(JsonObject patch) {
    return command("participant.update").put("patch", patch);
  }

  /** A sync; null sequence numbers ask for the full state. */
  public static JsonObject sync(String room, Long boardSeq, Long roomSeq) {
    JsonObject sync = command("sync").put("room", room);
    if (boardSeq != null) {
      sync.put("boardSeq", boardSeq);
    }
    if (roomSeq != null) {
      sync.put("roomSeq", roomSeq);
    }
    return sync;
  }

  public static JsonObject command(String type) {
    return new JsonObject().put("type", type).put("commandId", id());
  }
}
