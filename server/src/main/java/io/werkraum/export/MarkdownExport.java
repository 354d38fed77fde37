package io.werkraum.export;

import io.werkraum.export.BoardDocument.Note;
import io.werkraum.export.BoardDocument.Person;
import io.werkraum.export.BoardDocument.Ranked;
import io.werkraum.export.BoardDocument.Room;
import io.werkraum.export.BoardDocument.Round;
import io.werkraum.export.BoardDocument.Section;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The board as minutes in Markdown, in the order of the PDF report: first a summary (title,
 * date, participants per organisation, what each closed round decided), then each room with its
 * sections and their notes ranked by the votes of the room's last closed round (with their votes
 * in the room's earlier rounds), then every voting round with its settings and ranked results.
 * Times are in the given zone and say so. All text from users is escaped so it shows literally.
 */
public final class MarkdownExport {

  /** The fixed words of the minutes, in the language of the UI. {@code %s}/{@code %d} are filled in. */
  public record Texts(String minutes, String date, String snapshot, String participants, String noOrganisation,
      String total, String room, String plenary, String outsideSections, String noNotes, String vote, String votes,
      String rounds, String noRounds, String round, String scope, String wholeRoom, String sections,
      String votesPerPerson, String maxPerNote, String anonymous, String named, String open, String closed,
      String voters, String noVotes, String byOrganisation, OrganisationTexts organisations, String anonymousAuthor,
      String retention, Locale locale, String timeZone, String decided, String noDecisions, String votesFromRound) {

    public static Texts english() {
      return new Texts("Minutes", "Date", "Snapshot", "Participants", "no organisation", "Total", "Room",
          "Plenary", "Outside sections", "No notes.", "vote", "votes", "Voting rounds", "No voting rounds.", "Round %d",
          "Scope", "whole room", "sections", "Votes per person", "At most per note", "anonymous", "named",
          "open", "closed", "Voters", "No votes.", "by organisation", OrganisationTexts.english(), "a participant",
          ReportLabels.RETENTION_EN, Locale.UK, "Time zone", "What was decided", "No voting round closed yet.",
          "Votes from the round");
    }

    public static Texts german() {
      return new Texts("Protokoll", "Datum", "Stand", "Teilnehmende", "ohne Organisation", "Gesamt", "Raum",
          "Plenum", "Außerhalb der Bereiche", "Keine Notizen.", "Stimme", "Stimmen", "Abstimmungsrunden",
          "Keine Abstimmungsrunden.", "Runde %d", "Umfang", "ganzer Raum", "Bereiche", "Stimmen pro Person",
          "Höchstens pro Notiz", "anonym", "namentlich", "offen", "geschlossen", "Abstimmende", "Keine Stimmen.",
          "nach Organisation", OrganisationTexts.german(), "eine teilnehmende Person",
          ReportLabels.RETENTION_DE, Locale.GERMANY, "Zeitzone", "Was entschieden wurde",
          "Noch keine Abstimmungsrunde abgeschlossen.", "Stimmen aus der Runde");
    }
  }

  /** The ASCII punctuation that can start or end Markdown markup. */
  private static final String MARKUP = "\\`*_{}[]()<>#+-.!|~&=";

  private MarkdownExport() {}

  public static String write(BoardDocument doc, Texts t, ZoneId zone) {
    return write(doc, t, zone, null);
  }

  /**
   * @param zone the time zone the minutes' times are in (and name)
   * @param keptDays how many days after its last activity the board is deleted, said at the top; null to leave it out
   */
  public static String write(BoardDocument doc, Texts t, ZoneId zone, Integer keptDays) {
    ExportIndex index = new ExportIndex(doc, t.anonymousAuthor());
    DateTimeFormatter times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", t.locale()).withZone(zone);
    StringBuilder out = new StringBuilder(256 * 1024);
    out.append("# ").append(escape(ExportIndex.nullToEmpty(doc.title()))).append(" — ").append(t.minutes())
        .append("\n\n");
    out.append("- ").append(t.date()).append(": ").append(times.format(Instant.ofEpochMilli(
        doc.snapshot() != null ? doc.snapshot().takenAt() : doc.exportedAt()))).append('\n');
    out.append("- ").append(t.timeZone()).append(": ").append(zone.getId()).append('\n');
    if (doc.snapshot() != null) {
      out.append("- ").append(t.snapshot()).append(": ").append(escape(ExportIndex.nullToEmpty(doc.snapshot().name())))
          .append('\n');
    }
    if (keptDays != null) {
      out.append("- ").append(String.format(t.retention(), keptDays)).append('\n');
    }
    out.append('\n');
    participants(out, doc, t);
    decisions(out, doc, index, t);
    for (Room room : index.roomsInOrder()) {
      room(out, doc, index, room, t);
    }
    rounds(out, doc, index, t, times);
    return out.toString();
  }

