package io.werkraum.realtime;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Role;

/** The identity headers the bridge guard stamps on every inbound message, and their reading. */
final class Headers {
  static final String BOARD = "werkraum-board";
  static final String PARTICIPANT = "werkraum-participant";
  static final String ROLE = "werkraum-role";
  /** Which socket sent it, so one socket's commands are applied in the order it sent them. */
  static final String SOCKET = "werkraum-socket";

  private Headers() {}

  /** The headers of a message from this session; whatever the browser put there is replaced. */
  static JsonObject stamp(SocketSession session) {
    return new JsonObject()
        .put(BOARD, session.actor().boardId())
        .put(PARTICIPANT, session.actor().participantId())
        .put(ROLE, session.actor().role().wire())
        .put(SOCKET, session.id());
  }

  /** The stamped actor, or null for a message that did not come through the guard. */
  static Actor actor(MultiMap headers) {
    String board = headers.get(BOARD);
    String participant = headers.get(PARTICIPANT);
    String role = headers.get(ROLE);
    if (board == null || participant == null || role == null) {
      return null;
    }
    return new Actor(board, participant, Role.fromWire(role));
  }
}
