package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** A room with 5,000 notes (the most a room may have) in every picture and report format. */
class BigRoomExportTest {
  static final int NOTES = 5000;

  @Test
  void fiveThousandNotes() throws Exception {
    BoardDocument doc = PictureSamples.bigRoom(NOTES);
    // warm up the fonts once, so the times are of the exports, not of class loading
    SvgExport.write(PictureSamples.workshop(), "main");

    long t = System.nanoTime();
    String svg = SvgExport.write(doc, "main");
    long svgMs = (System.nanoTime() - t) / 1_000_000;
    System.out.println("EXPORT_MS format=svg notes=" + NOTES + " ms=" + svgMs + " bytes=" + svg.length());
    Document d = PictureExportTest.parse(svg);
    assertEquals(NOTES, d.getElementsByTagNameNS("*", "g").getLength() - 2 - doc.rooms().get(0).sections().size(),
        "a group per note");
    assertTrue(svg.contains(">Notiz 4999: Überlegung zur<") || svg.contains("Notiz 4999"));

    t = System.nanoTime();
    byte[] png = PngExport.write(doc, "main");
    long pngMs = (System.nanoTime() - t) / 1_000_000;
    System.out.println("EXPORT_MS format=png notes=" + NOTES + " ms=" + pngMs + " bytes=" + png.length);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(2400, image.getWidth());
    int yellow = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        if ((image.getRGB(x, y) & 0xffffff) == 0xfff3a8) {
          yellow++;
        }
      }
    }
    assertTrue(yellow > 10_000, "notes drawn: " + yellow);

    t = System.nanoTime();
    byte[] pdf = PdfExport.write(doc, ReportLabels.german(), ZoneId.of("Europe/Berlin"));
    long pdfMs = (System.nanoTime() - t) / 1_000_000;
    try (PDDocument p = Loader.loadPDF(pdf)) {
      System.out.println("EXPORT_MS format=pdf notes=" + NOTES + " ms=" + pdfMs + " bytes=" + pdf.length
          + " pages=" + p.getNumberOfPages());
      String text = new PDFTextStripper().getText(p);
      for (int i = 0; i < NOTES; i++) {
        String note = PictureSamples.bigNoteText(i);
        assertTrue(text.contains(note), note);
      }
      assertTrue(text.contains("Stadt Jena: 50"));
    }
  }
}
