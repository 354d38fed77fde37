package io.werkraum.export;

import io.werkraum.export.BoardDocument.Note;
import io.werkraum.export.BoardDocument.Person;
import io.werkraum.export.BoardDocument.Ranked;
import io.werkraum.export.BoardDocument.Room;
import io.werkraum.export.BoardDocument.Round;
import io.werkraum.export.BoardDocument.Section;
import io.werkraum.board.Sections;
import io.werkraum.protocol.Protocol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Look-ups the table and minutes exports share: people by id, rooms in order, votes per note. */
final class ExportIndex {
  static final String PLENARY = "plenary";
  static final String CLOSED = "closed";

  private final BoardDocument doc;
  private final Map<String, Person> people = new HashMap<>();
  private final Map<String, Room> rooms = new HashMap<>();
  /** Per round (same index as the document's rounds): note id to count, only for closed rounds. */
  private final List<Map<String, Ranked>> counts = new ArrayList<>();

  /** What an anonymised note's author is called. */
  private final String anonymousAuthor;

  ExportIndex(BoardDocument doc) {
    this(doc, "");
  }

  /** @param anonymousAuthor what a note kept after its writer's data was erased names as its author */
  ExportIndex(BoardDocument doc, String anonymousAuthor) {
    this.doc = doc;
    this.anonymousAuthor = anonymousAuthor;
    for (Person p : list(doc.participants())) {
      people.put(p.id(), p);
    }
    for (Room r : list(doc.rooms())) {
      rooms.put(r.id(), r);
    }
    for (Round round : list(doc.rounds())) {
      Map<String, Ranked> byNote = new HashMap<>();
      if (CLOSED.equals(round.status()) && round.results() != null) {
        for (Ranked r : list(round.results().ranking())) {
          byNote.put(r.note(), r);
        }
      }
      counts.add(byNote);
    }
  }

  static <T> List<T> list(List<T> maybe) {
    return maybe == null ? List.of() : maybe;
  }

  /** The plenary first, then the breakout rooms by name (then id). */
  List<Room> roomsInOrder() {
    List<Room> ordered = new ArrayList<>(list(doc.rooms()));
    ordered.sort(Comparator.comparing((Room r) -> PLENARY.equals(r.kind()) ? 0 : 1)
        .thenComparing(r -> r.name() == null ? "" : r.name(), String.CASE_INSENSITIVE_ORDER)
        .thenComparing(Room::id));
    return ordered;
  }

  /** A room's name as people call it: the plenary, which has no name of its own, is "Plenum" / "Plenary". */
  static String roomName(Room room, String plenary) {
    String name = nullToEmpty(room.name());
    return name.isBlank() && PLENARY.equals(room.kind()) ? plenary : name;
  }

  Room room(String id) {
    return rooms.get(id);
  }

  Person person(String id) {
    return id == null ? null : people.get(id);
  }

  String personName(String id) {
    if (Protocol.ANONYMOUS_AUTHOR.equals(id)) {
      return anonymousAuthor;
    }
    Person p = person(id);
    return p == null ? "" : nullToEmpty(p.name());
  }

  String organisation(String id) {
    Person p = person(id);
    return p == null ? "" : nullToEmpty(p.organisation());
  }

  /**
   * The votes a note got in a round, or null when the round is open, is about another room or
   * the note got none.
   */
  Integer votes(int roundIndex, Room room, Note note) {
    Round round = doc.rounds().get(roundIndex);
    if (round.room() != null && !round.room().equals(room.id())) {
      return null;
    }
    Ranked r = counts.get(roundIndex).get(note.id());
    return r == null || r.count() == 0 ? null : r.count();
  }

  /** The places that count as decided in the summary of the report and the minutes. */
  static final int TOP_PLACES = 3;

  /** A result with its place: equal counts share a place (1, 2, 2, 4). */
  record Placed(int place, Ranked ranked) {}

  /** A round's results that got votes, most first, each with its place; none while it has no results. */
  static List<Placed> placed(Round round) {
    if (round.results() == null) {
      return List.of();
    }
    List<Ranked> ranking = new ArrayList<>(list(round.results().ranking()));
    ranking.removeIf(k -> k.count() <= 0);
    ranking.sort(Comparator.comparingInt((Ranked k) -> -k.count()));
    List<Placed> placed = new ArrayList<>(ranking.size());
    for (int i = 0; i < ranking.size(); i++) {
      boolean tie = i > 0 && ranking.get(i).count() == ranking.get(i - 1).count();
      placed.add(new Placed(tie ? placed.get(i - 1).place() : i + 1, ranking.get(i)));
    }
    return placed;
  }

  /** What a round decided: its results on the first {@link #TOP_PLACES} places, ties included. */
  static List<Placed> top(Round round) {
    return placed(round).stream().filter(p -> p.place() <= TOP_PLACES).toList();
  }

  /** The rounds whose decisions the summaries report: closed, with results, in the order they closed. */
  List<Round> decidedRounds() {
    List<Round> closed = new ArrayList<>();
    for (Round r : list(doc.rounds())) {
      if (CLOSED.equals(r.status()) && r.results() != null) {
        closed.add(r);
      }
    }
    closed.sort(Comparator.comparingLong(r -> r.closedAt() == null ? r.startedAt() : r.closedAt()));
    return closed;
  }

  /** The section a note belongs to (see {@link Sections}), or null. */
  static Section sectionOf(Room room, Note note) {
    return Sections.home(note, list(room.sections()));
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** A number as a spreadsheet reads it: no exponent, no trailing {@code .0}. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** ISO-8601 with the zone's offset at that time (2026-03-14T10:30:00+01:00): a spreadsheet's local time, unambiguous. */
  static String time(long ms, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(ms).atZone(zone));
  }
}
