package io.werkraum.realtime;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Role;
import io.werkraum.store.BoardStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Decides every bridge event. A socket is let in only with a valid socket ticket and an allowed
 * Origin; it may send only to the two inbound addresses, listen only on its own board, rooms and
 * personal address, never publish; every message it sends carries the identity the guard stamps.
 * Every event's promise is completed, or the socket would hang.
 */
public final class BridgeGuard implements Handler<BridgeEvent> {
  private static final Logger LOG = Logger.getLogger(BridgeGuard.class.getName());

  private final TokenService tokens;
  private final BoardStore store;
  private final OnlineTracker online;
  private final OriginPolicy origins;
  private final Map<SockJSSocket, SocketSession> sessions = new ConcurrentHashMap<>();
  private final PresenceFanout presence = new PresenceFanout();

  public BridgeGuard(TokenService tokens, BoardStore store, OnlineTracker online, OriginPolicy origins) {
    this.tokens = tokens;
    this.store = store;
    this.online = online;
    this.origins = origins;
  }

  /** Starts delivering presence batches to this guard's sockets. */
  public Future<Void> start(Vertx vertx) {
    return presence.start(vertx);
  }

  public Future<Void> stop() {
    return presence.stop();
  }

  /** Closes this guard's sockets of a participant who was removed from the board. */
  public void kick(String boardId, String participantId) {
    sessions.forEach((socket, session) -> {
      if (session.actor().boardId().equals(boardId) && session.actor().participantId().equals(participantId)) {
        socket.close();
      }
    });
  }

  @Override
  public void handle(BridgeEvent event) {
    try {
      switch (event.type()) {
        case SOCKET_CREATED -> authenticate(event);
        case SOCKET_CLOSED -> closed(event);
        case SEND -> send(event);
        case REGISTER -> register(event);
        case PUBLISH -> event.complete(false);
        case SOCKET_ERROR -> {
          // SockJS shuts the session down on a transport error (e.g. a message over the size
          // limit) but leaves the WebSocket open: close it, so the browser reconnects.
          event.socket().close();
          event.complete(true);
        }
        case RECEIVE -> receive(event);
        case UNREGISTER -> {
          String address = event.getRawMessage().getString("address");
          if (address != null) {
            presence.unlisten(address, event.socket());
          }
          event.complete(true);
        }
        case SOCKET_PING, SOCKET_IDLE, REGISTERED -> event.complete(true);
        default -> event.complete(false);
      }
    } catch (RuntimeException e) {
      LOG.warning("bridge event " + event.type() + " refused: " + e);
      event.tryComplete(false);
    }
  }

  private void authenticate(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    if (!origins.allows(socket.headers().get("Origin"), socket.headers().get("Host"))) {
      event.complete(false);
      return;
    }
    List<String> given = new QueryStringDecoder(socket.uri()).parameters().get("ticket");
    TokenService.Ticket ticket = given == null || given.isEmpty()
        ? null : tokens.verifyTicket(given.get(0), System.currentTimeMillis());
    if (ticket == null) {
      event.complete(false);
      return;
    }
    Actor actor = ticket.actor();
    // Decide at once: the bridge drops frames that arrive before the socket is accepted. A removed
    // participant's token still verifies, so the store check follows and closes such a socket.
    SocketSession session = new SocketSession(TokenService.randomId(9), actor);
    // Where the participant was a moment ago, so the socket's first registrations are decided at once.
    session.roomState(ticket.assignedRoom(), ticket.breakoutOpen());
    sessions.put(socket, session);
    event.complete(true);
    store.participant(actor.boardId(), actor.participantId()).onComplete(found -> {
      if (sessions.get(socket) != session) {
        return; // closed while we looked: nothing to mark online
      }
      if (found.succeeded() && found.result() != null) {
        online.opened(session);
      } else {
        sessions.remove(socket);
        socket.close();
      }
    });
  }

  private void closed(BridgeEvent event) {
    presence.closed(event.socket());
    SocketSession session = sessions.remove(event.socket());
    if (session != null) {
      online.closed(session);
    }
    event.complete(true);
  }

  private void send(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    SocketSession session = sessions.get(socket);
    JsonObject raw = event.getRawMessage();
    String address = raw.getString("address");
    if (session == null) {
      event.complete(false);
      return;
    }
    boolean allowed;
    if (Addresses.COMMANDS.equals(address)) {
      // Over the rate, a command still reaches the handler, which answers rate_limited: the
      // sender gets a reply it can act on instead of a silent drop.
      boolean withinRate = session.allowCommand();
      raw.put("headers", Headers.stamp(session, !withinRate));
      allowed = true;
    } else if (Addresses.PRESENCE.equals(address)) {
      allowed = session.actor().role() != Role.OBSERVER && session.allowPresence();
      raw.put("headers", Headers.stamp(session, false));
    } else {
      allowed = false;
    }
    event.complete(allowed);
    if (session.flooding()) {
      LOG.warning("closing flooding socket of participant " + session.actor().participantId());
      socket.close();
    }
  }

  private void register(BridgeEvent event) {
    SocketSession session = sessions.get(event.socket());
    String address = event.getRawMessage().getString("address");
    if (session == null || address == null || !Addresses.mayListen(address, session.actor().boardId(),
        session.actor().participantId(), session.actor().role() == Role.FACILITATOR)) {
      event.complete(false);
      return;
    }
    String room = Addresses.roomOf(address, session.actor().boardId());
    if (room == null) {
      event.complete(true);
      return;
    }
    if (session.actor().role() == Role.FACILITATOR) {
      listenToRoom(event, address, room, session);
      return;
    }
    // A participant listens only to the room they are in. What the guard knows decides at once,
    // so a registration is in place before the browser's next frame (its sync) is handled; a
    // room it does not know them in is read afresh from the store, as the socket may have missed
    // the board events that moved them.
    if (room.equals(session.currentRoom())) {
      listenToRoom(event, address, room, session);
      return;
    }
    String board = session.actor().boardId();
    Future.all(store.participant(board, session.actor().participantId()), store.settings(board)).onComplete(found -> {
      if (found.failed() || found.result().resultAt(0) == null) {
        event.complete(false);
        return;
      }
      JsonObject participant = found.result().resultAt(0);
      JsonObject settings = found.result().resultAt(1);
      session.roomState(participant.getString("room"), "open".equals(settings.getString("breakout")));
      if (room.equals(session.currentRoom())) {
        listenToRoom(event, address, room, session);
      } else {
        event.complete(false);
      }
    });
  }

  /** Lets the socket register on a room: its stored events come through the bridge, its presence from the fanout. */
  private void listenToRoom(BridgeEvent event, String address, String room, SocketSession session) {
    presence.listen(address, room, event.socket(), session);
    event.complete(true);
  }

  /**
   * Lets a message through to a socket: room messages only while the participant is in that room
   * (they may have registered before the facilitator moved them). Board messages that move the
   * participant update what the guard knows of their room, before later room messages arrive.
   */
  private void receive(BridgeEvent event) {
    SocketSession session = sessions.get(event.socket());
    JsonObject raw = event.getRawMessage();
    String address = raw == null ? null : raw.getString("address");
    if (session == null || address == null || session.actor().role() == Role.FACILITATOR) {
      event.complete(session != null);
      return;
    }
    String board = session.actor().boardId();
    if (address.equals(Addresses.board(board)) && raw.getValue("body") instanceof JsonObject body) {
      session.track(body);
      event.complete(true);
      return;
    }
    String room = Addresses.roomOf(address, board);
    event.complete(room == null || session.mayReceive(room));
  }
}
