package io.werkraum.store;

import io.werkraum.protocol.Addresses;

/**
 * One sequenced event stream of a board: the board stream, or one room's stream. Each has its
 * sequence number and its capped op log.
 *
 * @param room the room, or null for the board stream
 */
public record Stream(String boardId, String room) {
  public static Stream board(String boardId) {
    return new Stream(boardId, null);
  }

  public static Stream room(String boardId, String room) {
    return new Stream(boardId, room);
  }

  String seqKey() {
    return room == null ? Keys.boardSeq(boardId) : Keys.roomSeq(boardId, room);
  }

  String logKey() {
    return room == null ? Keys.boardLog(boardId) : Keys.roomLog(boardId, room);
  }

  /** Where browsers listen for this stream's events. */
  public String address() {
    return room == null ? Addresses.board(boardId) : Addresses.room(boardId, room);
  }
}
