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
