package io.werkraum.export;

import io.werkraum.board.Sections;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * The workshop report as PDF (A4, Apache PDFBox), tagged for screen readers (PDF/UA-1, see
 * {@link ReportPages}). It reads like minutes: a summary page first (title, date, who took part
 * per organisation, what each closed round decided), then the detail: every voting round with
 * its settings and ranked results per organisation (voter names only for named rounds), each
 * room's picture and its notes by section with their votes in each closed round, and the results
 * harvested from breakout rooms. Times are in the given zone and say so. DejaVu Sans is embedded
 * (subset) from the server's resources, so umlauts, ß, Greek and Cyrillic come out right on any
 * machine.
 */
public final class PdfExport {
  private static final float WIDTH = ReportPages.WIDTH;
  private static final float[] TEXT = ReportPages.TEXT;
  private static final float[] MUTED = ReportPages.MUTED;
  private static final float[] PRIMARY = ReportPages.PRIMARY;
  /** Pixels per point of the room pictures. */
  private static final double PICTURE_DPP = 3;
  private static final float PICTURE_MAX_HEIGHT = 560;
  /** The room a list label ("12.") takes before the item's text. */
  private static final float PLACE_WIDTH = 22;
  private static final float BULLET_WIDTH = 10;

  static {
    ExportFonts.ensureHeadless();
  }

  private PdfExport() {}

  public static byte[] write(BoardDocument doc, ReportLabels labels, ZoneId zone) {
    return write(doc, labels, zone, null);
  }

