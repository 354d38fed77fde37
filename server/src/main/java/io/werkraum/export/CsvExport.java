package io.werkraum.export;

import io.werkraum.export.BoardDocument.Note;
import io.werkraum.export.BoardDocument.Room;
import io.werkraum.export.BoardDocument.Section;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The board as a table: one row a note, with a column of votes for each voting round (the
 * note's votes in that round, empty for none or another room's round), for spreadsheet
 * programs. RFC 4180 (CRLF, fields with commas, quotes or line breaks quoted, quotes doubled),
 * UTF-8 with a byte order mark so that spreadsheet programs read umlauts right.
 *
 * <p>Text cells that a spreadsheet would take for a formula (starting with {@code = + - @}, tab or
 * carriage return) get a leading apostrophe. The numbers the export writes itself (coordinates,
 * vote counts) are left as they are, so a negative coordinate stays a number.
 */
public final class CsvExport {
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String CRLF = "\r\n";

  private CsvExport() {}

  /**
   * @param zone the zone the times are written in (ISO-8601 with that zone's offset), named in
   *     their column headers
   */
  public static byte[] write(BoardDocument doc, Labels labels, ZoneId zone) {
    ExportIndex index = new ExportIndex(doc, labels.anonymousAuthor());
    List<BoardDocument.Round> rounds = ExportIndex.list(doc.rounds());
    StringBuilder out = new StringBuilder(256 * 1024);

    List<String> header = new ArrayList<>(List.of(labels.room(), labels.section(), labels.text(), labels.author(),
        labels.organisation(), labels.colour(), labels.x(), labels.y(), labels.width(), labels.height(),
        labels.created() + " (" + zone.getId() + ")", labels.updated() + " (" + zone.getId() + ")"));
    for (int i = 0; i < rounds.size(); i++) {
      header.add(labels.roundHeader(rounds.get(i), i));
    }
    row(out, header, true);

    List<String> cells = new ArrayList<>(header.size());
    for (Room room : index.roomsInOrder()) {
      for (Note note : ExportIndex.list(room.notes())) {
        cells.clear();
        Section section = ExportIndex.sectionOf(room, note);
        cells.add(defuse(ExportIndex.roomName(room, labels.plenary())));
        cells.add(defuse(section == null ? "" : ExportIndex.nullToEmpty(section.title())));
        cells.add(defuse(ExportIndex.nullToEmpty(note.text())));
        cells.add(defuse(index.personName(note.author())));
        cells.add(defuse(index.organisation(note.author())));
        cells.add(defuse(ExportIndex.nullToEmpty(note.color())));
        cells.add(ExportIndex.number(note.x()));
        cells.add(ExportIndex.number(note.y()));
        cells.add(ExportIndex.number(note.w()));
        cells.add(ExportIndex.number(note.h()));
        cells.add(ExportIndex.time(note.createdAt(), zone));
        cells.add(ExportIndex.time(note.updatedAt(), zone));
        for (int i = 0; i < rounds.size(); i++) {
          Integer votes = index.votes(i, room, note);
          cells.add(votes == null ? "" : votes.toString());
        }
        row(out, cells, false);
      }
    }
    return withBom(out);
  }

  /** A plain table (a header and rows), every cell defused, as a spreadsheet opens it. */
  public static byte[] table(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder(4096);
    row(out, header, true);
    rows.forEach(cells -> row(out, cells, true));
    return withBom(out);
  }

  /** UTF-8 with a byte order mark: spreadsheet programs then read umlauts right. */
  private static byte[] withBom(StringBuilder out) {
    byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, all, 0, BOM.length);
    System.arraycopy(body, 0, all, BOM.length, body.length);
    return all;
  }

  private static void row(StringBuilder out, List<String> cells, boolean defuseAll) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      quote(out, defuseAll ? defuse(cells.get(i)) : cells.get(i));
    }
    out.append(CRLF);
  }

  /**
   * A leading apostrophe for text a spreadsheet would run as a formula: one that starts with
   * {@code = + - @}, also after spaces, line breaks or quotes (spreadsheets skip those), or with a
   * tab or carriage return.
   */
  static String defuse(String cell) {
    int first = 0;
    while (first < cell.length() && " \t\r\n\"'".indexOf(cell.charAt(first)) >= 0) {
      first++;
    }
    boolean formula = first < cell.length() && "=+-@".indexOf(cell.charAt(first)) >= 0;
    boolean control = !cell.isEmpty() && (cell.charAt(0) == '\t' || cell.charAt(0) == '\r');
    return formula || control ? "'" + cell : cell;
  }

  private static void quote(StringBuilder out, String cell) {
    boolean needs = false;
    for (int i = 0; i < cell.length() && !needs; i++) {
      char c = cell.charAt(i);
      needs = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!needs) {
      out.append(cell);
      return;
    }
    out.append('"');
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }
}
