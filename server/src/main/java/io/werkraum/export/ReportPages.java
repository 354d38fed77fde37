package io.werkraum.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Lays out the report's text, lists, tables and pictures top to bottom over A4 pages, as tagged
 * PDF (PDF/UA-1, ISO 14289-1): every piece of content is marked and belongs to an element of the
 * structure tree (Document, headings, paragraphs, lists, tables, figures with alternative text),
 * page numbers and rules are artifacts, and the document says its language and title. That is
 * what lets a screen reader read the report in order and jump by headings, as BITV 2.0 asks.
 */
final class ReportPages {
  static final PDRectangle PAGE = PDRectangle.A4;
  static final float MARGIN = 50;
  static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
  private static final float TOP = PAGE.getHeight() - MARGIN;
  private static final float BOTTOM = 60;

  static final float[] TEXT = {0.10f, 0.12f, 0.14f};
  static final float[] MUTED = {0.29f, 0.33f, 0.38f};
  static final float[] PRIMARY = {0.12f, 0.31f, 0.47f};

  private final PDDocument pdf;
  private final PDType0Font regular;
  private final PDType0Font bold;
  private final Map<Integer, Boolean> regularGlyphs = new HashMap<>();
  private final Map<Integer, Boolean> boldGlyphs = new HashMap<>();
  private final PDStructureTreeRoot tree = new PDStructureTreeRoot();
  /** The elements being filled, innermost first; the Document element at the bottom. */
  private final Deque<PDStructureElement> open = new ArrayDeque<>();
  /** Per page, the element each marked-content id (the index) belongs to: the page's parent tree entry. */
  private final List<List<PDStructureElement>> owners = new ArrayList<>();
  private PDPageContentStream cs;
  private PDPage page;
  private float y;

  /** @param language the document's language, {@code de} or {@code en} */
  ReportPages(PDDocument pdf, String title, String language) throws IOException {
    this.pdf = pdf;
    try (InputStream in = ExportFonts.open(ExportFonts.REGULAR)) {
      regular = PDType0Font.load(pdf, in, true);
    }
    try (InputStream in = ExportFonts.open(ExportFonts.BOLD)) {
      bold = PDType0Font.load(pdf, in, true);
    }
    declare(title, language);
    PDStructureElement document = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
    tree.appendKid(document);
    open.push(document);
    newPage();
  }

  /** What PDF/UA asks of the document as a whole: tagged, its language, its title shown and in XMP, PDF/UA named. */
  private void declare(String title, String language) throws IOException {
    PDDocumentCatalog catalog = pdf.getDocumentCatalog();
    catalog.setStructureTreeRoot(tree);
    PDMarkInfo mark = new PDMarkInfo();
    mark.setMarked(true);
    catalog.setMarkInfo(mark);
    catalog.setLanguage(language);
    PDViewerPreferences viewer = new PDViewerPreferences(new COSDictionary());
    viewer.setDisplayDocTitle(true);
    catalog.setViewerPreferences(viewer);
    pdf.getDocumentInformation().setTitle(title);
    pdf.getDocumentInformation().setCreator("Werkraum");
    PDMetadata metadata = new PDMetadata(pdf, new ByteArrayInputStream(xmp(title, language)));
    catalog.setMetadata(metadata);
  }

