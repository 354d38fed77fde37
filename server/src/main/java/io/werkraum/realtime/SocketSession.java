package io.werkraum.realtime;

import io.werkraum.board.Actor;

/** What the guard knows about one authenticated socket. */
final class SocketSession {
  /** Commands: a person clicking fast, plus resends after a reconnect. */
  private final RateLimiter commands = new RateLimiter(20, 60);
  /** Presence: cursor and drag at 20 Hz each, with room for jitter. */
  private final RateLimiter presence = new RateLimiter(50, 50);
  private final String id;
  private final Actor actor;
  private int refused;
  private volatile String assignedRoom;
  private volatile boolean breakoutOpen;

  SocketSession(String id, Actor actor) {
    this.id = id;
    this.actor = actor;
  }

  String id() {
    return id;
  }

  Actor actor() {
    return actor;
  }

  boolean allowCommand() {
    return count(commands.tryAcquire());
  }

  boolean allowPresence() {
    return count(presence.tryAcquire());
  }

  void roomState(String assignedRoom, boolean breakoutOpen) {
    this.assignedRoom = assignedRoom;
    this.breakoutOpen = breakoutOpen;
  }

  /** The room this participant is in now, as RoomAccess decides it from the stored state. */
  String currentRoom() {
    return io.werkraum.rooms.RoomAccess.currentRoom(assignedRoom, breakoutOpen);
  }

  /** Whether messages of {@code room} reach this socket: facilitators hear every room, others their own. */
  boolean mayReceive(String room) {
    return actor.role() == io.werkraum.board.Role.FACILITATOR || room.equals(currentRoom());
  }

  /** Follows the board events that move this participant: breakout opened or closed, rooms assigned. */
  void track(io.vertx.core.json.JsonObject event) {
    String type = event.getString("type", "");
    String me = actor.participantId();
    switch (type) {
      case "settings.updated" -> {
        io.vertx.core.json.JsonObject patch = event.getJsonObject("patch");
        if (patch != null && patch.containsKey("breakout")) {
          breakoutOpen = "open".equals(patch.getString("breakout"));
        }
      }
      case "rooms.assigned" -> {
        io.vertx.core.json.JsonObject assignments = event.getJsonObject("assignments");
        if (assignments != null && assignments.containsKey(me)) {
          assignedRoom = assignments.getString(me);
        }
      }
      case "participant.updated" -> {
        io.vertx.core.json.JsonObject patch = event.getJsonObject("patch");
        if (me.equals(event.getString("id")) && patch != null && patch.containsKey("room")) {
          assignedRoom = patch.getString("room");
        }
      }
      default -> { }
    }
  }

  /** A socket that keeps sending far over its rate is flooding, not lagging. */
  boolean flooding() {
    return refused > 500;
  }

  private synchronized boolean count(boolean allowed) {
    if (allowed) {
      refused = Math.max(0, refused - 1);
    } else {
      refused++;
    }
    return allowed;
  }
}
