package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfExportTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static String text(byte[] pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d);
    }
  }

  /** White space (line breaks of wrapped text) as single spaces. */
  static String norm(String s) {
    return s.replaceAll("\\s+", " ");
  }

  static String page(byte[] pdf, int number) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(number);
      stripper.setEndPage(number);
      return norm(stripper.getText(d));
    }
  }

  @Test
  void theReportOpensWithASummaryOfWhoTookPartAndWhatWasDecided() throws Exception {
    byte[] pdf = PdfExport.write(PictureSamples.workshop(), ReportLabels.german(), BERLIN);
    String summary = page(pdf, 1);
    assertTrue(summary.startsWith("Workshop-Bericht Zukunftswerkstatt Weimar – Straßen & Plätze Exportiert am"), summary);
    // Who took part, per organisation, with their names; then what each closed round decided, in the order they closed.
    int attendance = summary.indexOf("Teilnahme Organisation Personen Namen Stadt Jena 2 Anna Müller, Jörg Weiß"
        + " Universität Erfurt 1 Ольга Иванова ohne Organisation 1 Γιώργος Παπαδόπουλος Teilnehmende insgesamt: 4");
    int decided = summary.indexOf("Was entschieden wurde " + PictureSamples.ROUND_NAMED
        + " Raum: Plenum · 6 Stimmen von 3 Teilnehmenden 1. " + PictureSamples.N_UEBERGAENGE + " — 3 Stimmen 2. "
        + PictureSamples.N_STRASSE + " — 2 Stimmen 3. " + PictureSamples.N_HARVESTED + " — 1 Stimme "
        + PictureSamples.ROUND_ANON + " Raum: Plenum · 3 Stimmen von 2 Teilnehmenden 1. " + PictureSamples.N_SCRIPTS
        + " — 2 Stimmen 2. " + PictureSamples.N_UEBERGAENGE + " — 1 Stimme");
    assertTrue(attendance > 0 && decided > attendance, summary);
    assertFalse(summary.contains("Abstimmungsrunden"), "the detail starts after the summary page");
    assertTrue(page(pdf, 2).startsWith("Abstimmungsrunden Runde: " + PictureSamples.ROUND_NAMED), page(pdf, 2));
  }

  @Test
  void eachNoteReadsItsVotesInEveryRound() throws Exception {
    String text = norm(text(PdfExport.write(PictureSamples.workshop(), ReportLabels.german(), BERLIN)));
    // Two closed rounds in the plenary: a note reads its votes in each, not only the last round's.
    assertTrue(text.contains("„" + PictureSamples.ROUND_NAMED + "“: 3 Stimmen · „" + PictureSamples.ROUND_ANON + "“: 1 Stimme"),
        text);
    assertTrue(text.contains("„" + PictureSamples.ROUND_NAMED + "“: 2 Stimmen"), "the first round's votes of a note the last round passed over");
  }

  @Test
  void timesAreInTheGivenZoneAndSayWhichItIs() throws Exception {
    // exportedAt: 2026-05-28T20:31:40Z
    String berlin = page(PdfExport.write(PictureSamples.workshop(), ReportLabels.german(), BERLIN), 1);
    assertTrue(berlin.contains("Exportiert am 28.05.2026, 22:31 Uhr MESZ") && berlin.contains("Zeitzone: Europe/Berlin"),
        berlin);
    String newYork = page(PdfExport.write(PictureSamples.workshop(), ReportLabels.english(),
        ZoneId.of("America/New_York")), 1);
    assertTrue(newYork.contains("Exported on 28 May 2026, 16:31 GMT-04:00") && newYork.contains("Time zone: America/New_York"),
        newYork);
  }

  @Test
  void theReportIsTaggedPdfUaAsVeraPdfChecksIt() throws Exception {
    for (ReportLabels labels : List.of(ReportLabels.german(), ReportLabels.english())) {
      byte[] pdf = PdfExport.write(PictureSamples.workshop(), labels, BERLIN, 30);
      List<String> failed = PdfUa.failedRules(pdf);
      assertTrue(failed.isEmpty(), () -> labels.locale() + ": PDF/UA-1 rules failed:\n" + String.join("\n", failed));
    }
    // A board with nothing on it yet: no table, no list, no round.
    BoardDocument empty = new BoardDocument(1, "e", null, 0, PictureSamples.T0, null, null, null, null, null);
    List<String> failed = PdfUa.failedRules(PdfExport.write(empty, ReportLabels.german(), BERLIN));
    assertTrue(failed.isEmpty(), () -> "empty board: PDF/UA-1 rules failed:\n" + String.join("\n", failed));
  }

  @Test
  void theStructureTreeHasHeadingsListsATableAndPicturesWithAlternativeText() throws Exception {
    for (ReportLabels labels : List.of(ReportLabels.german(), ReportLabels.english())) {
      byte[] pdf = PdfExport.write(PictureSamples.workshop(), labels, BERLIN);
      try (PDDocument d = Loader.loadPDF(pdf)) {
        var catalog = d.getDocumentCatalog();
        String language = labels.locale().getLanguage();
        assertEquals(language, catalog.getLanguage());
        assertTrue(catalog.getMarkInfo().isMarked());
        assertTrue(catalog.getViewerPreferences().displayDocTitle());
        String xmp = new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), xmp);
        assertTrue(xmp.contains("Zukunftswerkstatt Weimar – Straßen &amp; Plätze</rdf:li>"), xmp);
        List<PDStructureElement> elements = new java.util.ArrayList<>();
        collect(catalog.getStructureTreeRoot().getKids(), elements);
        assertEquals("Document", elements.get(0).getStructureType());
        java.util.Set<String> types = new java.util.HashSet<>();
        elements.forEach(e -> types.add(e.getStructureType()));
        assertTrue(types.containsAll(List.of("H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
            "Figure")), types.toString());
        List<String> alternatives = elements.stream().filter(e -> e.getStructureType().equals("Figure"))
            .map(PDStructureElement::getAlternateDescription).toList();
        assertEquals(3, alternatives.size(), "a picture of each room");
        assertTrue(alternatives.get(1).contains("Gruppe A – Süd") && alternatives.get(1).contains("2"), alternatives.toString());
        for (PDStructureElement th : elements.stream().filter(e -> e.getStructureType().equals("TH")).toList()) {
          assertEquals("Column", ((PDTableAttributeObject) th.getAttributes().getObject(0)).getScope());
        }
        for (var page : d.getPages()) {
          assertEquals("S", page.getCOSObject().getNameAsString(org.apache.pdfbox.cos.COSName.getPDFName("Tabs")));
        }
      }
    }
  }

  private static void collect(List<Object> kids, List<PDStructureElement> into) {
    for (Object kid : kids) {
      if (kid instanceof PDStructureElement e) {
        into.add(e);
        collect(e.getKids(), into);
      }
    }
  }

  @Test
  void germanReportHasEveryNoteAndEveryUmlaut() throws Exception {
    byte[] pdf = PdfExport.write(PictureSamples.workshop(), ReportLabels.german(), BERLIN);
    assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
    String text = norm(text(pdf));
    for (String note : List.of(PictureSamples.N_UEBERGAENGE, PictureSamples.N_STRASSE, PictureSamples.N_SCRIPTS,
        PictureSamples.N_EVIL, PictureSamples.N_HARVESTED, PictureSamples.N_MULTILINE, PictureSamples.A2,
        PictureSamples.B1)) {
      assertTrue(text.contains(norm(note)), () -> "note in the report: " + note);
    }
    for (String word : List.of("Übergänge", "Straße", "Fußgängerzone", "prüfen", "Grünflächen", "Öffnungszeiten",
        "Bürgerbüro", "Maß", "äußeren", "Ελληνικά", "Кириллица", "Привет", "Ольга Иванова", "Γιώργος")) {
      assertTrue(text.contains(word), () -> "intact: " + word);
    }
    assertTrue(text.contains("Zukunftswerkstatt Weimar – Straßen & Plätze"), "title");
    assertTrue(text.contains("Exportiert am"), "date");
    assertTrue(text.contains("Nach der Mittagspause"), "snapshot");
    assertTrue(text.contains("Teilnahme"));
    assertTrue(text.contains("Stadt Jena 2 Anna Müller, Jörg Weiß"), "attendance per organisation");
    assertTrue(text.contains("Universität Erfurt 1 Ольга Иванова"));
    assertTrue(text.contains("ohne Organisation 1 Γιώργος Παπαδόπουλος"));
    assertTrue(text.contains("Gruppe A – Süd") && text.contains("Gruppe B – Nord"), "breakout rooms");
    assertTrue(text.contains("übernommen aus Gruppe A – Süd"), "harvested note marked");
    assertTrue(text.contains("Übernommene Ergebnisse aus Kleingruppen"));
    assertTrue(text.contains("Runde: " + PictureSamples.ROUND_NAMED));
    assertTrue(text.contains("Runde: " + PictureSamples.ROUND_ANON));
    assertTrue(text.contains("Stimmen pro Person: 3 · höchstens pro Notiz: 2 · namentlich"), "settings");
    assertTrue(text.contains("Stimmen pro Person: 2 · höchstens pro Notiz: 1 · anonym"));
    assertTrue(text.contains("Bereiche: Übergänge gestalten"), "round limited to a section");
    assertTrue(text.contains("1. " + PictureSamples.N_UEBERGAENGE + " — 3 Stimmen"), "ranked");
    assertTrue(text.contains("2. " + PictureSamples.N_STRASSE + " — 2 Stimmen"));
    assertTrue(text.contains("Landratsamt Weimarer Land: 2"), "per organisation in a round");

    int named = text.indexOf("Runde: " + PictureSamples.ROUND_NAMED);
    int anon = text.indexOf("Runde: " + PictureSamples.ROUND_ANON);
    assertTrue(named < anon);
    String namedPart = text.substring(named, anon);
    // The rooms after the rounds name every note's author.
    String anonPart = text.substring(anon, text.indexOf("Raum · Plenum", anon));
    assertTrue(namedPart.contains("Abgestimmt haben: Anna Müller, Jörg Weiß, Ольга Иванова"), namedPart);
    assertFalse(anonPart.contains("Abgestimmt haben"), "no voters for the anonymous round");
    assertFalse(anonPart.contains("Γιώργος"), "no voter names for the anonymous round");
    assertTrue(text.contains("Seite 1 von "), "page numbers");
    // votes of the room's last closed round next to its notes
    assertTrue(text.contains("Stimmen aus der Runde „" + PictureSamples.ROUND_ANON + "“"));
  }

  @Test
  void fontIsEmbeddedFromTheServer() throws Exception {
    byte[] pdf = PdfExport.write(PictureSamples.workshop(), ReportLabels.english(), BERLIN);
    try (PDDocument d = Loader.loadPDF(pdf)) {
      int fonts = 0;
      for (PDPage page : d.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertTrue(font.isEmbedded(), font.getName());
          assertTrue(font.getName().contains("DejaVuSans"), font.getName());
          fonts++;
        }
      }
      assertTrue(fonts > 0);
      String text = norm(new PDFTextStripper().getText(d));
      assertTrue(text.contains("Workshop report") && text.contains("Attendance") && text.contains("Voting rounds"));
      assertTrue(text.contains("Page 1 of " + d.getNumberOfPages()));
      assertTrue(text.contains("Stadt Jena 2 Anna Müller, Jörg Weiß"));
    }
  }

  @Test
  void charactersTheFontLacksDoNotBreakTheReport() throws Exception {
    BoardDocument doc = PictureSamples.workshop();
    BoardDocument.Room room = new BoardDocument.Room("c", "汉字 Raum", "breakout", 0, List.of(),
        List.of(PictureSamples.note("c1", 0, 0, "grey", "漢字 und Emoji 🎉 und Steuerzeichen \u0007 Ende", "X", null)));
    List<BoardDocument.Room> rooms = new java.util.ArrayList<>(doc.rooms());
    rooms.add(room);
    BoardDocument withCjk = new BoardDocument(doc.schemaVersion(), doc.id(), doc.title(), doc.createdAt(),
        doc.exportedAt(), null, doc.settings(), doc.participants(), rooms, doc.rounds());
    String text = norm(text(PdfExport.write(withCjk, ReportLabels.german(), BERLIN)));
    assertTrue(text.contains("und Emoji ? und Steuerzeichen Ende"), text);
    PngExport.write(withCjk, "c");
    PictureExportTest.parse(SvgExport.write(withCjk, "c"));
  }

  @Test
  void emptyBoard() throws Exception {
    BoardDocument doc = new BoardDocument(1, "e", null, 0, PictureSamples.T0, null, null, null, null, null);
    String text = norm(text(PdfExport.write(doc, ReportLabels.german(), BERLIN)));
    assertTrue(text.contains("Keine Abstimmungsrunden."));
    assertEquals(1, ReportLabels.of(java.util.Locale.GERMAN).equals(ReportLabels.german()) ? 1 : 0);
  }
}
