package io.werkraum.board;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A titled area of a room. Notes belong to it by position (see {@link Sections}).
 *
 * @param origin for the section a harvest made: {@code {room}}, the breakout room it came from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section(
    String id,
    double x,
    double y,
    double w,
    double h,
    String title,
    String author,
    long createdAt,
    long updatedAt,
    Origin origin) implements Area {

  public Section(String id, double x, double y, double w, double h, String title, String author, long at) {
    this(id, x, y, w, h, title, author, at, at, null);
  }

  public record Origin(String room) {}
}