  private static void participants(StringBuilder out, BoardDocument doc, Texts t) {
    List<Person> people = ExportIndex.list(doc.participants());
    out.append("## ").append(t.participants()).append("\n\n");
    Map<String, Integer> byOrg = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int without = 0;
    for (Person p : people) {
      if (p.organisation() == null || p.organisation().isBlank()) {
        without++;
      } else {
        byOrg.merge(p.organisation().strip(), 1, Integer::sum);
      }
    }
    byOrg.forEach((org, n) -> out.append("- ").append(escape(org)).append(": ").append(n).append('\n'));
    if (without > 0) {
      out.append("- _").append(t.noOrganisation()).append("_: ").append(without).append('\n');
    }
    out.append("- **").append(t.total()).append(": ").append(people.size()).append("**\n\n");
  }

  /** What was decided: each closed round with its results on the first places, most votes first. */
  private static void decisions(StringBuilder out, BoardDocument doc, ExportIndex index, Texts t) {
    out.append("## ").append(t.decided()).append("\n\n");
    List<Round> decided = index.decidedRounds();
    if (decided.isEmpty()) {
      out.append(t.noDecisions()).append("\n\n");
      return;
    }
    for (Round r : decided) {
      Room room = index.room(r.room() == null ? "main" : r.room());
      out.append("- **").append(roundTitle(doc, r, t)).append("**");
      if (room != null) {
        out.append(" — ").append(escape(ExportIndex.roomName(room, t.plenary())));
      }
      out.append('\n');
      List<ExportIndex.Placed> top = ExportIndex.top(r);
      if (top.isEmpty()) {
        out.append("  - ").append(t.noVotes()).append('\n');
      }
      Map<String, Note> notes = notesOf(room);
      for (ExportIndex.Placed p : top) {
        out.append("  - ").append(votes(p.ranked().count(), t)).append(" · ")
            .append(escape(rankedText(p.ranked(), notes), "    ")).append('\n');
      }
    }
    out.append('\n');
  }

  /** A round's title, or "Round n" (n its number in the document) when it has none. */
  private static String roundTitle(BoardDocument doc, Round r, Texts t) {
    return r.title() != null && !r.title().isBlank() ? escape(r.title())
        : String.format(t.round(), ExportIndex.list(doc.rounds()).indexOf(r) + 1);
  }

  private static String votes(int n, Texts t) {
    return "**" + n + " " + (n == 1 ? t.vote() : t.votes()) + "**";
  }

  private static Map<String, Note> notesOf(Room room) {
    Map<String, Note> notes = new HashMap<>();
    if (room != null) {
      ExportIndex.list(room.notes()).forEach(n -> notes.put(n.id(), n));
    }
    return notes;
  }

