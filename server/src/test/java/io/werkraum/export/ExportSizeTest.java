package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A full room (5,000 notes) exports in every format; prints the times, asserts none. */
class ExportSizeTest {

  @Test
  void fullRoomExportsInEveryFormat() throws Exception {
    BoardDocument doc = SampleBoard.big(5_000);
    // warm up once so the times show the export, not class loading
    JsonExport.read(JsonExport.write(doc));
    CsvExport.write(doc, Labels.english(), SampleBoard.BERLIN);
    MarkdownExport.write(doc, MarkdownExport.Texts.english(), SampleBoard.BERLIN);

    long t = System.nanoTime();
    byte[] json = JsonExport.write(doc);
    report("json", t, json.length);
    t = System.nanoTime();
    BoardDocument back = JsonExport.read(json);
    report("json-read", t, json.length);
    assertEquals(doc, back);
    t = System.nanoTime();
    byte[] csv = CsvExport.write(doc, Labels.english(), SampleBoard.BERLIN);
    report("csv", t, csv.length);
    assertEquals(5_001, CsvExportTest.parse(CsvExportTest.strip(csv)).size());
    t = System.nanoTime();
    String md = MarkdownExport.write(doc, MarkdownExport.Texts.english(), SampleBoard.BERLIN);
    report("markdown", t, md.length());
    assertTrue(md.contains("Notiz 4999"));
  }

  private static void report(String format, long startNanos, int size) {
    System.out.println("EXPORT_MS format=" + format + " ms=" + (System.nanoTime() - startNanos) / 1_000_000
        + " bytes=" + size);
  }
}
