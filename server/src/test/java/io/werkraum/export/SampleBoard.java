package io.werkraum.export;

import io.werkraum.board.Round.Grouping;
import io.werkraum.export.BoardDocument.Note;
import io.werkraum.export.BoardDocument.Person;
import io.werkraum.export.BoardDocument.Ranked;
import io.werkraum.export.BoardDocument.Results;
import io.werkraum.export.BoardDocument.Room;
import io.werkraum.export.BoardDocument.Round;
import io.werkraum.export.BoardDocument.Section;
import io.werkraum.export.BoardDocument.SnapshotInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The board every export test uses: German texts, awkward characters, all kinds of rounds. */
final class SampleBoard {
  static final long T0 = 1_767_261_600_000L; // 2026-01-01T10:00:00Z
  static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");

  static final String TEXT_UMLAUTS = "Straßenbahn öfter fahren – Grüße aus Köln";
  static final String TEXT_QUOTES = "Mehr Grün, weniger Beton\n\"Parks\" für alle; auch im Süden";
  static final String TEXT_HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"klick\")";
  static final String TEXT_PLUS = "+1";
  static final String TEXT_MINUS = "-2 Parkplätze";
  static final String TEXT_AT = "@SUM(A1:A2)";
  static final String TEXT_TAB = "\tEingerückt";
  static final String TEXT_MARKDOWN = "*fett* _kursiv_ # [Link](http://x) <b>HTML</b> \\ `Code` 1. Liste";
  static final String TEXT_HARVESTED = "Fußgängerzone ausweiten";

  private SampleBoard() {}

  static BoardDocument build() {
    List<Person> people = List.of(
        new Person("p-anna", "Anna Müller", "Stadtwerke Köln", "facilitator", "teal", T0),
        new Person("p-joerg", "Jörg Weiß", "Büro Süd", "participant", "pink", T0 + 1000),
        new Person("p-ute", "Ute Groß", "Stadtwerke Köln", "participant", "blue", T0 + 2000),
        new Person("p-obs", "Ömer Öztürk", null, "observer", null, T0 + 3000));

    List<Section> mainSections = List.of(
        new Section("s-ideas", 0, 0, 1000, 800, "Ideen & Vorschläge", "p-anna", T0, T0, null),
        new Section("s-risks", 1200, 0, 800, 800, "Risiken *wichtig*", "p-anna", T0, T0 + 5, null));
    List<Note> mainNotes = List.of(
        note("n1", 20, 20, "yellow", TEXT_UMLAUTS, "p-joerg", null),
        note("n2", 300, 20, "green", TEXT_QUOTES, "p-ute", null),
        note("n3", 600, 20, "pink", TEXT_HYPERLINK, "p-joerg", null),
        note("n4", 1250, 50, "orange", TEXT_PLUS, "p-anna", null),
        note("n5", 1500, 50, "blue", TEXT_MINUS, "p-ute", null),
        note("n6", 1250, 400, "grey", TEXT_AT, "p-joerg", null),
        note("n7", 3000, 3000, "purple", TEXT_TAB, "p-ute", null),
        note("n8", -500.5, -250.25, "teal", TEXT_MARKDOWN, "p-anna", null),
        note("n9", 100, 500, "yellow", TEXT_HARVESTED, "p-joerg",
            new LinkedHashMap<>(Map.of("room", "r-a", "roomName", "Gruppe A", "note", "a1"))));
    Room main = new Room("main", "", "plenary", T0, mainSections, mainNotes);
    Room groupB = new Room("r-b", "Gruppe B", "breakout", T0 + 20,
        List.of(new Section("sb", 0, 0, 600, 600, "Übergänge", "p-ute", T0, T0, null)),
        List.of(note("b1", 10, 10, "blue", "Übergänge sicherer machen", "p-ute", null),
            note("b2", 900, 900, "yellow", "Ampeln länger grün", null, null)));
    Room groupA = new Room("r-a", "Gruppe A", "breakout", T0 + 10, List.of(),
        List.of(note("a1", 10, 10, "yellow", TEXT_HARVESTED, "p-joerg", null)));

    Round named = new Round("v1", "Abstimmung 1", 5, 3, false, "main", null, "closed", T0 + 100_000,
        T0 + 400_000, T0 + 300_000, new Results(3, 9, List.of(
            new Ranked("n1", TEXT_UMLAUTS, 5, orgs("Büro Süd", 2, "Stadtwerke Köln", 3), null, List.of("p-anna", "p-joerg")),
            new Ranked("n2", TEXT_QUOTES, 3, orgs("Stadtwerke Köln", 3, null, 0), null, List.of("p-ute")),
            new Ranked("n3", TEXT_HYPERLINK, 1, orgs("Büro Süd", 1, null, 0), null, List.of("p-joerg"))), null));
    Round anonymous = new Round("v2", "Priorisierung (anonym)", 3, 2, true, "main", List.of("s-ideas"), "closed",
        T0 + 500_000, null, T0 + 600_000, new Results(3, 6, List.of(
            new Ranked("n2", TEXT_QUOTES, 4, orgs("Stadtwerke Köln", 3, null, 0), 1, null),
            new Ranked("n1", TEXT_UMLAUTS, 2, orgs("Stadtwerke Köln", 2, null, 0), null, null)),
            new Grouping(3, false)));
    Round open = new Round("v3", null, 5, 3, false, "r-a", null, "open", T0 + 700_000, T0 + 900_000, null, null);

    return new BoardDocument(BoardDocument.SCHEMA_VERSION, "board-1", "Mobilität 2030: Straßen & Plätze", T0,
        T0 + 1_000_000, new SnapshotInfo("snap-1", "Nach der Abstimmung", T0 + 950_000),
        new BoardDocument.Settings(true, false, false, "Bitte bis 15 Uhr abschließen"), people,
        List.of(groupB, main, groupA), List.of(named, anonymous, open));
  }

