package io.werkraum.realtime;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.werkraum.audit.AuditAction;
import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditLog;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Role;
import io.werkraum.metrics.WerkraumMetrics;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.Limits;
import io.werkraum.store.SocketStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Decides every bridge event. A socket is let in only with a valid, unused socket ticket and an
 * allowed Origin; it may send only to the two inbound addresses, listen only on its own board,
 * the room its participant is in (facilitators: every room) and its personal address, never
 * publish; every message it sends carries the identity the guard stamps. What a socket sends
 * waits until the store confirmed it (ticket used up now, participant still on the board, and
 * where they are), so nothing runs for a socket that must not exist. Every event's promise is
 * completed, or the socket would hang. Used on one event loop (its HTTP verticle's).
 */
public final class BridgeGuard implements Handler<BridgeEvent> {
  private static final Logger LOG = Logger.getLogger(BridgeGuard.class.getName());

  private final Vertx vertx;
  private final TokenService tokens;
  private final SocketStore store;
  private final OnlineTracker online;
  private final OriginPolicy origins;
  private final AuditLog audit;
  private final WerkraumMetrics metrics;
  private final Map<SockJSSocket, SocketSession> sessions = new HashMap<>();
  private final PresenceFanout presence;
  private final BoardWatches watches;

  /** @param audit where refused sockets are recorded */
  public BridgeGuard(Vertx vertx, TokenService tokens, SocketStore store, OnlineTracker online, OriginPolicy origins,
      AuditLog audit, WerkraumMetrics metrics) {
    this.vertx = vertx;
    this.audit = audit;
    this.tokens = tokens;
    this.store = store;
    this.online = online;
    this.origins = origins;
    this.metrics = metrics;
    this.presence = new PresenceFanout(metrics);
    this.watches = new BoardWatches(vertx, store, this::close);
  }

  /** Starts delivering presence batches to this guard's sockets. */
  public Future<Void> start() {
    return presence.start(vertx);
  }

  public Future<Void> stop() {
    return presence.stop();
  }

  @Override
  public void handle(BridgeEvent event) {
    try {
      switch (event.type()) {
        case SOCKET_CREATED -> opened(event);
        case SOCKET_CLOSED -> closed(event);
        case SEND -> send(event);
        case REGISTER -> register(event);
        case UNREGISTER -> unregister(event);
        case RECEIVE -> receive(event);
        case PUBLISH -> event.complete(false);
        case SOCKET_PING, SOCKET_IDLE, SOCKET_ERROR, REGISTERED -> event.complete(true);
        default -> event.complete(false);
      }
    } catch (RuntimeException e) {
      LOG.warning("bridge event " + event.type() + " refused: " + e);
      event.tryComplete(false);
    }
  }

  private void opened(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    if (!origins.allows(socket.headers().get("Origin"), socket.headers().get("Host"))) {
      refused(null, "origin");
      event.complete(false);
      return;
    }
    List<String> given = new QueryStringDecoder(socket.uri()).parameters().get("ticket");
    long now = System.currentTimeMillis();
    TokenService.Ticket ticket = given == null || given.isEmpty() ? null : tokens.verifyTicket(given.get(0), now);
    if (ticket == null) {
      refused(null, "ticket");
      event.complete(false);
      return;
    }
    // Accept at once (the bridge drops what arrives before), then let the store decide: until it
    // has, what the socket sends waits (see ready()).
    Actor actor = ticket.actor();
    SocketSession session = new SocketSession(TokenService.randomId(9), socket, actor, ticket.nonce(), ticket.expiresAt());
    sessions.put(socket, session);
    metrics.socketOpened(actor.boardId());
    event.complete(true);
    session.ready(watches.watch(session)
        .compose(watching -> store.open(actor.boardId(), actor.participantId(), session.ticketNonce(),
            session.ticketExpiresAt() - System.currentTimeMillis()))
        .compose(opening -> {
          if (opening.participant() == null) {
            refused(actor, "removed");
            return Future.failedFuture("the participant is no longer on the board");
          }
          if (!opening.fresh()) {
            refused(actor, "ticket_used");
            return Future.failedFuture("the ticket opened a socket before");
          }
          session.place(opening.participant(), opening.settings());
          return Future.<Void>succeededFuture();
        })
        .onSuccess(v -> {
          if (sessions.get(socket) == session) {
            online.opened(session);
          }
        })
        .onFailure(err -> {
          LOG.fine(() -> "socket of " + actor.participantId() + " refused: " + err.getMessage());
          close(session);
        }));
  }

  /** Records a socket not let in, with who it claimed to be when its ticket said so. */
  private void refused(Actor actor, String reason) {
    long now = System.currentTimeMillis();
    Map<String, Object> details = Map.of("reason", reason);
    audit.record(actor == null
        ? AuditEntry.byAccount(null, null, now, AuditAction.SOCKET_REFUSED, details)
        : AuditEntry.by(actor, now, AuditAction.SOCKET_REFUSED, details))
        .onFailure(err -> LOG.fine(() -> "cannot record a refused socket: " + err.getMessage()));
  }

  /** Closes a socket the guard no longer lets stay (removed participant, used ticket). */
  private void close(SocketSession session) {
    if (sessions.get(session.socket()) == session) {
      session.socket().close();
    }
  }

  private void closed(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    presence.closed(socket);
    SocketSession session = sessions.remove(socket);
    if (session != null) {
      metrics.socketClosed(session.actor().boardId());
      watches.unwatch(session);
      online.closed(session);
      // Its commands still waiting in the queue are dropped: the browser resends them.
      vertx.eventBus().publish(Bus.SOCKET_CLOSED, session.id(), new DeliveryOptions().setLocalOnly(true));
    }
    event.complete(true);
  }

  private void send(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    SocketSession session = sessions.get(socket);
    if (session == null) {
      event.complete(false);
      return;
    }
    if (!session.allowFrame() && session.flooding()) {
      LOG.warning("closing flooding socket of participant " + session.actor().participantId());
      event.complete(false);
      socket.close();
      return;
    }
    JsonObject raw = event.getRawMessage();
    String address = raw.getString("address");
    // Whatever the browser put in the headers is replaced by who it is.
    raw.put("headers", Headers.stamp(session));
    if (Addresses.COMMANDS.equals(address)) {
      // A command waits until the socket is confirmed; then it goes on, in the order sent.
      session.ready().onComplete(ready -> event.complete(ready.succeeded()));
    } else if (Addresses.PRESENCE.equals(address)) {
      session.ready().onComplete(ready -> event.complete(ready.succeeded() && mayPresence(session, raw)));
    } else {
      event.complete(false);
    }
  }

  /**
   * Presence only from people who act on the board, within their rate, into a room they are in
   * (malformed presence goes on, for the relay to drop silently: it is best effort).
   */
  private static boolean mayPresence(SocketSession session, JsonObject raw) {
    if (session.actor().role() == Role.OBSERVER || !session.allowPresence()) {
      return false;
    }
    return !(raw.getValue("body") instanceof JsonObject body && body.getValue("room") instanceof String room
        && Limits.ID.matcher(room).matches()) || session.mayReceive(room);
  }

  private void register(BridgeEvent event) {
    SocketSession session = sessions.get(event.socket());
    String address = event.getRawMessage().getString("address");
    if (session == null || address == null || !Bus.mayListen(address, session.actor().boardId(),
        session.actor().participantId(), session.isFacilitator()) || !session.register()) {
      event.complete(false);
      return;
    }
    String room = Addresses.roomOf(address, session.actor().boardId());
    Future<Void> decided = session.ready()
        .compose(ready -> room == null || session.mayReceive(room) ? Future.succeededFuture()
            : watches.placeAgain(session).recover(unread -> Future.succeededFuture()))
        .andThen(ready -> {
          if (ready.failed() || (room != null && !session.mayReceive(room))) {
            session.unregister();
            event.complete(false);
            return;
          }
          if (room != null) {
            // Stored events come through the bridge, presence batches from the fanout.
            presence.listen(address, room, event.socket(), session);
          }
          event.complete(true);
        });
    if (room != null) {
      // A room registration may wait for a read: what the socket sends next waits for its
      // decision, so frames are still answered in the order they came.
      session.ready(decided);
    }
  }

  private void unregister(BridgeEvent event) {
    SocketSession session = sessions.get(event.socket());
    String address = event.getRawMessage().getString("address");
    if (session != null && address != null) {
      session.unregister();
      presence.unlisten(address, event.socket());
    }
    event.complete(true);
  }

  /**
   * Lets a message through to a socket: room messages only while the participant is in that room
   * (they may have registered before they were moved); what the board watch learned decides.
   */
  private void receive(BridgeEvent event) {
    SocketSession session = sessions.get(event.socket());
    JsonObject raw = event.getRawMessage();
    String address = raw == null ? null : raw.getString("address");
    if (session == null || address == null || session.isFacilitator()) {
      // Facilitators hear every room.
      event.complete(session != null);
      return;
    }
    String room = Addresses.roomOf(address, session.actor().boardId());
    event.complete(room == null || session.mayReceive(room));
  }
}
