package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class PictureExportTest {

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder b = f.newDocumentBuilder();
    return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The texts of all tspans of each text element, joined with spaces. */
  static List<String> texts(Document d) {
    List<String> out = new ArrayList<>();
    NodeList texts = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    for (int i = 0; i < texts.getLength(); i++) {
      NodeList spans = texts.item(i).getChildNodes();
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < spans.getLength(); j++) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(spans.item(j).getTextContent());
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Without any white space: lines may be broken inside long words. */
  static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  @Test
  void svgIsWellFormedAndEscapesUserText() throws Exception {
    BoardDocument doc = PictureSamples.workshop();
    String svg = SvgExport.write(doc, "main");
    Document d = parse(svg);
    assertEquals("svg", d.getDocumentElement().getLocalName());
    assertEquals("1.1", d.getDocumentElement().getAttribute("version"));
    assertEquals(0, d.getElementsByTagName("script").getLength(), "no script element");
    assertEquals(0, d.getElementsByTagNameNS("*", "script").getLength());
    assertFalse(svg.contains("<script>"));
    List<String> texts = texts(d);
    for (String note : List.of(PictureSamples.N_UEBERGAENGE, PictureSamples.N_STRASSE, PictureSamples.N_SCRIPTS,
        PictureSamples.N_EVIL, PictureSamples.N_HARVESTED, PictureSamples.N_MULTILINE)) {
      assertTrue(texts.stream().anyMatch(t -> squeeze(t).equals(squeeze(note))),
          () -> "note text in the SVG: " + note + " in " + texts);
    }
    assertTrue(texts.contains("Übergänge gestalten"));
    assertTrue(texts.contains("Straße & Platz"));
    assertTrue(texts.contains("Ольга Иванова"), "author shown");
    // votes of the last closed round (the anonymous one): n3 has 2
    assertEquals(2, d.getElementsByTagNameNS("*", "circle").getLength());
    assertEquals(6, d.getElementsByTagNameNS("*", "rect").getLength() - 1 - 2 * 2, "one rect per note");
    assertTrue(svg.contains("#fff3a8") && svg.contains("#ffd8a8") && svg.contains("#cfe4ff"), "board palette");
  }

  @Test
  void svgWrapsLongTextIntoTspans() throws Exception {
    String longText = "Dies ist ein ziemlich langer Text über die Übergänge zwischen Straße und Platz, "
        + "der sicher nicht in eine Zeile passt";
    BoardDocument.Room room = new BoardDocument.Room("x", "X", "plenary", 0, List.of(),
        List.of(PictureSamples.note("n", 0, 0, "grey", longText, "A", null)));
    Document d = parse(SvgExport.write(room, null));
    NodeList spans = d.getElementsByTagNameNS("*", "tspan");
    assertTrue(spans.getLength() >= 3, "wrapped into lines: " + spans.getLength());
    for (int i = 0; i < spans.getLength(); i++) {
      double w = RoomPicture.width(spans.item(i).getTextContent(),
          ExportFonts.regular().deriveFont((float) RoomPicture.TEXT_SIZE));
      assertTrue(w <= 220 - 2 * RoomPicture.PAD_SIDE + 0.01, "line fits the note");
    }
  }

  @Test
  void pngDecodesWithTheNotesOnIt() throws Exception {
    BoardDocument doc = PictureSamples.workshop();
    byte[] png = PngExport.write(doc, "main");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    BoardDocument.Room room = RoomPicture.room(doc, "main");
    RoomPicture pic = RoomPicture.of(room, RoomPicture.votes(RoomPicture.lastClosedRound(doc, "main")),
        PngExport.MAX_WIDTH, PngExport.MAX_HEIGHT, PngExport.MAX_SCALE);
    assertEquals(pic.width(), image.getWidth());
    assertEquals(pic.height(), image.getHeight());
    assertTrue(image.getWidth() <= 2400 && image.getHeight() <= 2400);
    // the room is 1260 x 800 board units with the margin, so it is drawn at 1.9x
    assertEquals(Math.round((1180 + 80) * pic.scale()), image.getWidth(), 1);
    int yellow = 0;
    int green = 0;
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        if (rgb == 0xfff3a8) {
          yellow++;
        } else if (rgb == 0xd3f2c7) {
          green++;
        } else if (((rgb >> 16) & 0xff) < 80 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80) {
          dark++;
        }
      }
    }
    double notePixels = 220 * 160 * pic.scale() * pic.scale();
    assertTrue(yellow > notePixels, "two yellow notes drawn: " + yellow); // 2 notes, less the text
    assertTrue(green > notePixels * 0.5, "green note drawn: " + green);
    assertTrue(dark > 2000, "text drawn: " + dark);
  }

  @Test
  void emptyRoomStillMakesAPicture() throws Exception {
    BoardDocument.Room room = new BoardDocument.Room("e", "Leer", "breakout", 0, List.of(), List.of());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngExport.write(room, null)));
    assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
    parse(SvgExport.write(room, null));
  }

  @Test
  void runsHeadless() {
    PngExport.write(PictureSamples.workshop(), "g1");
    assertTrue(java.awt.GraphicsEnvironment.isHeadless());
  }
}
