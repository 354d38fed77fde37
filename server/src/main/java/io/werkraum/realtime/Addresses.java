package io.werkraum.realtime;

/** Every event bus address, built and recognised in one place. */
public final class Addresses {
  /** Browser -> server, request/reply: commands and sync. */
  public static final String COMMANDS = "werkraum.commands";
  /** Browser -> server, send: cursors, drag previews. */
  public static final String PRESENCE = "werkraum.presence";

  /** Cluster-wide, never bridged: a room's presence batch, encoded once, for every node's sockets. */
  public static final String PRESENCE_OUT = "werkraum.presence.out";

  /** Cluster-wide, never bridged: closes the sockets of a removed participant on every node. */
  public static final String KICK = "werkraum.kick";

  private static final String BOARD = "board.";
  private static final String ROOM = ".room.";
  private static final String PERSONAL = ".to.";

  private Addresses() {}

  public static String board(String boardId) {
    return BOARD + boardId;
  }

  public static String room(String boardId, String room) {
    return BOARD + boardId + ROOM + room;
  }

  public static String personal(String boardId, String participantId) {
    return BOARD + boardId + PERSONAL + participantId;
  }

  /** The room an address of {@code boardId} belongs to, or null when it is no room address. */
  public static String roomOf(String address, String boardId) {
    String prefix = BOARD + boardId + ROOM;
    return address.startsWith(prefix) ? address.substring(prefix.length()) : null;
  }

  /** What only the facilitators of a board may listen to: live voting progress. */
  public static String facilitators(String boardId) {
    return BOARD + boardId + ".facilitators";
  }

  /**
   * Whether a socket of {@code participantId} on {@code boardId} may listen on {@code address}:
   * its board, a room of its board, its own personal address, and, for facilitators, the
   * facilitators' address; nothing else, whatever a regex would let through.
   */
  public static boolean mayListen(String address, String boardId, String participantId, boolean facilitator) {
    String board = board(boardId);
    if (address.equals(board) || address.equals(personal(boardId, participantId))) {
      return true;
    }
    if (address.equals(facilitators(boardId))) {
      return facilitator;
    }
    String roomPrefix = board + ROOM;
    if (address.startsWith(roomPrefix)) {
      String room = address.substring(roomPrefix.length());
      return io.werkraum.board.Limits.ID.matcher(room).matches();
    }
    return false;
  }
}
