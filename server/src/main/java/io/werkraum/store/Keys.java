package io.werkraum.store;

import io.werkraum.board.Mutation.Collection;

/**
 * Every Redis key, built in one place. All keys of a board share the hash tag {@code {b:<id>}},
 * so each Lua script touches one slot and the layout works unchanged on Redis Cluster.
 */
public final class Keys {
  /** The token-signing secret shared by all nodes, created once. */
  public static final String SECRET = "werkraum:secret";

  private Keys() {}

  /** A template saved from a board, under an unguessable id: its description and owner key's hash. */
  public static String template(String templateId) {
    return "werkraum:template:" + templateId;
  }

  /** The board document a saved template starts new boards as. */
  public static String templateDocument(String templateId) {
    return template(templateId) + ":document";
  }

  /** What every key of one board starts with (its hash tag). */
  public static String boardPrefix(String board) {
    return tag(board);
  }

  private static String tag(String board) {
    return "{b:" + board + "}";
  }

  public static String meta(String board) {
    return tag(board) + ":meta";
  }

  public static String rooms(String board) {
    return boardCollection(board, Collection.ROOMS);
  }

  public static String participants(String board) {
    return boardCollection(board, Collection.PARTICIPANTS);
  }

  /** A board-level collection: participants, settings, rounds. */
  public static String boardCollection(String board, Collection collection) {
    return tag(board) + ":" + collection.key();
  }

  /** The content of one snapshot: a board document, written once. */
  public static String snapshot(String board, String snapshotId) {
    return tag(board) + ":snapshot:" + snapshotId;
  }

  /** Per round: participant -> how many votes they have given. */
  public static String voteTotals(String board, String round) {
    return tag(board) + ":votes:" + round + ":totals";
  }

  /** Per round and participant: note -> how many of their votes it has. */
  public static String votesBy(String board, String round, String participant) {
    return votesByPrefix(board, round) + participant;
  }

  /** Per round: participant -> their organisation when they first voted. */
  public static String voteOrganisations(String board, String round) {
    return tag(board) + ":votes:" + round + ":org";
  }

  /** Per round: participant:commandId -> the outcome of that vote command, for resends. */
  public static String voteCommands(String board, String round) {
    return tag(board) + ":votes:" + round + ":cmd";
  }

  public static String votesByPrefix(String board, String round) {
    return tag(board) + ":votes:" + round + ":by:";
  }

  /** Presence: members {@code <participant>|<socket>} scored by when they expire. */
  public static String online(String board) {
    return tag(board) + ":online";
  }

  public static String boardSeq(String board) {
    return tag(board) + ":seq";
  }

  public static String boardLog(String board) {
    return tag(board) + ":log";
  }

  /** What every key of one room starts with. */
  public static String roomPrefix(String board) {
    return tag(board) + ":room:";
  }

  public static String roomSeq(String board, String room) {
    return roomPrefix(board) + room + ":seq";
  }

  public static String roomLog(String board, String room) {
    return roomPrefix(board) + room + ":log";
  }

  public static String roomCollection(String board, String room, Collection collection) {
    return roomPrefix(board) + room + ":" + collection.key();
  }

  /** The recorded outcome of one command, scoped to its sender so ids cannot collide across people. */
  public static String command(String board, String participant, String commandId) {
    return tag(board) + ":cmd:" + participant + ":" + commandId;
  }
}
