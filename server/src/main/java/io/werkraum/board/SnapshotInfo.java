package io.werkraum.board;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a snapshot is: a name given by a facilitator, or, for one Werkraum took on its own, the
 * occasion ({@code round.closed} with the round's title, {@code rooms.closed}) for the UI to
 * name in the reader's language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotInfo(String id, String name, String occasion, String subject, long takenAt, String by) {
  public static final String ROUND_CLOSED = "round.closed";
  public static final String ROOMS_CLOSED = "rooms.closed";
}
