package io.werkraum.board;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A voting round as stored and sent: open while votes come in (counts kept apart, in the board's
 * ballot), closed with its {@code results}.
 *
 * @param sections the sections whose notes may get votes, or null for the whole room
 * @param notes for a round over sections: the notes that stood in them when it started, the
 *     candidates (moving a note during the round neither adds nor removes one); null otherwise
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
    List<String> notes,
    String status,
    long startedAt,
    Long endsAt,
    String by,
    Long closedAt,
    Results results) {
  public static final String OPEN = "open";
  public static final String CLOSED = "closed";

  /** Whether votes are taken (not named isOpen: Jackson would write that as a field). */
  public boolean openForVotes() {
    return OPEN.equals(status);
  }

  /** The round closed at {@code now} with its results. */
  public Round closed(long now, Results results) {
    return new Round(id, title, votesPerParticipant, maxPerNote, anonymous, room, sections, notes, CLOSED, startedAt,
        endsAt, by, now, results);
  }

  /**
   * @param voters how many people voted
   * @param votes how many votes they gave
   * @param ranking the notes that got votes, most first
   */
  public record Results(int voters, int votes, List<Ranked> ranking) {}

  /** @param voters who voted for the note, only in named rounds (null in anonymous ones) */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Ranked(String note, String text, int count, Map<String, Integer> byOrganisation, List<String> voters) {}
}
