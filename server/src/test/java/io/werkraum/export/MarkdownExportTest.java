package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.werkraum.export.BoardDocument.Room;
import org.junit.jupiter.api.Test;

class MarkdownExportTest {
  private final BoardDocument doc = SampleBoard.build();
  private final String md = MarkdownExport.write(doc, MarkdownExport.Texts.german(), SampleBoard.BERLIN);

  @Test
  void containsEveryNoteEscaped() {
    for (Room room : doc.rooms()) {
      room.notes().forEach(n -> assertTrue(md.contains(MarkdownExport.escape(n.text(), "  ")), n.id() + "\n" + md));
    }
    assertTrue(md.contains("\\*fett\\* \\_kursiv\\_ \\# \\[Link\\]\\(http://x\\) \\<b\\>HTML\\</b\\> \\\\ \\`Code\\` 1\\. Liste"),
        md);
    assertTrue(md.contains("Mehr Grün, weniger Beton\\\n  \"Parks\" für alle"), "a line break stays in its item");
    assertFalse(md.contains("*fett*"));
    assertTrue(md.startsWith("# Mobilität 2030: Straßen \\& Plätze — Protokoll\n"), md);
  }

  @Test
  void listsParticipantsPerOrganisation() {
    assertTrue(md.contains("- Büro Süd: 1\n- Stadtwerke Köln: 2\n- _ohne Organisation_: 1\n- **Gesamt: 4**"), md);
  }

  @Test
  void ranksNotesBySectionAndRound() {
    String ideas = between(md, "### Ideen \\& Vorschläge", "### Risiken");
    // the last closed round of the plenary is the anonymous one: n2 (4) before n1 (2), then the others by place
    assertOrder(ideas, "**4 Stimmen** · Mehr Grün", "**2 Stimmen** · Straßenbahn", "\\=HYPERLINK", "Fußgängerzone");
    assertTrue(md.indexOf("## Plenum\n") < md.indexOf("## Raum: Gruppe A"));
    assertTrue(md.indexOf("## Raum: Gruppe A") < md.indexOf("## Raum: Gruppe B"));
    assertTrue(md.contains("### Außerhalb der Bereiche"));

    String named = between(md, "### Abstimmung 1", "### Priorisierung");
    assertOrder(named, "1. **5 Stimmen** · Straßenbahn", "2. **3 Stimmen** · Mehr Grün", "3. **1 Stimme** · \\=HYPERLINK");
    assertTrue(named.contains("Abstimmende: Anna Müller, Jörg Weiß"), named);
    assertTrue(named.contains("- namentlich"));
    assertTrue(named.contains("- Stimmen pro Person: 5\n- Höchstens pro Notiz: 3"));
  }

  @Test
  void opensWithASummaryOfWhoTookPartAndWhatWasDecidedBeforeTheDetail() {
    assertOrder(md, "# Mobilität 2030", "## Teilnehmende", "## Was entschieden wurde", "## Plenum", "## Abstimmungsrunden");
    String decided = between(md, "## Was entschieden wurde", "## Plenum");
    assertTrue(decided.contains("""
        - **Abstimmung 1** — Plenum
          - **5 Stimmen** · Straßenbahn öfter fahren – Grüße aus Köln
          - **3 Stimmen** · Mehr Grün, weniger Beton\\
            "Parks" für alle; auch im Süden
          - **1 Stimme** · \\=HYPERLINK"""), decided);
    assertTrue(decided.contains("""
        - **Priorisierung \\(anonym\\)** — Plenum
          - **4 Stimmen** · Mehr Grün"""), decided);
    assertFalse(decided.contains("Runde 3"), "an open round has decided nothing yet");
  }

  @Test
  void eachNoteShowsItsVotesInEveryClosedRoundOfItsRoom() {
    String ideas = between(md, "### Ideen \\& Vorschläge", "### Risiken");
    assertTrue(md.contains("_Stimmen aus der Runde „Priorisierung \\(anonym\\)“_"), md);
    // Ranked by the last round, with the earlier round's votes beside: round 1's winner does not read as nothing.
    assertTrue(ideas.contains("- **2 Stimmen** · Straßenbahn öfter fahren – Grüße aus Köln — _Jörg Weiß, Büro Süd_"
        + " („Abstimmung 1“: 5 Stimmen)"), ideas);
    assertTrue(ideas.contains("- \\=HYPERLINK\\(\"http://evil\\.example\",\"klick\"\\) — _Jörg Weiß, Büro Süd_"
        + " („Abstimmung 1“: 1 Stimme)"), ideas);
  }

  @Test
  void timesAreInTheBoardsZoneAndSayWhichItIs() {
    // The snapshot was taken at 10:15:50 UTC, the named round closed at 10:05 UTC: 11:15 and 11:05 in Berlin.
    assertTrue(md.contains("- Datum: 2026-01-01 11:15 MEZ\n- Zeitzone: Europe/Berlin\n"), md);
    assertTrue(between(md, "### Abstimmung 1", "### Priorisierung").contains("- geschlossen: 2026-01-01 11:05 MEZ"));
    String english = MarkdownExport.write(doc, MarkdownExport.Texts.english(), java.time.ZoneId.of("Asia/Tokyo"));
    assertTrue(english.contains("- Date: 2026-01-01 19:15 JST\n- Time zone: Asia/Tokyo\n"), english);
  }

  @Test
  void anonymousRoundsNameNoVoters() {
    String anonymous = between(md, "### Priorisierung \\(anonym\\)", "### Runde 3");
    assertTrue(anonymous.contains("- anonym"));
    assertTrue(anonymous.contains("Umfang: Bereiche Ideen \\& Vorschläge"), anonymous);
    assertOrder(anonymous, "1. **4 Stimmen** · Mehr Grün", "2. **2 Stimmen** · Straßenbahn");
    assertFalse(anonymous.contains("— Abstimmende"), anonymous);
    assertTrue(anonymous.contains("(nach Organisation: Stadtwerke Köln: 3, Weitere Organisationen: 1)"), anonymous);
    assertTrue(anonymous.contains("- Organisationen mit weniger als 3 Abstimmenden sind unter „Weitere Organisationen“"), anonymous);
    for (String name : new String[] {"Anna Müller", "Jörg Weiß", "Ute Groß"}) {
      assertFalse(anonymous.contains(name), name);
    }
    String open = md.substring(md.indexOf("### Runde 3"));
    assertTrue(open.contains("- offen"), open);
    assertFalse(open.contains("1. "), open);
  }

  private static String between(String s, String from, String to) {
    int a = s.indexOf(from);
    int b = s.indexOf(to, a + 1);
    assertTrue(a >= 0 && b > a, "no '" + from + "' before '" + to + "' in\n" + s);
    return s.substring(a, b);
  }

  private static void assertOrder(String s, String... parts) {
    int at = -1;
    for (String p : parts) {
      int next = s.indexOf(p);
      assertTrue(next > at, "'" + p + "' not after the one before in\n" + s);
      at = next;
    }
    assertEquals(parts.length, parts.length);
  }
}
