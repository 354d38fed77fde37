package io.werkraum.export;

import io.werkraum.board.Sections;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The workshop report as PDF (A4, Apache PDFBox): title, date and time, attendance per
 * organisation, each room's picture and its notes by section with the votes of its last closed
 * round, the results harvested from breakout rooms, and every voting round with its settings
 * and ranked results per organisation (voter names only for named rounds). DejaVu Sans is
 * embedded (subset) from the server's resources, so umlauts, ß, Greek and Cyrillic come out
 * right on any machine.
 */
public final class PdfExport {
  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 50;
  private static final float TOP = PAGE.getHeight() - MARGIN;
  private static final float BOTTOM = 60;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
  /** Pixels per point of the room pictures. */
  private static final double PICTURE_DPP = 3;
  private static final float PICTURE_MAX_HEIGHT = 560;

  private static final float[] TEXT = {0.10f, 0.12f, 0.14f};
  private static final float[] MUTED = {0.29f, 0.33f, 0.38f};
  private static final float[] PRIMARY = {0.12f, 0.31f, 0.47f};

  static {
    ExportFonts.ensureHeadless();
  }

  private PdfExport() {}

  /** The report in the server's time zone. */
  /** @param keptDays how many days after its last activity the board is deleted, said at the top; null to leave it out */
  public static byte[] write(BoardDocument doc, ReportLabels labels, Integer keptDays) {
    return write(doc, labels, ZoneId.systemDefault(), keptDays);
  }

  public static byte[] write(BoardDocument doc, ReportLabels labels, ZoneId zone) {
    return write(doc, labels, zone, null);
  }

