package io.werkraum.rooms;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.ErrorCode;
import io.werkraum.board.Limits;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.store.BoardStore;

/**
 * Which room a participant may see and change: while breakout rooms are open, their own room
 * (the plenary when they have none); otherwise the plenary. Facilitators may enter any room.
 */
public final class RoomAccess {
  private final BoardStore store;

  public RoomAccess(BoardStore store) {
    this.store = store;
  }

  /** The room the actor is in now; null for facilitators, who may be anywhere. */
  public Future<String> currentRoom(Actor actor) {
    if (actor.role() == Role.FACILITATOR) {
      return Future.succeededFuture(null);
    }
    return Future.all(store.participant(actor.boardId(), actor.participantId()), store.settings(actor.boardId()))
        .map(both -> currentRoom(both.resultAt(0), both.resultAt(1)));
  }

  /** The room a stored participant is in, given the board's settings. */
  public static String currentRoom(JsonObject participant, JsonObject settings) {
    return currentRoom(participant == null ? null : participant.getString("room"),
        "open".equals(settings.getString("breakout")));
  }

  /** The room of someone assigned to {@code assignedRoom} (or none) while rooms are open or not. */
  public static String currentRoom(String assignedRoom, boolean breakoutOpen) {
    return breakoutOpen && assignedRoom != null ? assignedRoom : Limits.MAIN_ROOM;
  }

  /** Fails with {@code not_allowed} unless the actor may act in {@code room}. */
  public Future<Void> check(Actor actor, String room) {
    if (room == null || actor.role() == Role.FACILITATOR) {
      return Future.succeededFuture();
    }
    return currentRoom(actor).compose(current -> {
      if (room.equals(current)) {
        return Future.succeededFuture();
      }
      return store.rooms(actor.boardId()).compose(rooms -> Future.failedFuture(rooms.containsKey(room)
          ? new Rejection(ErrorCode.NOT_ALLOWED, "that room is not yours; you are in '" + current + "'",
              java.util.Map.of("room", current))
          : new Rejection(ErrorCode.NOT_FOUND, "no room '" + room + "'")));
    });
  }
}
