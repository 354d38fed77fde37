package io.werkraum.board;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A sticky note in a room, as stored and as sent to browsers.
 *
 * @param hidden true while private writing keeps it from everyone but its author and the
 *     facilitators; null (absent) otherwise
 * @param origin for a note harvested from a breakout room: where it came from; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Note(
    String id,
    double x,
    double y,
    double w,
    double h,
    String color,
    String text,
    String author,
    long createdAt,
    long updatedAt,
    Boolean hidden,
    Origin origin) implements Area {

  /** A note as written: visible, from nowhere else. */
  public Note(String id, double x, double y, double w, double h, String color, String text, String author, long at) {
    this(id, x, y, w, h, color, text, author, at, at, null, null);
  }

  /** Whether private writing keeps it hidden (not named isHidden: Jackson would write that as a field). */
  public boolean keptPrivate() {
    return Boolean.TRUE.equals(hidden);
  }

  /** The same note, visible to everyone. */
  public Note revealed() {
    return new Note(id, x, y, w, h, color, text, author, createdAt, updatedAt, null, origin);
  }

  /** Where a harvested note came from: the breakout room (and its name then) and the note there. */
  public record Origin(String room, String roomName, String note) {}
}
