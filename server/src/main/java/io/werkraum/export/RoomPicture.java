package io.werkraum.export;

import io.werkraum.protocol.Palette;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a picture of one room as it looks on the board, shared by the SVG and PNG
 * exports (and the PDF report, which draws the PNG rendering): the bounding box of its
 * sections and notes plus a margin, scaled to fit a maximum size; sections as titled light
 * rectangles under the notes; notes as coloured rectangles with their text wrapped and clipped
 * to the note, the author small at the bottom and, when votes are given, a badge with the count.
 *
 * <p>All boxes are in board units; a renderer maps them with {@link #scale()} after moving
 * {@link #originX()}/{@link #originY()} to 0. Text is measured with the shipped DejaVu Sans, the
 * font every renderer uses, so wrapping is the same in every format.
 */
public final class RoomPicture {
  public static final String TEXT = Palette.TEXT;
  public static final String AUTHOR = "#3b4550";
  public static final String CANVAS = "#eef1f4";
  public static final String SECTION_FILL = "#ffffff";
  public static final double SECTION_FILL_OPACITY = 0.55;
  public static final String SECTION_STROKE = "#8a96a3";
  public static final String SECTION_BAR = "#dde3e9";
  public static final String NOTE_STROKE = "#c9d1d9";
  public static final String BADGE = "#1f4e79";
  public static final String BADGE_TEXT = "#ffffff";

  public static final double MARGIN = 40;
  public static final double TEXT_SIZE = 15.2;
  public static final double LINE_HEIGHT = TEXT_SIZE * 1.4;
  public static final double AUTHOR_SIZE = 11.5;
  public static final double PAD_TOP = 10;
  public static final double PAD_SIDE = 12;
  public static final double PAD_BOTTOM = 6;
  public static final double AUTHOR_ZONE = 4 + AUTHOR_SIZE * 1.3;
  public static final double SECTION_BAR_HEIGHT = 40;
  public static final double SECTION_TITLE_SIZE = 16.8;
  public static final double BADGE_RADIUS = 14;
  public static final double BADGE_TEXT_SIZE = 13;

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  /** A section: its rectangle and its title, shortened to fit the bar. */
  public record SectionBox(double x, double y, double w, double h, String title) {}

  /**
   * A note: its rectangle, fill colour ({@code #rrggbb}), text lines (already wrapped and clipped),
   * author line (may be empty) and vote count (null when no votes are shown or it has none).
   */
  public record NoteBox(double x, double y, double w, double h, String fill, List<String> lines, String author,
      Integer votes) {}

  private final String roomName;
  private final double originX;
  private final double originY;
  private final double boardWidth;
  private final double boardHeight;
  private final double scale;
  private final int width;
  private final int height;
  private final List<SectionBox> sections;
  private final List<NoteBox> notes;

  private RoomPicture(String roomName, double originX, double originY, double boardWidth, double boardHeight,
      double scale, List<SectionBox> sections, List<NoteBox> notes) {
    this.roomName = roomName;
    this.originX = originX;
    this.originY = originY;
    this.boardWidth = boardWidth;
    this.boardHeight = boardHeight;
    this.scale = scale;
    this.width = Math.max(1, (int) Math.ceil(boardWidth * scale));
    this.height = Math.max(1, (int) Math.ceil(boardHeight * scale));
    this.sections = sections;
    this.notes = notes;
  }

  /**
   * Lays out a room.
   *
   * @param votes votes per note id to show as badges, or null for none
   * @param maxWidth the widest the picture may be (pixels or points)
   * @param maxHeight the highest it may be
   * @param maxScale the most it may be enlarged (1 = board size)
   */
  public static RoomPicture of(BoardDocument.Room room, Map<String, Integer> votes, double maxWidth,
      double maxHeight, double maxScale) {
    List<BoardDocument.Section> secs = room.sections() == null ? List.of() : room.sections();
    List<BoardDocument.Note> ns = room.notes() == null ? List.of() : room.notes();
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (BoardDocument.Section s : secs) {
      minX = Math.min(minX, s.x());
      minY = Math.min(minY, s.y());
      maxX = Math.max(maxX, s.x() + s.w());
      maxY = Math.max(maxY, s.y() + s.h());
    }
    for (BoardDocument.Note n : ns) {
      minX = Math.min(minX, n.x());
      minY = Math.min(minY, n.y());
      maxX = Math.max(maxX, n.x() + n.w());
      maxY = Math.max(maxY, n.y() + n.h());
    }
    if (minX > maxX) { // an empty room
      minX = 0;
      minY = 0;
      maxX = 400;
      maxY = 300;
    }
    double ox = minX - MARGIN;
    double oy = minY - MARGIN;
    double bw = maxX - minX + 2 * MARGIN;
    double bh = maxY - minY + 2 * MARGIN;
    double scale = Math.min(maxScale, Math.min(maxWidth / bw, maxHeight / bh));

    Font text = ExportFonts.regular().deriveFont((float) TEXT_SIZE);
    Font small = ExportFonts.regular().deriveFont((float) AUTHOR_SIZE);
    Font title = ExportFonts.bold().deriveFont((float) SECTION_TITLE_SIZE);

    List<SectionBox> sectionBoxes = new ArrayList<>(secs.size());
    for (BoardDocument.Section s : secs) {
      String t = fit(ExportFonts.printable(s.title(), title).replace('\n', ' '), title, s.w() - 2 * PAD_SIDE);
      sectionBoxes.add(new SectionBox(s.x(), s.y(), s.w(), s.h(), t));
    }
    Map<Font, Map<String, Double>> cache = new HashMap<>();
    List<NoteBox> noteBoxes = new ArrayList<>(ns.size());
    for (BoardDocument.Note n : ns) {
      double inner = n.w() - 2 * PAD_SIDE;
      boolean hasAuthor = n.author() != null && !n.author().isBlank();
      double textHeight = n.h() - PAD_TOP - PAD_BOTTOM - (hasAuthor ? AUTHOR_ZONE : 0);
      int maxLines = Math.max(0, (int) Math.floor((textHeight - TEXT_SIZE) / LINE_HEIGHT) + 1);
      List<String> lines = wrap(ExportFonts.printable(n.text(), text), text, inner, maxLines);
      String author = hasAuthor ? fit(ExportFonts.printable(n.author(), small).replace('\n', ' '), small, inner) : "";
      Integer v = votes == null ? null : votes.get(n.id());
      String fill = Palette.fillOf(n.color());
      noteBoxes.add(new NoteBox(n.x(), n.y(), n.w(), n.h(), fill, lines, author, v != null && v > 0 ? v : null));
    }
    return new RoomPicture(room.name(), ox, oy, bw, bh, scale, List.copyOf(sectionBoxes), List.copyOf(noteBoxes));
  }

  /** The width of a string in a font, in the font's units (board units at board size). */
  static double width(String s, Font font) {
    if (s.isEmpty()) {
      return 0;
    }
    return font.getStringBounds(s, FRC).getWidth();
  }

  /** The string shortened with an ellipsis to fit a width. */
  static String fit(String s, Font font, double maxWidth) {
    if (width(s, font) <= maxWidth) {
      return s;
    }
    int end = s.length();
    while (end > 0) {
      end = s.offsetByCodePoints(end, -1);
      String t = s.substring(0, end).stripTrailing() + "…";
      if (width(t, font) <= maxWidth) {
        return t;
      }
    }
    return "";
  }

  /**
   * Wraps text into lines no wider than {@code maxWidth}: at line breaks, between words and,
   * for words too long for a line, anywhere. At most {@code maxLines}; when text is left over,
   * the last line ends with an ellipsis.
   */
  static List<String> wrap(String text, Font font, double maxWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    if (maxLines <= 0 || maxWidth <= 0) {
      return lines;
    }
    String[] paragraphs = text.split("\n", -1);
    boolean truncated = false;
    outer:
    for (int p = 0; p < paragraphs.length; p++) {
      String para = paragraphs[p];
      if (para.isBlank()) {
        if (lines.size() >= maxLines) {
          truncated = p < paragraphs.length - 1 || !para.isEmpty();
          break;
        }
        if (p < paragraphs.length - 1 || !lines.isEmpty()) {
          lines.add("");
        }
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (String word : para.trim().split(" +")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (width(candidate, font) <= maxWidth) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          if (lines.size() >= maxLines) {
            truncated = true;
            break outer;
          }
          lines.add(line.toString());
          line.setLength(0);
        }
        // the word alone: break it where it no longer fits
        String rest = word;
        while (width(rest, font) > maxWidth) {
          int cut = fitPrefix(rest, font, maxWidth);
          if (lines.size() >= maxLines) {
            truncated = true;
            break outer;
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      if (line.length() > 0) {
        if (lines.size() >= maxLines) {
          truncated = true;
          break;
        }
        lines.add(line.toString());
      }
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (truncated && !lines.isEmpty()) {
      int last = lines.size() - 1;
      lines.set(last, fit(lines.get(last) + "…", font, maxWidth));
    }
    return lines;
  }

  /** How many chars of s (at least one code point) fit in maxWidth. */
  private static int fitPrefix(String s, Font font, double maxWidth) {
    int lo = s.offsetByCodePoints(0, 1);
    int best = lo;
    int end = lo;
    while (end < s.length()) {
      int next = s.offsetByCodePoints(end, 1);
      if (width(s.substring(0, next), font) > maxWidth) {
        break;
      }
      best = next;
      end = next;
    }
    return best;
  }

  public String roomName() {
    return roomName;
  }

  /** The board x that is at the picture's left edge. */
  public double originX() {
    return originX;
  }

  public double originY() {
    return originY;
  }

  /** The size of the shown board area, in board units. */
  public double boardWidth() {
    return boardWidth;
  }

  public double boardHeight() {
    return boardHeight;
  }

  /** Picture units per board unit. */
  public double scale() {
    return scale;
  }

  /** The picture's width in pixels (or points). */
  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public List<SectionBox> sections() {
    return sections;
  }

  public List<NoteBox> notes() {
    return notes;
  }

  /** Votes per note of a closed round, or null when it has no results. */
  public static Map<String, Integer> votes(BoardDocument.Round round) {
    if (round == null || round.results() == null || round.results().ranking() == null) {
      return null;
    }
    Map<String, Integer> votes = new HashMap<>();
    for (BoardDocument.Ranked r : round.results().ranking()) {
      votes.merge(r.note(), r.count(), Integer::sum);
    }
    return votes;
  }

  /**
   * The room's last closed round with results (by closing time), or null. Rounds without a room
   * belong to the main room.
   */
  public static BoardDocument.Round lastClosedRound(BoardDocument doc, String roomId) {
    List<BoardDocument.Round> closed = closedRounds(doc, roomId);
    return closed.isEmpty() ? null : closed.get(closed.size() - 1);
  }

  /** The room's closed rounds with results, in the order they closed (the last closed last). */
  public static List<BoardDocument.Round> closedRounds(BoardDocument doc, String roomId) {
    List<BoardDocument.Round> closed = new ArrayList<>();
    for (BoardDocument.Round r : doc.rounds() == null ? List.<BoardDocument.Round>of() : doc.rounds()) {
      String room = r.room() == null ? "main" : r.room();
      if (room.equals(roomId) && r.results() != null && "closed".equals(r.status())) {
        closed.add(r);
      }
    }
    closed.sort(Comparator.comparingLong(r -> r.closedAt() == null ? r.startedAt() : r.closedAt()));
    return closed;
  }


  /** The room with that id, or an IllegalArgumentException. */
  public static BoardDocument.Room room(BoardDocument doc, String roomId) {
    if (doc.rooms() != null) {
      for (BoardDocument.Room r : doc.rooms()) {
        if (r.id().equals(roomId)) {
          return shown(doc, r);
        }
      }
    }
    throw new IllegalArgumentException("no room " + roomId);
  }

  /**
   * The room as the board shows it: each note's author by name (notes hold participant ids;
   * nothing for someone no longer on the board), and named for a picture's title by the board's
   * title, plus the room's name for a breakout room.
   */
  static BoardDocument.Room shown(BoardDocument doc, BoardDocument.Room room) {
    ExportIndex index = new ExportIndex(doc);
    List<BoardDocument.Note> notes = room.notes() == null ? List.of() : room.notes().stream()
        .map(n -> new BoardDocument.Note(n.id(), n.x(), n.y(), n.w(), n.h(), n.color(), n.text(),
            n.author() == null ? null : index.personName(n.author()), n.createdAt(), n.updatedAt(), n.origin()))
        .toList();
    String title = doc.title() == null ? "" : doc.title();
    String name = room.name() == null || room.name().isBlank() ? title
        : title.isBlank() ? room.name() : title + " – " + room.name();
    return new BoardDocument.Room(room.id(), name, room.kind(), room.createdAt(), room.sections(), notes);
  }
}
