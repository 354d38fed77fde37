package io.werkraum.audit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The audit log's download in German or English: column names and what each action means. */
public record AuditLabels(List<String> header, Map<AuditAction, String> actions, Map<String, String> roles) {
  public static AuditLabels of(boolean german) {
    return german ? german() : english();
  }

  private static AuditLabels german() {
    Map<AuditAction, String> a = new EnumMap<>(AuditAction.class);
    a.put(AuditAction.BOARD_CREATED, "Board angelegt");
    a.put(AuditAction.BOARD_DELETED, "Board gelöscht");
    a.put(AuditAction.BOARD_EXPIRED, "Board nach Ablauf der Speicherfrist gelöscht");
    a.put(AuditAction.BOARD_LOCKED, "Board gesperrt");
    a.put(AuditAction.BOARD_UNLOCKED, "Board entsperrt");
    a.put(AuditAction.RETENTION_CHANGED, "Speicherfrist geändert");
    a.put(AuditAction.LINKS_RENEWED, "Link erneuert");
    a.put(AuditAction.JOIN_PROTECTION_CHANGED, "Zugang zum Board geändert (Passwort oder Warteraum)");
    a.put(AuditAction.PARTICIPANT_REMOVED, "Person entfernt");
    a.put(AuditAction.PARTICIPANT_ADMITTED, "Person eingelassen");
    a.put(AuditAction.PARTICIPANT_ERASED, "Daten einer Person gelöscht");
    a.put(AuditAction.ROUND_STARTED, "Abstimmungsrunde gestartet");
    a.put(AuditAction.ROUND_CLOSED, "Abstimmungsrunde beendet");
    a.put(AuditAction.ROOMS_OPENED, "Gruppenräume geöffnet");
    a.put(AuditAction.ROOMS_CLOSED, "Gruppenräume geschlossen");
    a.put(AuditAction.SNAPSHOT_TAKEN, "Zwischenstand gesichert");
    a.put(AuditAction.EXPORT_DOWNLOADED, "Export heruntergeladen");
    a.put(AuditAction.SIGNED_IN, "Angemeldet");
    a.put(AuditAction.SIGN_IN_REFUSED, "Anmeldung abgewiesen");
    a.put(AuditAction.SIGNED_OUT, "Abgemeldet");
    a.put(AuditAction.SOCKET_REFUSED, "Verbindung abgewiesen");
    return new AuditLabels(List.of("Zeit (UTC)", "Wer", "Rolle", "Aktion", "Code", "Einzelheiten"), a, Map.of(
        "facilitator", "Moderation", "participant", "Teilnehmende", "observer", "Beobachtung",
        "account", "Konto", "visitor", "Besuch", "system", "Werkraum"));
  }

  private static AuditLabels english() {
    Map<AuditAction, String> a = new EnumMap<>(AuditAction.class);
    a.put(AuditAction.BOARD_CREATED, "Board created");
    a.put(AuditAction.BOARD_DELETED, "Board deleted");
    a.put(AuditAction.BOARD_EXPIRED, "Board deleted at the end of its retention");
    a.put(AuditAction.BOARD_LOCKED, "Board locked");
    a.put(AuditAction.BOARD_UNLOCKED, "Board unlocked");
    a.put(AuditAction.RETENTION_CHANGED, "Retention changed");
    a.put(AuditAction.LINKS_RENEWED, "Link renewed");
    a.put(AuditAction.JOIN_PROTECTION_CHANGED, "Access to the board changed (passphrase or waiting room)");
    a.put(AuditAction.PARTICIPANT_REMOVED, "Person removed");
    a.put(AuditAction.PARTICIPANT_ADMITTED, "Person let in");
    a.put(AuditAction.PARTICIPANT_ERASED, "A person's data erased");
    a.put(AuditAction.ROUND_STARTED, "Voting round started");
    a.put(AuditAction.ROUND_CLOSED, "Voting round closed");
    a.put(AuditAction.ROOMS_OPENED, "Breakout rooms opened");
    a.put(AuditAction.ROOMS_CLOSED, "Breakout rooms closed");
    a.put(AuditAction.SNAPSHOT_TAKEN, "Snapshot taken");
    a.put(AuditAction.EXPORT_DOWNLOADED, "Export downloaded");
    a.put(AuditAction.SIGNED_IN, "Signed in");
    a.put(AuditAction.SIGN_IN_REFUSED, "Sign-in refused");
    a.put(AuditAction.SIGNED_OUT, "Signed out");
    a.put(AuditAction.SOCKET_REFUSED, "Connection refused");
    return new AuditLabels(List.of("Time (UTC)", "Who", "Role", "Action", "Code", "Details"), a, Map.of(
        "facilitator", "Facilitator", "participant", "Participant", "observer", "Observer",
        "account", "Account", "visitor", "Visitor", "system", "Werkraum"));
  }
}