  /** The XMP packet: the title (dc:title), the language and the PDF/UA part this file conforms to. */
  private static byte[] xmp(String title, String language) {
    String xml = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlText(title) + "</rdf:li></rdf:Alt></dc:title>\n"
        + "<dc:language><rdf:Bag><rdf:li>" + language + "</rdf:li></rdf:Bag></dc:language>\n"
        + "<xmp:CreatorTool>Werkraum</xmp:CreatorTool>\n"
        + "<pdfuaid:part>1</pdfuaid:part>\n"
        + "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static String xmlText(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---- structure -------------------------------------------------------------------------------

  /** Opens an element of {@code type} inside the current one; content written until {@link #end()} belongs to it. */
  PDStructureElement begin(String type) {
    PDStructureElement parent = open.peek();
    PDStructureElement element = new PDStructureElement(type, parent);
    parent.appendKid(element);
    open.push(element);
    return element;
  }

  void end() {
    open.pop();
  }

  // ---- flow ------------------------------------------------------------------------------------

  void newPage() throws IOException {
    if (cs != null && y == TOP) {
      return; // already on a fresh page
    }
    if (cs != null) {
      cs.close();
    }
    page = new PDPage(PAGE);
    pdf.addPage(page);
    owners.add(new ArrayList<>());
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

  // ---- content ---------------------------------------------------------------------------------

  /** A heading, H1 to H3, kept together with what follows it. */
  void heading(int level, String text, float size) throws IOException {
    keep(size * 1.3f + 40);
    gap(size * 0.8f);
    text("H" + level, text, true, size, 0, TEXT);
    gap(size * 0.25f);
  }

  /** A paragraph. */
  void paragraph(String text, boolean isBold, float size, float indent, float[] rgb) throws IOException {
    text(StandardStructureTypes.P, text, isBold, size, indent, rgb);
  }

  /** An element of {@code type} holding text wrapped to the width less the indent; line breaks in it are kept. */
  void text(String type, String text, boolean isBold, float size, float indent, float[] rgb) throws IOException {
    begin(type);
    lines(text, isBold, size, indent, rgb);
    end();
  }

  /**
   * Opens a list item: its label ("1.", "•") in front and its body's first text beside it; the
   * caller may add paragraphs to the body and closes both with {@link #endItem()}.
   */
  void item(String label, float labelWidth, String text, boolean isBold, float size, float indent, float[] rgb)
      throws IOException {
    begin(StandardStructureTypes.LI);
    float leading = size * 1.35f;
    if (y - leading < BOTTOM) {
      newPage();
    }
    begin(StandardStructureTypes.LBL);
    show(safe(label, isBold), isBold ? bold : regular, size, MARGIN + indent, y - leading + size * 0.25f, rgb);
    end();
    begin(StandardStructureTypes.L_BODY);
    lines(text, isBold, size, indent + labelWidth, rgb);
  }

  void endItem() {
    end(); // LBody
    end(); // LI
  }

  /**
   * A table: the first row is the header (TH, scope column), the others data (TD); each cell's
   * text is wrapped to its column, a row as high as its tallest cell, a thin rule under the header.
   */
  void table(float indent, float[] widths, float size, List<String[]> rows) throws IOException {
    float leading = size * 1.35f;
    begin(StandardStructureTypes.TABLE);
    for (int r = 0; r < rows.size(); r++) {
      boolean header = r == 0;
      PDType0Font font = header ? bold : regular;
      List<List<String>> cells = new ArrayList<>();
      int tallest = 1;
      for (int c = 0; c < widths.length; c++) {
        List<String> wrapped = wrap(safe(rows.get(r)[c], header), font, size, widths[c] - 8);
        cells.add(wrapped);
        tallest = Math.max(tallest, wrapped.size());
      }
      float height = tallest * leading + 3;
      keep(height + (header ? 2 * leading : 0)); // a header never alone at the bottom of a page
      float top = y;
      begin(StandardStructureTypes.TR);
      float x = MARGIN + indent;
      for (int c = 0; c < widths.length; c++) {
        PDStructureElement cell = begin(header ? StandardStructureTypes.TH : StandardStructureTypes.TD);
        if (header) {
          PDTableAttributeObject scope = new PDTableAttributeObject();
          scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
          cell.addAttribute(scope);
        }
        float baseline = top;
        for (String line : cells.get(c)) {
          baseline -= leading;
          show(line, font, size, x, baseline + size * 0.25f, TEXT);
        }
        end();
        x += widths[c];
      }
      end();
      y = top - height;
      if (header) {
        rule(MARGIN + indent, y + 1.5f, x);
      }
    }
    end();
  }

  /** A picture, with the alternative text a screen reader reads for it. */
  void figure(BufferedImage image, float width, float height, String alternative) throws IOException {
    if (y - height < BOTTOM) {
      newPage();
    }
    PDImageXObject x = LosslessFactory.createFromImage(pdf, image);
    y -= height;
    PDStructureElement figure = begin(StandardStructureTypes.Figure);
    figure.setAlternateDescription(alternative);
    mark(figure);
    cs.drawImage(x, MARGIN, y, width, height);
    cs.endMarkedContent();
    end();
  }

  /** Page numbers on every page (artifacts: page furniture, not content), the parent tree, then done. */
  void finish(ReportLabels labels) throws IOException {
    cs.close();
    cs = null;
    int total = pdf.getNumberOfPages();
    COSArray parentTree = new COSArray();
    for (int i = 0; i < total; i++) {
      PDPage p = pdf.getPage(i);
      try (PDPageContentStream footer = new PDPageContentStream(pdf, p, PDPageContentStream.AppendMode.APPEND, true,
          true)) {
        String text = String.format(labels.locale(), labels.page(), i + 1, total);
        float size = 8.5f;
        float width = regular.getStringWidth(text) / 1000 * size;
        footer.beginMarkedContent(COSName.ARTIFACT);
        footer.beginText();
        footer.setFont(regular, size);
        footer.setNonStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
        footer.newLineAtOffset((PAGE.getWidth() - width) / 2, 30);
        footer.showText(text);
        footer.endText();
        footer.endMarkedContent();
      }
      // Tab order follows the structure; the page's marked content maps back to its elements.
      p.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
      p.setStructParents(i);
      COSArray elements = new COSArray();
      for (PDStructureElement owner : owners.get(i)) {
        elements.add(owner);
      }
      parentTree.add(COSInteger.get(i));
      parentTree.add(elements);
    }
    COSDictionary numbers = new COSDictionary();
    numbers.setItem(COSName.NUMS, parentTree);
    tree.getCOSObject().setItem(COSName.PARENT_TREE, numbers);
    tree.setParentTreeNextKey(total);
  }

  // ---- drawing ---------------------------------------------------------------------------------

  private void lines(String text, boolean isBold, float size, float indent, float[] rgb) throws IOException {
    PDType0Font font = isBold ? bold : regular;
    float leading = size * 1.35f;
    for (String line : wrap(safe(text, isBold), font, size, WIDTH - indent)) {
      if (y - leading < BOTTOM) {
        newPage();
      }
      y -= leading;
      show(line, font, size, MARGIN + indent, y + size * 0.25f, rgb);
    }
  }

  /** One line of text, marked as content of the innermost open element. */
  private void show(String line, PDType0Font font, float size, float x, float baseline, float[] rgb)
      throws IOException {
    if (line.isEmpty()) {
      return;
    }
    mark(open.peek());
    cs.beginText();
    cs.setFont(font, size);
    cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
    cs.newLineAtOffset(x, baseline);
    cs.showText(line);
    cs.endText();
    cs.endMarkedContent();
  }

  /** Begins a marked-content sequence on this page that belongs to {@code owner}. */
  private void mark(PDStructureElement owner) throws IOException {
    List<PDStructureElement> onPage = owners.get(owners.size() - 1);
    int mcid = onPage.size();
    onPage.add(owner);
    PDMarkedContentReference reference = new PDMarkedContentReference();
    reference.setPage(page);
    reference.setMCID(mcid);
    owner.appendKid(reference);
    cs.beginMarkedContent(COSName.getPDFName(owner.getStructureType()), mcid);
  }

  /** A thin horizontal line: decoration, so an artifact. */
  private void rule(float from, float at, float to) throws IOException {
    cs.beginMarkedContent(COSName.ARTIFACT);
    cs.setStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
    cs.setLineWidth(0.5f);
    cs.moveTo(from, at);
    cs.lineTo(to, at);
    cs.stroke();
    cs.endMarkedContent();
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
