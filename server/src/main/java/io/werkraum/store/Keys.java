package io.werkraum.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every Redis key, built in one place. All keys of a board share the hash tag {@code {b:<id>}}, so
 * each script touches one slot and the layout works unchanged on Redis Cluster.
 */
public final class Keys {
  /** The token-signing secret shared by all nodes, created once. */
  public static final String SECRET = "werkraum:secret";

  /** Stream: the instance's audit entries that belong to no board (any more): deletions, sign-ins, refusals. */
  public static final String AUDIT = "werkraum:audit";
  /** Sorted set: board id scored by when to check next whether it is past its retention. */
  public static final String EXPIRY = "werkraum:expiry";

  private Keys() {}

  /** A template saved from a board, under an unguessable id: its description and owner key's hash. */
  public static String template(String templateId) {
    return "werkraum:template:" + templateId;
  }

  /** The board document a saved template starts new boards as. */
  public static String templateDocument(String templateId) {
    return template(templateId) + ":document";
  }

  private static String tag(String board) {
    return "{b:" + board + "}";
  }

  /** Hash: title, createdAt and the three link credentials. */
  public static String meta(String board) {
    return tag(board) + ":meta";
  }

  /** Hash: room id -> room. */
  public static String rooms(String board) {
    return tag(board) + ":rooms";
  }

  /** Hash: participant id -> participant. */
  public static String participants(String board) {
    return tag(board) + ":participants";
  }

  /** Hash with one field, {@code board}: the settings (lock, timer, spotlight...) with their version. */
  public static String settings(String board) {
    return tag(board) + ":settings";
  }

  /**
   * Hash: subject -> owner ({name, email} as the identity provider gave them): the signed-in people
   * who created the board or joined it through its facilitator link.
   */
  public static String owners(String board) {
    return tag(board) + ":owners";
  }

  /** Hash: participant id -> subject, for facilitators who joined signed in. */
  public static String signedIn(String board) {
    return tag(board) + ":signedin";
  }

  /** Hash: round id -> round. */
  public static String rounds(String board) {
    return tag(board) + ":rounds";
  }

  /**
   * Hash: the votes of the open round (one round is open at a time): {@code round}, its version
   * {@code v}, counters {@code voters} and {@code votes}, per person {@code m:<participant>} (their
   * votes, note -> count) and {@code o:<participant>} (their organisation). Deleted when the round
   * closes: only the tally in the round remains, so nobody can tell later who voted for what.
   */
  public static String ballot(String board) {
    return tag(board) + ":ballot";
  }

  /** Hash: snapshot id -> what it is. */
  public static String snapshots(String board) {
    return tag(board) + ":snapshots";
  }

  /** The content of one snapshot: a board document, written once. */
  public static String snapshot(String board, String snapshotId) {
    return tag(board) + ":snapshot:" + snapshotId;
  }

  /** Presence: members {@code <participant>|<socket>} scored by when they expire. */
  public static String online(String board) {
    return tag(board) + ":online";
  }

  /** Marks a socket ticket as used, until it would have expired anyway. */
  public static String ticket(String board, String nonce) {
    return tag(board) + ":ticket:" + nonce;
  }

  public static String boardSeq(String board) {
    return tag(board) + ":seq";
  }

  /** The board stream's op log: a capped stream whose entry ids are the sequence numbers. */
  public static String boardLog(String board) {
    return tag(board) + ":log";
  }

  private static String room(String board, String room) {
    return tag(board) + ":room:" + room;
  }

  public static String roomSeq(String board, String room) {
    return room(board, room) + ":seq";
  }

  public static String roomLog(String board, String room) {
    return room(board, room) + ":log";
  }

  /** Hash: note id -> note. */
  public static String notes(String board, String room) {
    return room(board, room) + ":notes";
  }

  /** Hash: section id -> section. */
  public static String sections(String board, String room) {
    return room(board, room) + ":sections";
  }

  /** Stream: the board's audit entries (facilitator actions, exports), trimmed by age. */
  public static String audit(String board) {
    return tag(board) + ":audit";
  }

  /**
   * Sorted set: the board's keys that expire on their own (command outcomes, used tickets), scored
   * by when they expire: what deleting the board must find besides the keys it can name.
   */
  public static String expiring(String board) {
    return tag(board) + ":expiring";
  }

  /**
   * Every key of a board that is not in {@link #expiring}: those of the board, of each of its
   * rooms and of each of its snapshots. The meta key comes first.
   */
  public static List<String> allOf(String board, Collection<String> rooms,
      Collection<String> snapshots) {
    List<String> keys = new ArrayList<>(List.of(meta(board), rooms(board),
        participants(board), settings(board), rounds(board), ballot(board), snapshots(board), online(board),
        boardSeq(board), boardLog(board), audit(board), expiring(board), owners(board), signedIn(board)));
    for (String room : rooms) {
      keys.addAll(List.of(roomSeq(board, room), roomLog(board, room), notes(board, room),
          sections(board, room)));
    }
    for (String snapshot : snapshots) {
      keys.add(snapshot(board, snapshot));
    }
    return keys;
  }

  /** The recorded outcome of one command, scoped to its sender so ids cannot collide across people. */
  public static String command(String board, String participant, String commandId) {
    return tag(board) + ":cmd:" + participant + ":" + commandId;
  }
}