  /** A plenary with {@code count} notes in a grid over 50 sections, and a closed round over all of them. */
  static BoardDocument big(int count) {
    List<Section> sections = new ArrayList<>();
    for (int s = 0; s < 50; s++) {
      sections.add(new Section("s" + s, (s % 10) * 2000, (s / 10) * 2000, 2000, 2000, "Abschnitt Nr. " + s,
          "p-anna", T0, T0, null));
    }
    List<Note> notes = new ArrayList<>();
    List<Ranked> ranking = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String text = "Notiz " + i + ": Größere Fußgängerzone, \"mehr\" Bäume; Straßenbahn öfter\nZeile 2";
      notes.add(note("n" + i, (i % 100) * 200, (i / 100) * 200, "yellow", text, "p-anna", null));
      ranking.add(new Ranked("n" + i, text, count - i, orgs("Stadtwerke Köln", count - i, null, 0), null, null));
    }
    Room main = new Room("main", "", "plenary", T0, sections, notes);
    Round round = new Round("v1", "Alles", 99, 99, true, "main", null, "closed", T0, null, T0 + 1,
        new Results(1, 99, ranking, null));
    return new BoardDocument(BoardDocument.SCHEMA_VERSION, "big", "Groß", T0, T0 + 2, null, BoardDocument.Settings.DEFAULT,
        List.of(new Person("p-anna", "Anna Müller", "Stadtwerke Köln", "facilitator", "teal", T0)),
        List.of(main), List.of(round));
  }

  static Note note(String id, double x, double y, String color, String text, String author,
      Map<String, Object> origin) {
    return new Note(id, x, y, 160, 120, color, text, author, T0 + 10_000, T0 + 20_000, origin);
  }

  private static Map<String, Integer> orgs(String a, int na, String b, int nb) {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put(a, na);
    if (b != null) {
      m.put(b, nb);
    }
    return m;
  }
}
