package io.werkraum.export;

import java.util.Locale;

/**
 * The headings and phrases of the PDF workshop report, in German or English.
 *
 * @param datePattern a time, with the zone's short name ({@code z}), so every time says its zone
 * @param timeZone "time zone: %s", {@code %s} the zone's id (Europe/Berlin)
 * @param picture the alternative text of a room's picture: {@code %s} its name, then its sections and notes
 * @param live what a download of the live board is called in its file name (a snapshot's is {@link #snapshot})
 */
public record ReportLabels(
    Locale locale,
    String datePattern,
    String report,
    String exportedAt,
    String createdAt,
    String snapshot,
    String attendance,
    String participantsTotal,
    String noOrganisation,
    String rooms,
    String plenary,
    String breakout,
    String outsideSections,
    String noNotes,
    String votesFromRound,
    String vote,
    String votes,
    String harvestedFrom,
    String harvested,
    String rounds,
    String noRounds,
    String round,
    String votesPerParticipant,
    String maxPerNote,
    String anonymous,
    String named,
    String room,
    String sections,
    String allSections,
    String status,
    String statusOpen,
    String statusClosed,
    String started,
    String closed,
    String resultsSummary,
    String byOrganisation,
    String ranking,
    String noResults,
    String votedBy,
    String page,
    OrganisationTexts organisations,
    String retention,
    String decided,
    String noDecisions,
    String organisation,
    String people,
    String names,
    String total,
    String timeZone,
    String picture,
    String live) {

  /** How long the board is kept, {@code %d} its days: said by every human-readable export. */
  static final String RETENTION_DE = "Dieses Board wird %d Tage nach seiner letzten Aktivität mit allen Inhalten gelöscht.";
  static final String RETENTION_EN = "This board and everything on it is deleted %d days after its last activity.";

  public static ReportLabels german() {
    return new ReportLabels(Locale.GERMANY, "dd.MM.yyyy, HH:mm 'Uhr' z",
        "Workshop-Bericht", "Exportiert am", "Board angelegt am", "Stand", "Teilnahme",
        "Teilnehmende insgesamt", "ohne Organisation", "Räume", "Plenum", "Kleingruppe",
        "Außerhalb der Bereiche", "Keine Notizen.", "Stimmen aus der Runde", "Stimme", "Stimmen",
        "übernommen aus", "Übernommene Ergebnisse aus Kleingruppen", "Abstimmungsrunden",
        "Keine Abstimmungsrunden.", "Runde", "Stimmen pro Person", "höchstens pro Notiz", "anonym",
        "namentlich", "Raum", "Bereiche", "alle", "Status", "offen", "abgeschlossen", "begonnen",
        "beendet", "%d Stimmen von %d Teilnehmenden", "Stimmen je Organisation", "Ergebnis",
        "Keine Ergebnisse.", "Abgestimmt haben", "Seite %d von %d", OrganisationTexts.german(),
        RETENTION_DE, "Was entschieden wurde", "Noch keine Abstimmungsrunde abgeschlossen.", "Organisation",
        "Personen", "Namen", "Insgesamt", "Zeitzone: %s",
        "Bild des Raums „%s“ mit %d Bereichen und %d Notizen; die Notizen folgen als Text.", "Live");
  }

  public static ReportLabels english() {
    return new ReportLabels(Locale.UK, "d MMMM yyyy, HH:mm z",
        "Workshop report", "Exported on", "Board created on", "Snapshot", "Attendance",
        "Participants in total", "no organisation", "Rooms", "Plenary", "Breakout room",
        "Outside sections", "No notes.", "Votes from the round", "vote", "votes",
        "harvested from", "Results harvested from breakout rooms", "Voting rounds",
        "No voting rounds.", "Round", "Votes per participant", "at most per note", "anonymous",
        "named", "Room", "Sections", "all", "Status", "open", "closed", "started",
        "closed", "%d votes from %d participants", "Votes per organisation", "Results",
        "No results.", "Voted", "Page %d of %d", OrganisationTexts.english(),
        RETENTION_EN, "What was decided", "No voting round closed yet.", "Organisation", "People", "Names",
        "Total", "Time zone: %s", "Picture of the room “%s” with %d sections and %d notes; the notes follow as text.",
        "live");
  }

  /** German for "de…" locales, English otherwise. */
  public static ReportLabels of(Locale locale) {
    return locale != null && "de".equals(locale.getLanguage()) ? german() : english();
  }

  String votes(int n) {
    return n + " " + (n == 1 ? vote : votes);
  }
}
