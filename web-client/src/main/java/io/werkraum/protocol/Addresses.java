package io.werkraum.protocol;

/** Every event bus address browsers use, built in one place. */
public final class Addresses {
  /** Browser -> server, request/reply: every command. */
  public static final String COMMANDS = "werkraum.commands";
  /** Browser -> server, send: cursors, drag previews, viewports. */
  public static final String PRESENCE = "werkraum.presence";

  static final String BOARD = "board.{board}";
  static final String ROOM = "board.{board}.room.{room}";
  static final String PERSONAL = "board.{board}.to.{participant}";
  static final String FACILITATORS = "board.{board}.facilitators";

  private Addresses() {}

  /** Board events, the online list. */
  public static String board(String boardId) {
    return BOARD.replace("{board}", boardId);
  }

  /** Room events and presence batches of one room. */
  public static String room(String boardId, String room) {
    return ROOM.replace("{board}", boardId).replace("{room}", room);
  }

  /** What only this participant may see: their votes, their hidden notes. */
  public static String personal(String boardId, String participantId) {
    return PERSONAL.replace("{board}", boardId).replace("{participant}", participantId);
  }

  /** What only facilitators may see: voting progress, hidden notes. */
  public static String facilitators(String boardId) {
    return FACILITATORS.replace("{board}", boardId);
  }

  /** The room an address of {@code boardId} belongs to, or null when it is no room address. */
  public static String roomOf(String address, String boardId) {
    String prefix = ROOM.replace("{board}", boardId).replace("{room}", "");
    return address.startsWith(prefix) ? address.substring(prefix.length()) : null;
  }
}
