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
   * @param grouping for an anonymous round, how its figures per organisation were grouped so that
   *     none singles out a person; null for a named round, whose figures are exact
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Results(int voters, int votes, List<Ranked> ranking, Grouping grouping) {}

  /**
   * @param byOrganisation the note's votes per organisation shown by name
   * @param otherOrganisations the note's votes from the organisations grouped together (see
   *     {@link Grouping}); null when none
   * @param voters who voted for the note, only in named rounds (null in anonymous ones)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Ranked(String note, String text, int count, Map<String, Integer> byOrganisation,
      Integer otherOrganisations, List<String> voters) {}

  /**
   * How an anonymous round's figures per organisation were grouped: organisations with fewer than
   * {@code threshold} voters count together as "other organisations" (with the smallest
   * organisation above it when they are fewer than {@code threshold} together).
   *
   * @param withheld whether the round has no figures per organisation at all, because no grouping
   *     would leave a named organisation beside a large enough "other" group
   */
  public record Grouping(int threshold, boolean withheld) {}
}