  private static void room(StringBuilder out, BoardDocument doc, ExportIndex index, Room room, Texts t) {
    out.append("## ").append(ExportIndex.PLENARY.equals(room.kind()) ? "" : t.room() + ": ")
        .append(escape(ExportIndex.roomName(room, t.plenary()))).append("\n\n");
    // The notes are ranked by the room's last closed round; the earlier ones are named beside them.
    List<Round> closed = RoomPicture.closedRounds(doc, room.id());
    Round last = closed.isEmpty() ? null : closed.get(closed.size() - 1);
    Map<Section, List<Note>> bySection = new LinkedHashMap<>();
    List<Section> sections = new ArrayList<>(ExportIndex.list(room.sections()));
    sections.sort(Comparator.comparingDouble(Section::y).thenComparingDouble(Section::x).thenComparing(Section::id));
    sections.forEach(s -> bySection.put(s, new ArrayList<>()));
    List<Note> outside = new ArrayList<>();
    for (Note n : ExportIndex.list(room.notes())) {
      Section s = ExportIndex.sectionOf(room, n);
      (s == null ? outside : bySection.get(s)).add(n);
    }
    Map<String, Integer> votes = last == null ? Map.of() : RoomPicture.votes(last);
    Comparator<Note> ranked = Comparator.comparingInt((Note n) -> -votes.getOrDefault(n.id(), 0))
        .thenComparingDouble(Note::y).thenComparingDouble(Note::x).thenComparing(Note::id);
    if (ExportIndex.list(room.notes()).isEmpty() && sections.isEmpty()) {
      out.append(t.noNotes()).append("\n\n");
      return;
    }
    if (last != null) {
      out.append('_').append(t.votesFromRound()).append(" „").append(roundTitle(doc, last, t)).append("“_\n\n");
    }
    Map<Round, Map<String, Integer>> earlier = new LinkedHashMap<>();
    closed.subList(0, Math.max(0, closed.size() - 1)).forEach(r -> earlier.put(r, RoomPicture.votes(r)));
    for (Map.Entry<Section, List<Note>> e : bySection.entrySet()) {
      String title = ExportIndex.nullToEmpty(e.getKey().title());
      out.append("### ").append(title.isBlank() ? "…" : escape(title)).append("\n\n");
      notes(out, doc, index, e.getValue(), ranked, votes, earlier, t);
    }
    if (!outside.isEmpty()) {
      out.append("### ").append(t.outsideSections()).append("\n\n");
      notes(out, doc, index, outside, ranked, votes, earlier, t);
    }
  }

  /**
   * @param votes each note's votes in the room's last closed round, in bold in front
   * @param earlier the room's earlier closed rounds and their votes, named after the note where it got any
   */
  private static void notes(StringBuilder out, BoardDocument doc, ExportIndex index, List<Note> notes,
      Comparator<Note> order, Map<String, Integer> votes, Map<Round, Map<String, Integer>> earlier, Texts t) {
    if (notes.isEmpty()) {
      out.append(t.noNotes()).append("\n\n");
      return;
    }
    notes.sort(order);
    for (Note n : notes) {
      out.append("- ");
      Integer v = votes.get(n.id());
      if (v != null && v > 0) {
        out.append(votes(v, t)).append(" · ");
      }
      out.append(escape(ExportIndex.nullToEmpty(n.text()), "  "));
      String name = index.personName(n.author());
      if (!name.isEmpty()) {
        String org = index.organisation(n.author());
        out.append(" — _").append(escape(name));
        if (!org.isEmpty()) {
          out.append(", ").append(escape(org));
        }
        out.append('_');
      }
      List<String> before = new ArrayList<>();
      earlier.forEach((round, counts) -> {
        int c = counts.getOrDefault(n.id(), 0);
        if (c > 0) {
          before.add("„" + roundTitle(doc, round, t) + "“: " + c + " " + (c == 1 ? t.vote() : t.votes()));
        }
      });
      if (!before.isEmpty()) {
        out.append(" (").append(String.join(", ", before)).append(')');
      }
      out.append('\n');
    }
    out.append('\n');
  }

