package io.werkraum.board;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A voting round as stored and sent when it starts. Counts are kept apart from it while it is
 * open; closing it adds {@code closedAt} and {@code results} (see the store's close script).
 *
 * @param sections the sections whose notes may get votes, or null for the whole room
 * @param endsAt when votes stop being accepted, or null for no time limit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Round(
    String id,
    String title,
    int votesPerParticipant,
    int maxPerNote,
    boolean anonymous,
    String room,
    List<String> sections,
    String status,
    long startedAt,
    Long endsAt,
    String by) {
  public static final String OPEN = "open";
  public static final String CLOSED = "closed";
}