  public static byte[] write(BoardDocument doc, ReportLabels labels, ZoneId zone, Integer keptDays) {
    try (PDDocument pdf = new PDDocument()) {
      PDType0Font regular;
      PDType0Font bold;
      try (InputStream in = ExportFonts.open(ExportFonts.REGULAR)) {
        regular = PDType0Font.load(pdf, in, true);
      }
      try (InputStream in = ExportFonts.open(ExportFonts.BOLD)) {
        bold = PDType0Font.load(pdf, in, true);
      }
      String title = clean(doc.title() == null || doc.title().isBlank() ? labels.report() : doc.title());
      pdf.getDocumentInformation().setTitle(title);
      pdf.getDocumentInformation().setCreator("Werkraum");
      Writer w = new Writer(pdf, regular, bold);
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
    private final DateTimeFormatter dates;
    private final Writer w;
    private final Map<String, BoardDocument.Person> people = new HashMap<>();
    private final Map<String, String> roomNames = new HashMap<>();

    Report(BoardDocument doc, ReportLabels labels, ZoneId zone, Writer w) {
      this.doc = doc;
      this.l = labels;
      this.dates = DateTimeFormatter.ofPattern(labels.datePattern(), labels.locale()).withZone(zone);
      this.w = w;
      for (BoardDocument.Person p : list(doc.participants())) {
        people.put(p.id(), p);
      }
      for (BoardDocument.Room r : list(doc.rooms())) {
        roomNames.put(r.id(), ExportIndex.roomName(r, l.plenary()));
      }
    }

    void write(String title, Integer keptDays) throws IOException {
      w.text(l.report(), false, 11, 0, MUTED);
      w.text(title, true, 22, 0, TEXT);
      w.gap(4);
      w.text(l.exportedAt() + " " + date(doc.exportedAt()), false, 10, 0, TEXT);
      if (doc.createdAt() > 0) {
        w.text(l.createdAt() + " " + date(doc.createdAt()), false, 10, 0, TEXT);
      }
      if (doc.snapshot() != null) {
        w.text(l.snapshot() + ": " + nz(doc.snapshot().name()) + " (" + date(doc.snapshot().takenAt()) + ")", false,
            10, 0, TEXT);
      }
      if (keptDays != null) {
        w.text(String.format(l.retention(), keptDays), false, 10, 0, TEXT);
      }
      // What was decided comes first; who took part, the rooms and their notes follow.
      rounds();
      w.newPage();
      attendance();
      for (BoardDocument.Room room : list(doc.rooms())) {
        room(room);
      }
      harvested();
    }

    private void attendance() throws IOException {
      w.heading(l.attendance(), 15);
      Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (BoardDocument.Person p : list(doc.participants())) {
        sorted.computeIfAbsent(org(p.organisation()), k -> new ArrayList<>()).add(nz(p.name()));
      }
      Map<String, List<String>> byOrg = new LinkedHashMap<>(sorted);
      w.text(l.participantsTotal() + ": " + list(doc.participants()).size(), true, 10, 0, TEXT);
      List<String> none = byOrg.remove(l.noOrganisation());
      if (none != null) {
        byOrg.put(l.noOrganisation(), none); // "no organisation" last
      }
      for (Map.Entry<String, List<String>> e : byOrg.entrySet()) {
        w.text(e.getKey() + ": " + e.getValue().size(), false, 10, 10, TEXT);
        w.text(String.join(", ", e.getValue()), false, 8.5f, 20, MUTED);
      }
    }

    private void room(BoardDocument.Room room) throws IOException {
      w.newPage();
      String kind = "breakout".equals(room.kind()) ? l.breakout() : l.plenary();
      w.text(l.room() + " · " + kind, false, 10, 0, MUTED);
      w.text(ExportIndex.roomName(room, l.plenary()), true, 17, 0, TEXT);
      w.gap(6);
      BoardDocument.Round round = RoomPicture.lastClosedRound(doc, room.id());
      Map<String, Integer> votes = RoomPicture.votes(round);
      RoomPicture pic = RoomPicture.of(RoomPicture.shown(doc, room), votes, WIDTH * PICTURE_DPP, PICTURE_MAX_HEIGHT * PICTURE_DPP,
          PICTURE_DPP);
      BufferedImage image = PngExport.render(pic);
      w.image(image, (float) (pic.width() / PICTURE_DPP), (float) (pic.height() / PICTURE_DPP));
      w.gap(8);
      if (round != null) {
        w.text(l.votesFromRound() + " „" + nz(round.title()) + "“", false, 9, 0, MUTED);
      }
      // Every closed round of the room, each note's votes in each: not only the last round's.
      List<RoundVotes> roundVotes = new ArrayList<>();
      for (BoardDocument.Round r : RoomPicture.closedRounds(doc, room.id())) {
        roundVotes.add(new RoundVotes(r, RoomPicture.votes(r)));
      }
      List<BoardDocument.Note> notes = list(room.notes());
      if (notes.isEmpty()) {
        w.text(l.noNotes(), false, 10, 0, MUTED);
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
        w.heading(nz(e.getKey().title()), 12.5f);
        notes(e.getValue(), roundVotes);
      }
      if (!outside.isEmpty()) {
        outside.sort(reading);
        w.heading(l.outsideSections(), 12.5f);
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
      for (BoardDocument.Note n : notes) {
        w.keep(30);
        w.text(nz(n.text()), false, 10, 10, TEXT);
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
          w.text(String.join(" · ", meta), false, 8, 10, MUTED);
        }
        w.gap(4);
      }
    }

    private void harvested() throws IOException {
      Map<String, List<String[]>> byOrigin = new LinkedHashMap<>();
      for (BoardDocument.Room room : list(doc.rooms())) {
        for (BoardDocument.Note n : list(room.notes())) {
          String from = origin(n.origin());
          if (from != null) {
            byOrigin.computeIfAbsent(from, k -> new ArrayList<>()).add(new String[] {nz(n.text()), nz(room.name())});
          }
        }
      }
      if (byOrigin.isEmpty()) {
        return;
      }
      w.newPage();
      w.heading(l.harvested(), 15);
      for (Map.Entry<String, List<String[]>> e : byOrigin.entrySet()) {
        w.heading(e.getKey(), 12.5f);
        for (String[] note : e.getValue()) {
          w.keep(30);
          w.text(note[0], false, 10, 10, TEXT);
          w.text("→ " + note[1], false, 8, 10, MUTED);
          w.gap(4);
        }
      }
    }

    private void rounds() throws IOException {
      w.gap(10);
      w.heading(l.rounds(), 15);
      List<BoardDocument.Round> rounds = list(doc.rounds());
      if (rounds.isEmpty()) {
        w.text(l.noRounds(), false, 10, 0, MUTED);
        return;
      }
      for (BoardDocument.Round r : rounds) {
        w.keep(120);
        w.gap(6);
        w.text(l.round() + ": " + nz(r.title()), true, 13, 0, PRIMARY);
        w.text(l.votesPerParticipant() + ": " + r.votesPerParticipant() + " · " + l.maxPerNote() + ": "
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
        w.text(l.room() + ": " + nz(roomNames.getOrDefault(room, room)) + " · " + l.sections() + ": "
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
        w.text(when.toString(), false, 9, 0, TEXT);
        BoardDocument.Results res = r.results();
        if (res == null || res.ranking() == null) {
          w.text(l.noResults(), false, 9, 0, MUTED);
          continue;
        }
        w.text(String.format(l.locale(), l.resultsSummary(), res.votes(), res.voters()), false, 9, 0, TEXT);
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
        if (!orgTotals.isEmpty() || otherTotal != null) {
          w.text(l.byOrganisation() + ":", false, 9, 0, TEXT);
          for (Map.Entry<String, Integer> e : orgTotals.entrySet()) {
            w.text(e.getKey() + ": " + e.getValue(), false, 9, 10, TEXT);
          }
          if (otherTotal != null) {
            // The group counted together comes last, whatever its name sorts as.
            w.text(l.organisations().other() + ": " + otherTotal, false, 9, 10, TEXT);
          }
        }
        String grouping = l.organisations().note(res.grouping());
        if (grouping != null) {
          w.text(grouping, false, 9, 0, MUTED);
        }
        w.gap(4);
        w.text(l.ranking(), true, 10.5f, 0, TEXT);
        int place = 0;
        int prev = Integer.MIN_VALUE;
        int index = 0;
        for (BoardDocument.Ranked k : res.ranking()) {
          index++;
          if (k.count() != prev) {
            place = index;
            prev = k.count();
          }
          w.keep(40);
          w.text(place + ". " + nz(k.text()) + " — " + l.votes(k.count()), false, 10, 0, TEXT);
          Map<String, Integer> figures = l.organisations().figures(k, this::org);
          if (!figures.isEmpty()) {
            List<Map.Entry<String, Integer>> sorted = new ArrayList<>(figures.entrySet());
            sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed()); // most votes first
            for (Map.Entry<String, Integer> e : sorted) {
              w.text(e.getKey() + ": " + e.getValue(), false, 8.5f, 16, MUTED);
            }
          }
          // Voter names only for named rounds, even if a document carried them for another.
          if (!r.anonymous() && k.voters() != null && !k.voters().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String id : k.voters()) {
              BoardDocument.Person p = people.get(id);
              names.add(p == null ? id : nz(p.name()));
            }
            w.text(l.votedBy() + ": " + String.join(", ", names), false, 8.5f, 16, MUTED);
          }
          w.gap(3);
        }
      }
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

  /** Lays out text and pictures top to bottom over as many pages as they need. */
  private static final class Writer {
    private final PDDocument pdf;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Map<Integer, Boolean> regularGlyphs = new HashMap<>();
    private final Map<Integer, Boolean> boldGlyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;

    Writer(PDDocument pdf, PDType0Font regular, PDType0Font bold) throws IOException {
      this.pdf = pdf;
      this.regular = regular;
      this.bold = bold;
      newPage();
    }

    void newPage() throws IOException {
      if (cs != null && y == TOP) {
        return; // already on a fresh page
      }
      if (cs != null) {
        cs.close();
      }
      PDPage page = new PDPage(PAGE);
      pdf.addPage(page);
      cs = new PDPageContentStream(pdf, page);
      y = TOP;
    }

    /** Starts a new page unless {@code height} points are left on this one. */
    void keep(float height) throws IOException {
      if (y - height < BOTTOM) {
        newPage();
      }
    }

    void gap(float height) {
      y -= height;
    }

    void heading(String text, float size) throws IOException {
      keep(size * 1.3f + 40);
      gap(size * 0.8f);
      text(text, true, size, 0, TEXT);
      gap(size * 0.25f);
    }

    /** Text wrapped to the width less the indent; line breaks in it are kept. */
    void text(String text, boolean isBold, float size, float indent, float[] rgb) throws IOException {
      PDType0Font font = isBold ? bold : regular;
      String clean = safe(text, isBold);
      float leading = size * 1.35f;
      for (String line : wrap(clean, font, size, WIDTH - indent)) {
        if (y - leading < BOTTOM) {
          newPage();
        }
        y -= leading;
        if (!line.isEmpty()) {
          cs.beginText();
          cs.setFont(font, size);
          cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
          cs.newLineAtOffset(MARGIN + indent, y + size * 0.25f);
          cs.showText(line);
          cs.endText();
        }
      }
    }

    void image(BufferedImage image, float width, float height) throws IOException {
      if (y - height < BOTTOM) {
        newPage();
      }
      PDImageXObject x = LosslessFactory.createFromImage(pdf, image);
      y -= height;
      cs.drawImage(x, MARGIN, y, width, height);
    }

    /** Page numbers on every page, then done. */
    void finish(ReportLabels labels) throws IOException {
      cs.close();
      cs = null;
      int total = pdf.getNumberOfPages();
      for (int i = 0; i < total; i++) {
        PDPage page = pdf.getPage(i);
        try (PDPageContentStream footer =
            new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
          String text = String.format(labels.locale(), labels.page(), i + 1, total);
          float size = 8.5f;
          float width = regular.getStringWidth(text) / 1000 * size;
          footer.beginText();
          footer.setFont(regular, size);
          footer.setNonStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
          footer.newLineAtOffset((PAGE.getWidth() - width) / 2, 30);
          footer.showText(text);
          footer.endText();
        }
      }
    }

    /** The text with only what the font has: others as '?', control characters dropped. */
    private String safe(String text, boolean isBold) {
      String printable = ExportFonts.printable(text, null);
      PDType0Font font = isBold ? bold : regular;
      Map<Integer, Boolean> known = isBold ? boldGlyphs : regularGlyphs;
      StringBuilder sb = new StringBuilder(printable.length());
      for (int i = 0; i < printable.length(); ) {
        int cp = printable.codePointAt(i);
        i += Character.charCount(cp);
        if (cp == '\n' || cp == ' ') {
          sb.appendCodePoint(cp);
          continue;
        }
        boolean ok = known.computeIfAbsent(cp, c -> {
          try {
            return font.encode(new String(Character.toChars(c))).length > 0;
          } catch (IOException | IllegalArgumentException e) {
            return false;
          }
        });
        if (ok) {
          sb.appendCodePoint(cp);
        } else {
          sb.append('?');
        }
      }
      return sb.toString();
    }

    private static List<String> wrap(String text, PDType0Font font, float size, float maxWidth) throws IOException {
      List<String> lines = new ArrayList<>();
      float space = width(" ", font, size);
      for (String para : text.split("\n", -1)) {
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String word : para.split(" +")) {
          if (word.isEmpty()) {
            continue;
          }
          float ww = width(word, font, size);
          if (line.length() > 0 && lineWidth + space + ww <= maxWidth) {
            line.append(' ').append(word);
            lineWidth += space + ww;
            continue;
          }
          if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
            lineWidth = 0;
          }
          String rest = word;
          while (ww > maxWidth && rest.length() > 1) {
            int cut = rest.offsetByCodePoints(0, 1);
            while (cut < rest.length()) {
              int next = rest.offsetByCodePoints(cut, 1);
              if (width(rest.substring(0, next), font, size) > maxWidth) {
                break;
              }
              cut = next;
            }
            if (cut >= rest.length()) {
              break;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
            ww = width(rest, font, size);
          }
          line.append(rest);
          lineWidth = ww;
        }
        lines.add(line.toString());
      }
      return lines;
    }

    private static float width(String s, PDType0Font font, float size) throws IOException {
      return font.getStringWidth(s) / 1000 * size;
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