  private static void rounds(StringBuilder out, BoardDocument doc, ExportIndex index, Texts t,
      DateTimeFormatter times) {
    List<Round> rounds = ExportIndex.list(doc.rounds());
    out.append("## ").append(t.rounds()).append("\n\n");
    if (rounds.isEmpty()) {
      out.append(t.noRounds()).append('\n');
      return;
    }
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      String title = r.title() != null && !r.title().isBlank() ? escape(r.title()) : String.format(t.round(), i + 1);
      out.append("### ").append(title).append("\n\n");
      Room room = index.room(r.room());
      String roomName = room == null ? ExportIndex.nullToEmpty(r.room()) : ExportIndex.roomName(room, t.plenary());
      out.append("- ").append(t.room()).append(": ").append(escape(roomName)).append('\n');
      out.append("- ").append(t.scope()).append(": ");
      if (r.sections() == null || r.sections().isEmpty()) {
        out.append(t.wholeRoom());
      } else {
        List<String> names = new ArrayList<>();
        for (String id : r.sections()) {
          Section s = room == null ? null : ExportIndex.list(room.sections()).stream()
              .filter(x -> x.id().equals(id)).findFirst().orElse(null);
          names.add(escape(s == null || s.title() == null ? id : s.title()));
        }
        out.append(t.sections()).append(' ').append(String.join(", ", names));
      }
      out.append('\n');
      out.append("- ").append(t.votesPerPerson()).append(": ").append(r.votesPerParticipant()).append('\n');
      out.append("- ").append(t.maxPerNote()).append(": ").append(r.maxPerNote()).append('\n');
      out.append("- ").append(r.anonymous() ? t.anonymous() : t.named()).append('\n');
      boolean closed = ExportIndex.CLOSED.equals(r.status());
      out.append("- ").append(closed ? t.closed() : t.open());
      Long at = closed ? r.closedAt() : Long.valueOf(r.startedAt());
      if (at != null) {
        out.append(": ").append(times.format(Instant.ofEpochMilli(at)));
      }
      out.append('\n');
      if (!closed || r.results() == null) {
        out.append('\n');
        continue;
      }
      out.append("- ").append(t.voters()).append(": ").append(r.results().voters()).append(", ")
          .append(t.votes()).append(": ").append(r.results().votes()).append('\n');
      String grouping = t.organisations().note(r.results().grouping());
      if (grouping != null) {
        out.append("- ").append(escape(grouping)).append('\n');
      }
      out.append('\n');
      List<Ranked> ranking = new ArrayList<>(ExportIndex.list(r.results().ranking()));
      ranking.removeIf(k -> k.count() == 0);
      ranking.sort(Comparator.comparingInt((Ranked k) -> -k.count()));
      if (ranking.isEmpty()) {
        out.append(t.noVotes()).append("\n\n");
        continue;
      }
      Map<String, Note> notes = notesOf(room);
      int place = 0;
      for (Ranked k : ranking) {
        place++;
        out.append(place).append(". **").append(k.count()).append(' ').append(k.count() == 1 ? t.vote() : t.votes())
            .append("** · ");
        out.append(escape(rankedText(k, notes), "   "));
        Map<String, Integer> figures = t.organisations().figures(k, org -> org);
        if (!figures.isEmpty()) {
          List<String> parts = new ArrayList<>();
          figures.forEach((org, n) -> parts.add(escape(org) + ": " + n));
          out.append(" (").append(t.byOrganisation()).append(": ").append(String.join(", ", parts)).append(')');
        }
        if (!r.anonymous() && k.voters() != null && !k.voters().isEmpty()) {
          List<String> names = new ArrayList<>();
          for (String id : k.voters()) {
            String name = index.personName(id);
            names.add(escape(name.isEmpty() ? id : name));
          }
          out.append(" — ").append(t.voters()).append(": ").append(String.join(", ", names));
        }
        out.append('\n');
      }
      out.append('\n');
    }
  }

  private static String rankedText(Ranked k, Map<String, Note> notes) {
    Note n = notes.get(k.note());
    if (n != null) {
      return ExportIndex.nullToEmpty(n.text());
    }
    return k.text() != null ? k.text() : k.note();
  }

  static String escape(String text) {
    return escape(text, "");
  }

  /**
   * Text that Markdown shows literally: every ASCII punctuation character that could be markup
   * gets a backslash; line breaks become hard breaks ({@code \} at the end of the line) with the
   * next line indented by {@code indent}, so a note stays one list item.
   */
  static String escape(String text, String indent) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        b.append("\\\n").append(indent);
      }
      String line = lines[i];
      for (int j = 0; j < line.length(); j++) {
        char c = line.charAt(j);
        if (MARKUP.indexOf(c) >= 0) {
          b.append('\\');
        }
        if (c == '\t') {
          b.append(' ');
          continue;
        }
        b.append(c);
      }
    }
    return b.toString();
  }
}
