package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.werkraum.export.BoardDocument.Note;
import io.werkraum.export.BoardDocument.Person;
import io.werkraum.export.BoardDocument.Room;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvExportTest {

  @Test
  void parsedBackItEqualsTheBoard() throws Exception {
    BoardDocument doc = SampleBoard.build();
    byte[] csv = CsvExport.write(doc, Labels.german(), SampleBoard.BERLIN);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "BOM");
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\r\n"));
    List<String[]> rows = parse(text);

    assertEquals(List.of("Raum", "Bereich", "Text", "Autor", "Organisation", "Farbe", "x", "y", "Breite", "Höhe",
        "Erstellt (Europe/Berlin)", "Geändert (Europe/Berlin)", "Abstimmung 1", "Priorisierung (anonym)", "Runde 3"), List.of(rows.get(0)));

    Map<String, String> sectionOf = Map.of("n1", "Ideen & Vorschläge", "n2", "Ideen & Vorschläge",
        "n3", "Ideen & Vorschläge", "n9", "Ideen & Vorschläge", "n4", "Risiken *wichtig*", "n5", "Risiken *wichtig*",
        "n6", "Risiken *wichtig*", "b1", "Übergänge");
    Map<String, List<String>> votes = Map.of("n1", List.of("5", "2", ""), "n2", List.of("3", "4", ""),
        "n3", List.of("1", "", ""));
    List<Note> expected = new ArrayList<>();
    List<String> roomNames = new ArrayList<>();
    for (String roomId : List.of("main", "r-a", "r-b")) {
      Room room = doc.rooms().stream().filter(r -> r.id().equals(roomId)).findFirst().orElseThrow();
      room.notes().forEach(n -> {
        expected.add(n);
        roomNames.add("plenary".equals(room.kind()) ? "Plenum" : room.name());
      });
    }
    assertEquals(expected.size() + 1, rows.size());
    for (int i = 0; i < expected.size(); i++) {
      Note n = expected.get(i);
      String[] row = rows.get(i + 1);
      assertEquals(15, row.length, n.id());
      Person author = doc.participants().stream().filter(p -> p.id().equals(n.author())).findFirst().orElse(null);
      assertEquals(roomNames.get(i), row[0]);
      assertEquals(sectionOf.getOrDefault(n.id(), ""), row[1], n.id());
      assertEquals(CsvExport.defuse(n.text()), row[2], n.id());
      assertEquals(author == null ? "" : author.name(), row[3]);
      assertEquals(author == null ? "" : author.organisation(), row[4]);
      assertEquals(n.color(), row[5]);
      assertEquals(n.x(), Double.parseDouble(row[6]));
      assertEquals(n.y(), Double.parseDouble(row[7]));
      assertEquals(n.w(), Double.parseDouble(row[8]));
      assertEquals(n.h(), Double.parseDouble(row[9]));
      assertEquals(n.createdAt(), OffsetDateTime.parse(row[10]).toInstant().toEpochMilli());
      assertEquals(n.updatedAt(), OffsetDateTime.parse(row[11]).toInstant().toEpochMilli());
      List<String> v = votes.getOrDefault(n.id(), List.of("", "", ""));
      assertEquals(v, List.of(row[12], row[13], row[14]), n.id());
    }
    // texts with commas, quotes, line breaks and umlauts come back whole
    assertEquals(SampleBoard.TEXT_QUOTES, rows.get(2)[2]);
    assertEquals(SampleBoard.TEXT_UMLAUTS, rows.get(1)[2]);
    assertEquals("-500.5", rows.get(8)[6]);
    // Times in the board's zone (10:00:10 UTC is 11:00:10 in Berlin in winter), the offset with them.
    assertEquals("2026-01-01T11:00:10+01:00", rows.get(1)[10]);
  }

  @Test
  void formulasAreDefused() throws Exception {
    List<String[]> rows = parse(strip(CsvExport.write(SampleBoard.build(), Labels.english(), SampleBoard.BERLIN)));
    assertEquals("'" + SampleBoard.TEXT_HYPERLINK, rows.get(3)[2]);
    assertEquals("'+1", rows.get(4)[2]);
    assertEquals("'-2 Parkplätze", rows.get(5)[2]);
    assertEquals("'@SUM(A1:A2)", rows.get(6)[2]);
    assertEquals("'\tEingerückt", rows.get(7)[2]);
    assertEquals("Round 3", rows.get(0)[14]);
    for (String[] row : rows) {
      for (String cell : row) {
        boolean number = cell.matches("-?[0-9.]+");
        assertTrue(number || cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, "not defused: " + cell);
      }
    }
  }

  @Test
  void aFormulaIsDefusedAlsoBehindSpacesLineBreaksAndQuotes() {
    for (String formula : List.of("=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "\n=HYPERLINK(\"x\")",
        " =1+1", "  \n -2", "\"=cmd\"", "'=x", " \"@x")) {
      assertEquals("'" + formula, CsvExport.defuse(formula), formula);
    }
    for (String text : List.of("", "Kita", "1-2 Jahre", "a=b", "Jugend + Familie", " Schulweg")) {
      assertEquals(text, CsvExport.defuse(text), text);
    }
  }

  @Test
  void everyRowEndsInCrlf() {
    String text = strip(CsvExport.write(SampleBoard.build(), Labels.english(), SampleBoard.BERLIN));
    String outsideQuotes = text.replaceAll("\"([^\"]|\"\")*\"", "Q");
    assertTrue(outsideQuotes.replace("\r\n", "").indexOf('\n') < 0, "bare LF outside a quoted cell");
    assertTrue(outsideQuotes.replace("\r\n", "").indexOf('\r') < 0, "bare CR outside a quoted cell");
  }

  static String strip(byte[] csv) {
    return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
  }

  static List<String[]> parse(String text) throws Exception {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(text)) {
      return it.readAll();
    }
  }
}
