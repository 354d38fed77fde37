package io.werkraum.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample boards for the picture and report tests: German text, umlauts and ß, Greek, Cyrillic. */
final class PictureSamples {
  static final long T0 = 1_780_000_000_000L;

  static final String N_UEBERGAENGE = "Übergänge zwischen Schule und Beruf verbessern";
  static final String N_STRASSE = "Große Straße verkehrsberuhigen – Fußgängerzone prüfen";
  static final String N_SCRIPTS = "Ελληνικά und Кириллица: Привет aus Jena";
  static final String N_EVIL = "<script>alert(1)</script> & \"x\" 'y'";
  static final String N_HARVESTED = "Grünflächen öffnen und pflegen";
  static final String N_MULTILINE = "Zeile eins\nZeile zwei mit ß und Maß";
  static final String A1 = N_HARVESTED;
  static final String A2 = "Öffnungszeiten der Bibliothek ausweiten";
  static final String B1 = "Bürgerbüro länger öffnen";
  static final String ROUND_NAMED = "Prioritäten für das Jahr";
  static final String ROUND_ANON = "Geheime Wahl zur äußeren Gestaltung";

  private PictureSamples() {}

  static BoardDocument.Note note(String id, double x, double y, String color, String text, String author,
      Map<String, Object> origin) {
    return new BoardDocument.Note(id, x, y, 220, 160, color, text, author, T0, T0, origin);
  }

  static BoardDocument.Section section(String id, double x, double y, double w, double h, String title) {
    return new BoardDocument.Section(id, x, y, w, h, title, "p1", T0, T0, null);
  }

  static BoardDocument workshop() {
    List<BoardDocument.Person> people = List.of(
        new BoardDocument.Person("p1", "Anna Müller", "Stadt Jena", "facilitator", "#1f4e79", T0),
        new BoardDocument.Person("p2", "Jörg Weiß", "Stadt Jena", "participant", "#a4262c", T0),
        new BoardDocument.Person("p3", "Ольга Иванова", "Universität Erfurt", "participant", "#1e7b34", T0),
        new BoardDocument.Person("p4", "Γιώργος Παπαδόπουλος", null, "participant", "#8a5a00", T0));
    Map<String, Object> origin = new LinkedHashMap<>();
    origin.put("room", "g1");
    origin.put("roomName", "Gruppe A – Süd");
    origin.put("note", "a1");
    BoardDocument.Room main = new BoardDocument.Room("main", "", "plenary", T0,
        List.of(section("s1", 0, 0, 560, 460, "Übergänge gestalten"),
            section("s2", 620, 0, 560, 460, "Straße & Platz")),
        List.of(
            note("n1", 30, 60, "yellow", N_UEBERGAENGE, "p1", null),
            note("n2", 650, 60, "orange", N_STRASSE, "p2", null),
            note("n3", 290, 60, "blue", N_SCRIPTS, "p3", null),
            note("n4", 200, 560, "pink", N_EVIL, "p4", null),
            note("n5", 900, 60, "green", N_HARVESTED, "p1", origin),
            note("n6", 30, 260, "yellow", N_MULTILINE, null, null)));
    BoardDocument.Room g1 = new BoardDocument.Room("g1", "Gruppe A – Süd", "breakout", T0, List.of(),
        List.of(note("a1", 0, 0, "green", A1, "p2", null),
            note("a2", 240, 0, "teal", A2, "p2", null)));
    BoardDocument.Room g2 = new BoardDocument.Room("g2", "Gruppe B – Nord", "breakout", T0,
        List.of(section("s3", -50, -50, 400, 300, "Ideen")),
        List.of(note("b1", 0, 0, "purple", B1, "p3", null)));

    BoardDocument.Round named = new BoardDocument.Round("r1", ROUND_NAMED, 3, 2, false, "main", null, "closed",
        T0 + 1000, null, T0 + 60_000,
        new BoardDocument.Results(3, 6, List.of(
            new BoardDocument.Ranked("n1", N_UEBERGAENGE, 3, Map.of("Stadt Jena", 2, "Universität Erfurt", 1), null,
                List.of("p1", "p2", "p3")),
            new BoardDocument.Ranked("n2", N_STRASSE, 2, Map.of("Stadt Jena", 1, "Universität Erfurt", 1), null,
                List.of("p2", "p3")),
            new BoardDocument.Ranked("n5", N_HARVESTED, 1, Map.of("Stadt Jena", 1), null, List.of("p1"))), null));
    // Anonymous: a careless document still carrying voters must not show them.
    BoardDocument.Round anonymous = new BoardDocument.Round("r2", ROUND_ANON, 2, 1, true, "main",
        List.of("s1"), "closed", T0 + 100_000, T0 + 400_000L, T0 + 200_000,
        new BoardDocument.Results(2, 3, List.of(
            new BoardDocument.Ranked("n3", N_SCRIPTS, 2, Map.of("Landratsamt Weimarer Land", 2), null, List.of("p4")),
            new BoardDocument.Ranked("n1", N_UEBERGAENGE, 1, Map.of("Stadt Jena", 1), null, null)), null));
    return new BoardDocument(BoardDocument.SCHEMA_VERSION, "b1", "Zukunftswerkstatt Weimar – Straßen & Plätze",
        T0 - 3_600_000, T0 + 300_000, new BoardDocument.SnapshotInfo("snap1", "Nach der Mittagspause", T0 + 250_000),
        BoardDocument.Settings.DEFAULT, people, List.of(main, g1, g2), List.of(named, anonymous));
  }

  static String bigNoteText(int i) {
    return String.format("Notiz %04d: Überlegung zur Straße", i);
  }

  /** A room with {@code count} notes in a grid, a section per 500 notes. */
  static BoardDocument bigRoom(int count) {
    List<BoardDocument.Note> notes = new ArrayList<>(count);
    String[] colors = {"yellow", "orange", "pink", "purple", "blue", "teal", "green", "grey"};
    int columns = 100;
    for (int i = 0; i < count; i++) {
      double x = (i % columns) * 240.0 + 20;
      double y = (i / columns) * 180.0 + 60;
      notes.add(new BoardDocument.Note("n" + i, x, y, 220, 160, colors[i % colors.length], bigNoteText(i),
          "Person " + (i % 37), T0, T0, null));
    }
    List<BoardDocument.Section> sections = new ArrayList<>();
    int rows = (count + columns - 1) / columns;
    for (int r = 0; r < rows; r += 5) {
      sections.add(section("s" + r, 0, r * 180.0, columns * 240.0 + 20, 5 * 180.0, "Bereich " + r / 5 + " – Ärger"));
    }
    BoardDocument.Room room = new BoardDocument.Room("main", "Großer Raum", "plenary", T0, sections, notes);
    List<BoardDocument.Ranked> ranking = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ranking.add(new BoardDocument.Ranked("n" + i, bigNoteText(i), 50 - i, Map.of("Stadt Jena", 50 - i), null, null));
    }
    BoardDocument.Round round = new BoardDocument.Round("r1", "Große Runde", 5, 3, true, "main", null, "closed",
        T0, null, T0 + 1000, new BoardDocument.Results(40, 1275, ranking, null));
    return new BoardDocument(BoardDocument.SCHEMA_VERSION, "big", "Großer Workshop", T0, T0, null, null,
        List.of(new BoardDocument.Person("p1", "Anna Müller", "Stadt Jena", "facilitator", "#000000", T0)),
        List.of(room), List.of(round));
  }
}
