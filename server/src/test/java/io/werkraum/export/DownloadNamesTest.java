package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DownloadNamesTest {
  @Test
  void namesHoldNoPathOrReservedCharactersAndStayShort() {
    for (String evil : new String[] {"../../etc/passwd", "a\\\\b", "C:\\\\x", "x*?\"<>|y", "\u0000\u0007tab\tend", ".hidden", "  "}) {
      String part = DownloadNames.part(evil, 40);
      assertFalse(part.matches(".*[/\\\\:*?\"<>|\\p{Cntrl}\\s].*") || part.startsWith("."), evil + " -> " + part);
    }
    String longTitle = "Sehr langer Titel ".repeat(20);
    BoardDocument doc = new BoardDocument(1, "b", longTitle, 0, SampleBoard.T0, null, null, null, null, null);
    String name = DownloadNames.of(doc, "Raum ".repeat(30), ReportLabels.german(), SampleBoard.BERLIN, "png");
    assertTrue(name.length() <= 60 + 1 + 4 + 1 + 15 + 1 + 40 + 4, name);
    assertEquals("Sehr-langer-Titel-Sehr-langer-Titel-Sehr-langer-Titel-Sehr-l-Live-2026-01-01-1100-Raum-Raum-Raum-Raum-Raum-Raum-Raum-Raum.png",
        name);
  }

  @Test
  void theHeaderCarriesTheNameInUtf8AndInAscii() {
    assertEquals("attachment; filename=\"strassen-plaetze-gruesse.csv\"; "
        + "filename*=UTF-8''Stra%C3%9Fen-Pl%C3%A4tze-Gr%C3%BC%C3%9Fe.csv",
        DownloadNames.contentDisposition("Straßen-Plätze-Grüße.csv"));
    assertEquals("attachment; filename=\"werkraum.pdf\"; filename*=UTF-8''%CE%95%CE%BB.pdf",
        DownloadNames.contentDisposition("Ελ.pdf"));
  }

  @Test
  void theTimeIsTheBoardsLocalTime() {
    BoardDocument doc = new BoardDocument(1, "b", "Plan", 0, SampleBoard.T0, null, null, null, null, null);
    assertEquals("Plan-live-2026-01-01-1900.md", DownloadNames.of(doc, null, ReportLabels.english(), ZoneId.of("Asia/Tokyo"), "md"));
  }
}
