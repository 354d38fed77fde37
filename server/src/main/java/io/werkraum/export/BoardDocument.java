package io.werkraum.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.werkraum.board.Area;
import io.werkraum.board.Round.Grouping;
import java.util.List;
import java.util.Map;

/**
 * A whole board as one document: what every export is made from, and what an import reads.
 * Pure data, already filtered for privacy by whoever builds it (hidden notes left out,
 * anonymous rounds without voters), so exporters need not know the rules.
 *
 * @param schemaVersion the version of this document's shape; imports refuse others
 * @param exportedAt when the document was made (ms since the epoch)
 * @param snapshot the snapshot it was made from, or null for the live board
 * @param settings the board's lasting settings; null in documents from before they were kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BoardDocument(
    int schemaVersion,
    String id,
    String title,
    long createdAt,
    long exportedAt,
    SnapshotInfo snapshot,
    Settings settings,
    List<Person> participants,
    List<Room> rooms,
    List<Round> rounds) {

  public static final int SCHEMA_VERSION = 1;

  /** The same document, marked as the snapshot {@code info}. */
  public BoardDocument asSnapshot(SnapshotInfo info) {
    return new BoardDocument(schemaVersion, id, title, createdAt, exportedAt, info, settings, participants, rooms,
        rounds);
  }

  /**
   * The settings that belong to the board rather than to the moment: whether it is locked,
   * whether private writing is on, whether the breakout rooms are open, the broadcast message
   * (or null). A running timer, the spotlight, follow-me and the shown round are the
   * facilitator's live steering and are not kept.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Settings(boolean locked, boolean privateWriting, boolean breakoutOpen, String broadcast) {
    public static final Settings DEFAULT = new Settings(false, false, false, null);
  }

  /** Which snapshot a document shows. */
  public record SnapshotInfo(String id, String name, long takenAt) {}

  public record Person(String id, String name, String organisation, String role, String color, long joinedAt) {}

  /** A room with its sections and notes; {@code kind} is {@code plenary} or {@code breakout}. */
  public record Room(String id, String name, String kind, long createdAt, List<Section> sections, List<Note> notes) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Section(String id, double x, double y, double w, double h, String title, String author,
      long createdAt, long updatedAt, Map<String, Object> origin) implements Area {}

  /**
   * @param origin for harvested notes: {@code {room, roomName, note}} where the note came from
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Note(String id, double x, double y, double w, double h, String color, String text, String author,
      long createdAt, long updatedAt, Map<String, Object> origin) implements Area {}

  /** A voting round with its settings and, once closed, its results. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Round(String id, String title, int votesPerParticipant, int maxPerNote, boolean anonymous,
      String room, List<String> sections, String status, long startedAt, Long endsAt, Long closedAt,
      Results results) {}

  /**
   * @param ranking ranked by count, most first
   * @param grouping for anonymous rounds, how the figures per organisation were grouped (see
   *     {@link Grouping}); null for named rounds
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Results(int voters, int votes, List<Ranked> ranking, Grouping grouping) {}

  /**
   * @param otherOrganisations the votes of the organisations grouped together, or null
   * @param voters participant ids, only for named rounds (null for anonymous ones)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Ranked(String note, String text, int count, Map<String, Integer> byOrganisation,
      Integer otherOrganisations, List<String> voters) {}
}
