package io.werkraum.board;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Someone who joined a board. The colour marks their cursor and their entry in the list.
 *
 * @param waiting true while they wait for a facilitator to let them in (the board's waiting
 *     room); null (absent) otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Participant(
    String id, String name, String organisation, Role role, String color, long joinedAt, Boolean waiting) {
  /** Someone who is on the board. */
  public Participant(String id, String name, String organisation, Role role, String color, long joinedAt) {
    this(id, name, organisation, role, color, joinedAt, null);
  }
}