  /**
   * @param zone the time zone the report's times are shown in (and named)
   * @param keptDays how many days after its last activity the board is deleted, said at the top; null to leave it out
   */
  public static byte[] write(BoardDocument doc, ReportLabels labels, ZoneId zone, Integer keptDays) {
    try (PDDocument pdf = new PDDocument()) {
      String title = clean(doc.title() == null || doc.title().isBlank() ? labels.report() : doc.title());
      ReportPages w = new ReportPages(pdf, title, labels.locale().getLanguage());
      new Report(doc, labels, zone, w).write(title, keptDays);
      w.finish(labels);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contents of the report, top to bottom. */
  private static final class Report {
    private final BoardDocument doc;
    private final ReportLabels l;
    private final ZoneId zone;
    private final DateTimeFormatter dates;
    private final ReportPages w;
    private final ExportIndex index;
    private final Map<String, BoardDocument.Person> people = new HashMap<>();
    private final Map<String, String> roomNames = new HashMap<>();

    Report(BoardDocument doc, ReportLabels labels, ZoneId zone, ReportPages w) {
      this.doc = doc;
      this.l = labels;
      this.zone = zone;
      this.dates = DateTimeFormatter.ofPattern(labels.datePattern(), labels.locale()).withZone(zone);
      this.w = w;
      this.index = new ExportIndex(doc);
      for (BoardDocument.Person p : list(doc.participants())) {
        people.put(p.id(), p);
      }
      for (BoardDocument.Room r : list(doc.rooms())) {
        roomNames.put(r.id(), ExportIndex.roomName(r, l.plenary()));
      }
    }

    void write(String title, Integer keptDays) throws IOException {
      // The summary page: what someone who was not there reads first.
      w.paragraph(l.report(), false, 11, 0, MUTED);
      w.text(StandardStructureTypes.H1, title, true, 22, 0, TEXT);
      w.gap(4);
      w.paragraph(l.exportedAt() + " " + date(doc.exportedAt()), false, 10, 0, TEXT);
      if (doc.createdAt() > 0) {
        w.paragraph(l.createdAt() + " " + date(doc.createdAt()), false, 10, 0, TEXT);
      }
      if (doc.snapshot() != null) {
        w.paragraph(l.snapshot() + ": " + nz(doc.snapshot().name()) + " (" + date(doc.snapshot().takenAt()) + ")",
            false, 10, 0, TEXT);
      }
      w.paragraph(String.format(l.timeZone(), zone.getId()), false, 10, 0, TEXT);
      if (keptDays != null) {
        w.paragraph(String.format(l.retention(), keptDays), false, 10, 0, TEXT);
      }
      attendance();
      decisions();
      // The detail.
      w.newPage();
      rounds();
      for (BoardDocument.Room room : list(doc.rooms())) {
        room(room);
      }
      harvested();
    }

    /** Who took part: a table of the organisations with their people, "no organisation" last. */
    private void attendance() throws IOException {
      w.heading(2, l.attendance(), 15);
      Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (BoardDocument.Person p : list(doc.participants())) {
        sorted.computeIfAbsent(org(p.organisation()), k -> new ArrayList<>()).add(nz(p.name()));
      }
      Map<String, List<String>> byOrg = new LinkedHashMap<>(sorted);
      List<String> none = byOrg.remove(l.noOrganisation());
      if (none != null) {
        byOrg.put(l.noOrganisation(), none);
      }
      if (!byOrg.isEmpty()) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {l.organisation(), l.people(), l.names()});
        byOrg.forEach((org, names) -> rows.add(new String[] {org, Integer.toString(names.size()), String.join(", ", names)}));
        w.table(0, new float[] {170, 60, WIDTH - 230}, 9.5f, rows);
      }
      w.gap(4);
      w.paragraph(l.participantsTotal() + ": " + list(doc.participants()).size(), true, 10, 0, TEXT);
    }

    /** What was decided: each closed round's results on the first places. */
    private void decisions() throws IOException {
      w.heading(2, l.decided(), 15);
      List<BoardDocument.Round> decided = index.decidedRounds();
      if (decided.isEmpty()) {
        w.paragraph(l.noDecisions(), false, 10, 0, MUTED);
        return;
      }
      for (BoardDocument.Round r : decided) {
        w.heading(3, nz(r.title()), 12.5f);
        String room = r.room() == null ? "main" : r.room();
        w.paragraph(l.room() + ": " + nz(roomNames.getOrDefault(room, room)) + " · "
            + String.format(l.locale(), l.resultsSummary(), r.results().votes(), r.results().voters()), false, 9, 0, MUTED);
        List<ExportIndex.Placed> top = ExportIndex.top(r);
        if (top.isEmpty()) {
          w.paragraph(l.noResults(), false, 10, 0, MUTED);
          continue;
        }
        ranked(top, 10);
      }
    }

    /** A ranked list: each result's place, its text and votes. */
    private void ranked(List<ExportIndex.Placed> results, float size) throws IOException {
      w.begin(StandardStructureTypes.L);
      for (ExportIndex.Placed p : results) {
        w.keep(size * 3);
        w.item(p.place() + ".", PLACE_WIDTH, nz(p.ranked().text()) + " — " + l.votes(p.ranked().count()), false, size,
            0, TEXT);
        w.endItem();
      }
      w.end();
    }

    private void room(BoardDocument.Room room) throws IOException {
      w.newPage();
      String kind = "breakout".equals(room.kind()) ? l.breakout() : l.plenary();
      w.paragraph(l.room() + " · " + kind, false, 10, 0, MUTED);
      String name = ExportIndex.roomName(room, l.plenary());
      w.text(StandardStructureTypes.H2, name, true, 17, 0, TEXT);
      w.gap(6);
      BoardDocument.Round round = RoomPicture.lastClosedRound(doc, room.id());
      Map<String, Integer> votes = RoomPicture.votes(round);
      BoardDocument.Room shown = RoomPicture.shown(doc, room);
      RoomPicture pic = RoomPicture.of(shown, votes, WIDTH * PICTURE_DPP, PICTURE_MAX_HEIGHT * PICTURE_DPP, PICTURE_DPP);
      BufferedImage image = PngExport.render(pic);
      w.figure(image, (float) (pic.width() / PICTURE_DPP), (float) (pic.height() / PICTURE_DPP),
          String.format(l.locale(), l.picture(), name, list(shown.sections()).size(), list(shown.notes()).size()));
      w.gap(8);
      if (round != null) {
        w.paragraph(l.votesFromRound() + " „" + nz(round.title()) + "“", false, 9, 0, MUTED);
      }
      // Every closed round of the room, each note's votes in each: not only the last round's.
      List<RoundVotes> roundVotes = new ArrayList<>();
      for (BoardDocument.Round r : RoomPicture.closedRounds(doc, room.id())) {
        roundVotes.add(new RoundVotes(r, RoomPicture.votes(r)));
      }
      List<BoardDocument.Note> notes = list(room.notes());
      if (notes.isEmpty()) {
        w.paragraph(l.noNotes(), false, 10, 0, MUTED);
        return;
      }
      List<BoardDocument.Section> sections = new ArrayList<>(list(room.sections()));
      sections.sort(Comparator.comparingDouble(BoardDocument.Section::y).thenComparingDouble(BoardDocument.Section::x));
      Map<BoardDocument.Section, List<BoardDocument.Note>> bySection = new LinkedHashMap<>();
      for (BoardDocument.Section s : sections) {
        bySection.put(s, new ArrayList<>());
      }
      List<BoardDocument.Note> outside = new ArrayList<>();
      for (BoardDocument.Note n : notes) {
        BoardDocument.Section home = Sections.home(n, sections);
        (home == null ? outside : bySection.get(home)).add(n);
      }
      Comparator<BoardDocument.Note> reading =
          Comparator.comparingDouble(BoardDocument.Note::y).thenComparingDouble(BoardDocument.Note::x);
      for (Map.Entry<BoardDocument.Section, List<BoardDocument.Note>> e : bySection.entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        e.getValue().sort(reading);
        w.heading(3, nz(e.getKey().title()), 12.5f);
        notes(e.getValue(), roundVotes);
      }
      if (!outside.isEmpty()) {
        outside.sort(reading);
        w.heading(3, l.outsideSections(), 12.5f);
        notes(outside, roundVotes);
      }
    }

    /** A closed round of a room and the votes each note got in it. */
    private record RoundVotes(BoardDocument.Round round, Map<String, Integer> votes) {}

    /**
     * Each note with its author, its votes (with one closed round in the room: its count; with
     * several: the count in each round it got votes in, named) and where it was harvested from.
     */
    private void notes(List<BoardDocument.Note> notes, List<RoundVotes> rounds) throws IOException {
      w.begin(StandardStructureTypes.L);
      for (BoardDocument.Note n : notes) {
        w.keep(30);
        w.item("•", BULLET_WIDTH, nz(n.text()), false, 10, 0, TEXT);
        List<String> meta = new ArrayList<>();
        BoardDocument.Person author = n.author() == null ? null : people.get(n.author());
        if (author != null && !nz(author.name()).isBlank()) {
          meta.add(author.name());
        }
        if (rounds.size() == 1) {
          meta.add(l.votes(rounds.get(0).votes().getOrDefault(n.id(), 0)));
        } else {
          for (RoundVotes r : rounds) {
            int v = r.votes().getOrDefault(n.id(), 0);
            if (v > 0) {
              meta.add("„" + nz(r.round().title()) + "“: " + l.votes(v));
            }
          }
        }
        String from = origin(n.origin());
        if (from != null) {
          meta.add(l.harvestedFrom() + " " + from);
        }
        if (!meta.isEmpty()) {
          w.paragraph(String.join(" · ", meta), false, 8, BULLET_WIDTH, MUTED);
        }
        w.endItem();
        w.gap(4);
      }
      w.end();
    }

    private void harvested() throws IOException {
      Map<String, List<String[]>> byOrigin = new LinkedHashMap<>();
      for (BoardDocument.Room room : list(doc.rooms())) {
        for (BoardDocument.Note n : list(room.notes())) {
          String from = origin(n.origin());
          if (from != null) {
            byOrigin.computeIfAbsent(from, k -> new ArrayList<>())
                .add(new String[] {nz(n.text()), ExportIndex.roomName(room, l.plenary())});
          }
        }
      }
      if (byOrigin.isEmpty()) {
        return;
      }
      w.newPage();
      w.heading(2, l.harvested(), 15);
      for (Map.Entry<String, List<String[]>> e : byOrigin.entrySet()) {
        w.heading(3, e.getKey(), 12.5f);
        w.begin(StandardStructureTypes.L);
        for (String[] note : e.getValue()) {
          w.keep(30);
          w.item("•", BULLET_WIDTH, note[0], false, 10, 0, TEXT);
          w.paragraph("→ " + note[1], false, 8, BULLET_WIDTH, MUTED);
          w.endItem();
          w.gap(4);
        }
        w.end();
      }
    }

    private void rounds() throws IOException {
      w.heading(2, l.rounds(), 15);
      List<BoardDocument.Round> rounds = list(doc.rounds());
      if (rounds.isEmpty()) {
        w.paragraph(l.noRounds(), false, 10, 0, MUTED);
        return;
      }
      for (BoardDocument.Round r : rounds) {
        w.keep(120);
        w.gap(6);
        w.text(StandardStructureTypes.H3, l.round() + ": " + nz(r.title()), true, 13, 0, PRIMARY);
        w.paragraph(l.votesPerParticipant() + ": " + r.votesPerParticipant() + " · " + l.maxPerNote() + ": "
            + r.maxPerNote() + " · " + (r.anonymous() ? l.anonymous() : l.named()), false, 9, 0, TEXT);
        String room = r.room() == null ? "main" : r.room();
        List<String> sectionTitles = new ArrayList<>();
        if (r.sections() != null) {
          Map<String, String> titles = new HashMap<>();
          for (BoardDocument.Room rm : list(doc.rooms())) {
            for (BoardDocument.Section s : list(rm.sections())) {
              titles.put(s.id(), s.title());
            }
          }
          for (String id : r.sections()) {
            sectionTitles.add(nz(titles.getOrDefault(id, id)));
          }
        }
        w.paragraph(l.room() + ": " + nz(roomNames.getOrDefault(room, room)) + " · " + l.sections() + ": "
            + (sectionTitles.isEmpty() ? l.allSections() : String.join(", ", sectionTitles)), false, 9, 0, TEXT);
        String status = "closed".equals(r.status()) ? l.statusClosed() : "open".equals(r.status()) ? l.statusOpen()
            : nz(r.status());
        StringBuilder when = new StringBuilder(l.status() + ": " + status);
        if (r.startedAt() > 0) {
          when.append(" · ").append(l.started()).append(": ").append(date(r.startedAt()));
        }
        if (r.closedAt() != null) {
          when.append(" · ").append(l.closed()).append(": ").append(date(r.closedAt()));
        }
        w.paragraph(when.toString(), false, 9, 0, TEXT);
        BoardDocument.Results res = r.results();
        if (res == null || res.ranking() == null) {
          w.paragraph(l.noResults(), false, 9, 0, MUTED);
          continue;
        }
        w.paragraph(String.format(l.locale(), l.resultsSummary(), res.votes(), res.voters()), false, 9, 0, TEXT);
        organisationTotals(res);
        String grouping = l.organisations().note(res.grouping());
        if (grouping != null) {
          w.paragraph(grouping, false, 9, 0, MUTED);
        }
        w.gap(4);
        w.paragraph(l.ranking(), true, 10.5f, 0, TEXT);
        ranking(r);
      }
    }

    /** The round's votes per organisation, the group counted together last, whatever its name sorts as. */
    private void organisationTotals(BoardDocument.Results res) throws IOException {
      Map<String, Integer> orgTotals = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      Integer otherTotal = null;
      for (BoardDocument.Ranked k : res.ranking()) {
        if (k.byOrganisation() != null) {
          k.byOrganisation().forEach((org, c) -> orgTotals.merge(org(org), c, Integer::sum));
        }
        if (k.otherOrganisations() != null) {
          otherTotal = (otherTotal == null ? 0 : otherTotal) + k.otherOrganisations();
        }
      }
      if (orgTotals.isEmpty() && otherTotal == null) {
        return;
      }
      w.paragraph(l.byOrganisation() + ":", false, 9, 0, TEXT);
      for (Map.Entry<String, Integer> e : orgTotals.entrySet()) {
        w.paragraph(e.getKey() + ": " + e.getValue(), false, 9, 10, TEXT);
      }
      if (otherTotal != null) {
        w.paragraph(l.organisations().other() + ": " + otherTotal, false, 9, 10, TEXT);
      }
    }

    /** Every result of a round with its place, its figures per organisation and, for named rounds, who voted. */
    private void ranking(BoardDocument.Round r) throws IOException {
      w.begin(StandardStructureTypes.L);
      for (ExportIndex.Placed p : ExportIndex.placed(r)) {
        BoardDocument.Ranked k = p.ranked();
        w.keep(40);
        w.item(p.place() + ".", PLACE_WIDTH, nz(k.text()) + " — " + l.votes(k.count()), false, 10, 0, TEXT);
        Map<String, Integer> figures = l.organisations().figures(k, this::org);
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(figures.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed()); // most votes first
        for (Map.Entry<String, Integer> e : sorted) {
          w.paragraph(e.getKey() + ": " + e.getValue(), false, 8.5f, PLACE_WIDTH, MUTED);
        }
        // Voter names only for named rounds, even if a document carried them for another.
        if (!r.anonymous() && k.voters() != null && !k.voters().isEmpty()) {
          List<String> names = new ArrayList<>();
          for (String id : k.voters()) {
            BoardDocument.Person person = people.get(id);
            names.add(person == null ? id : nz(person.name()));
          }
          w.paragraph(l.votedBy() + ": " + String.join(", ", names), false, 8.5f, PLACE_WIDTH, MUTED);
        }
        w.endItem();
        w.gap(3);
      }
      w.end();
    }

    private String date(long ms) {
      return dates.format(Instant.ofEpochMilli(ms));
    }

    private String org(String organisation) {
      return organisation == null || organisation.isBlank() ? l.noOrganisation() : organisation;
    }

    private static String origin(Map<String, Object> origin) {
      if (origin == null) {
        return null;
      }
      Object name = origin.get("roomName");
      if (name == null) {
        name = origin.get("room");
      }
      return name == null ? null : name.toString();
    }
  }

  private static String clean(String s) {
    return ExportFonts.printable(s, null).replace('\n', ' ');
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
