package io.werkraum.protocol;

/** Every event bus address browsers use, built in one place. */
public final class Addresses {
  /** Browser -> server, request/reply: every command. */
  public static final String COMMANDS = "werkraum.commands";
  /** Browser -> server, send: cursors, drag previews, viewports. */
  public static final String PRESENCE = "werkraum.presence";

  // The same addresses with placeholders, for the browser's copy (ProtocolScript): built by the
  // methods below, so the two cannot differ.
  static final String BOARD = board("{board}");
  static final String ROOM = room("{board}", "{room}");
  static final String PERSONAL = personal("{board}", "{participant}");
  static final String FACILITATORS = facilitators("{board}");

  private Addresses() {}

  /** Board events, the online list. */
  public static String board(String boardId) {
    return "board." + boardId;
  }

  /** Room events and presence batches of one room. */
  public static String room(String boardId, String room) {
    return board(boardId) + ".room." + room;
  }

  /** What only this participant may see: their votes, their hidden notes. */
  public static String personal(String boardId, String participantId) {
    return board(boardId) + ".to." + participantId;
  }

  /** What only facilitators may see: voting progress, hidden notes. */
  public static String facilitators(String boardId) {
    return board(boardId) + ".facilitators";
  }

  /** The room an address of {@code boardId} belongs to, or null when it is no room address. */
  public static String roomOf(String address, String boardId) {
    String prefix = room(boardId, "");
    return address.startsWith(prefix) ? address.substring(prefix.length()) : null;
  }
}
