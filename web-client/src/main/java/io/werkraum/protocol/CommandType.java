package io.werkraum.protocol;

/**
 * Every command a browser sends on {@link Addresses#COMMANDS}. The server's command table has one
 * entry per constant (a test holds them equal); who may send each is decided there.
 */
public enum CommandType {
  NOTE_CREATE("note.create"),
  NOTE_UPDATE("note.update"),
  NOTE_DELETE("note.delete"),
  NOTE_DUPLICATE("note.duplicate"),
  SECTION_CREATE("section.create"),
  SECTION_UPDATE("section.update"),
  SECTION_DELETE("section.delete"),
  PARTICIPANT_UPDATE("participant.update"),
  PARTICIPANT_REMOVE("participant.remove"),
  PARTICIPANT_MOVE("participant.move"),
  PARTICIPANT_ERASE("participant.erase"),
  BOARD_LOCK("board.lock"),
  BOARD_RETENTION("board.retention"),
  BOARD_DELETE("board.delete"),
  BOARD_PROTECT("board.protect"),
  BOARD_ADMISSION("board.admission"),
  PARTICIPANT_ADMIT("participant.admit"),
  HAND_LOWER("hand.lower"),
  BOARD_SIGNIN("board.signin"),
  SPOTLIGHT_SET("spotlight.set"),
  SPOTLIGHT_CLEAR("spotlight.clear"),
  VIEW_BRING("view.bring"),
  VIEW_FOLLOW("view.follow"),
  BROADCAST_SEND("broadcast.send"),
  BROADCAST_CLEAR("broadcast.clear"),
  TIMER_START("timer.start"),
  TIMER_PAUSE("timer.pause"),
  TIMER_RESUME("timer.resume"),
  TIMER_ADD("timer.add"),
  TIMER_RESET("timer.reset"),
  PRIVATE_SET("private.set"),
  PRIVATE_REVEAL("private.reveal"),
  LINKS_GET("links.get"),
  LINKS_RENEW("links.renew"),
  ROUND_START("round.start"),
  ROUND_CLOSE("round.close"),
  ROUND_SHOW("round.show"),
  VOTE_CAST("vote.cast"),
  VOTE_RETRACT("vote.retract"),
  ROOMS_CREATE("rooms.create"),
  ROOMS_ASSIGN("rooms.assign"),
  ROOMS_OPEN("rooms.open"),
  ROOMS_CLOSE("rooms.close"),
  ROOMS_HARVEST("rooms.harvest"),
  ROOMS_WATCH("rooms.watch"),
  ROOM_CHOOSE("room.choose"),
  SNAPSHOT_TAKE("snapshot.take"),
  SYNC("sync");

  private final String wire;

  CommandType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
