package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.werkraum.board.Actor;
import io.werkraum.board.Rooms;
import io.werkraum.protocol.Limits;

/** What the guard knows about one authenticated socket. */
final class SocketSession {
  /** Frames of every kind; far over this the socket is flooding and is closed. */
  private final RateLimiter frames = new RateLimiter(200, 400);
  /** Presence: cursor, drag and viewport, each at most its rate, with room for jitter. */
  private final RateLimiter presence = new RateLimiter(Limits.PRESENCE_PER_SECOND * 2.5, 50);
  private final String id;
  private final SockJSSocket socket;
  private final Actor actor;
  private final String ticketNonce;
  private final long ticketExpiresAt;
  private Future<Void> ready = Future.failedFuture("not opened");
  private int refused;
  private int registrations;
  private volatile String assignedRoom;
  private volatile boolean breakoutOpen;

  SocketSession(String id, SockJSSocket socket, Actor actor, String ticketNonce, long ticketExpiresAt) {
    this.id = id;
    this.socket = socket;
    this.actor = actor;
    this.ticketNonce = ticketNonce;
    this.ticketExpiresAt = ticketExpiresAt;
  }

  String id() {
    return id;
  }

  SockJSSocket socket() {
    return socket;
  }

  Actor actor() {
    return actor;
  }

  String ticketNonce() {
    return ticketNonce;
  }

  long ticketExpiresAt() {
    return ticketExpiresAt;
  }

  /**
   * Completes once the store said the socket may stay (its ticket unused, its participant still
   * on the board) and where the participant is: until then, what the socket sends waits.
   */
  Future<Void> ready() {
    return ready;
  }

  void ready(Future<Void> ready) {
    this.ready = ready;
  }

  boolean isFacilitator() {
    return actor.isFacilitator();
  }

  /** Where the participant is, from what is stored of them and the board's settings. */
  void place(JsonObject participant, JsonObject settings) {
    this.assignedRoom = participant.getString("room");
    this.breakoutOpen = "open".equals(settings.getString("breakout"));
  }

  void assign(String room) {
    this.assignedRoom = room;
  }

  void breakout(boolean open) {
    this.breakoutOpen = open;
  }

  /** The room this participant is in now. */
  String currentRoom() {
    return Rooms.current(assignedRoom, breakoutOpen);
  }

  /** Whether messages of {@code room} reach this socket: facilitators hear every room, others their own. */
  boolean mayReceive(String room) {
    return actor.isFacilitator() || room.equals(currentRoom());
  }

  boolean allowFrame() {
    return count(frames.tryAcquire());
  }

  boolean allowPresence() {
    return presence.tryAcquire();
  }

  /** A socket that keeps sending far over the frame rate is flooding, not lagging. */
  boolean flooding() {
    return refused > 500;
  }

  /** Counts a registration; false past the most one socket may hold. */
  synchronized boolean register() {
    if (registrations >= Limits.REGISTRATIONS_MAX) {
      return false;
    }
    registrations++;
    return true;
  }

  synchronized void unregister() {
    registrations = Math.max(0, registrations - 1);
  }

  private synchronized boolean count(boolean allowed) {
    refused = allowed ? Math.max(0, refused - 1) : refused + 1;
    return allowed;
  }
}
