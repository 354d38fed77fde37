package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.EventType;
import io.werkraum.protocol.MessageType;
import io.werkraum.protocol.Protocol;
import io.werkraum.store.SocketStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Keeps what the guard knows of where each participant is in step with the board, whatever the
 * socket itself listens to: one consumer per board this guard has sockets on follows the board
 * events that move people (rooms opened or closed, rooms assigned, someone moved) and that remove
 * them or delete the board (their sockets close). It applies each at once (so room messages published after a move,
 * which reach this event loop after it, are already judged by the new room), then reads who is
 * where from the store (events of different nodes may arrive out of order; the read settles it).
 * Used on one event loop.
 */
final class BoardWatches {
  private static final Logger LOG = Logger.getLogger(BoardWatches.class.getName());

  private final Vertx vertx;
  private final SocketStore store;
  /** Closes one socket; the guard's. */
  private final Consumer<SocketSession> close;
  private final Map<String, Watch> watches = new HashMap<>();

  private final class Watch {
    final String board;
    final Set<SocketSession> sessions = new HashSet<>();
    final MessageConsumer<Object> consumer;
    boolean rereading;
    boolean rereadAgain;

    Watch(String board) {
      this.board = board;
      this.consumer = vertx.eventBus().consumer(Addresses.board(board), message -> {
        if (message.body() instanceof JsonObject event) {
          onEvent(this, event);
        }
      });
    }
  }

  BoardWatches(Vertx vertx, SocketStore store, Consumer<SocketSession> close) {
    this.vertx = vertx;
    this.store = store;
    this.close = close;
  }

  /** Follows the session's board; completes once the board's events reach this guard. */
  Future<Void> watch(SocketSession session) {
    Watch watch = watches.computeIfAbsent(session.actor().boardId(), Watch::new);
    watch.sessions.add(session);
    return watch.consumer.completion();
  }

  void unwatch(SocketSession session) {
    Watch watch = watches.get(session.actor().boardId());
    if (watch != null && watch.sessions.remove(session) && watch.sessions.isEmpty()) {
      watches.remove(watch.board);
      watch.consumer.unregister();
    }
  }

  private void onEvent(Watch watch, JsonObject event) {
    String type = event.getString("type", "");
    JsonObject patch = event.getJsonObject("patch");
    if (type.equals(EventType.SETTINGS_UPDATED.wire()) && patch != null && patch.containsKey("breakout")) {
      boolean open = "open".equals(patch.getString("breakout"));
      watch.sessions.forEach(s -> s.breakout(open));
    } else if (type.equals(EventType.ROOMS_ASSIGNED.wire())) {
      JsonObject assignments = event.getJsonObject("assignments", new JsonObject());
      watch.sessions.stream().filter(s -> assignments.containsKey(s.actor().participantId()))
          .forEach(s -> s.assign(assignments.getString(s.actor().participantId())));
    } else if (type.equals(EventType.PARTICIPANT_UPDATED.wire()) && patch != null && patch.containsKey("room")) {
      String id = event.getString("id");
      watch.sessions.stream().filter(s -> s.actor().participantId().equals(id))
          .forEach(s -> s.assign(patch.getString("room")));
    } else if (type.equals(MessageType.BOARD_DELETED.wire())) {
      // Closed with the code that says why (the message itself may not reach a socket first).
      Set.copyOf(watch.sessions).forEach(s -> s.socket().close(Protocol.CLOSE_BOARD_GONE, "board deleted"));
      return;
    } else if (type.equals(EventType.PARTICIPANT_REMOVED.wire()) || type.equals(EventType.PARTICIPANT_ERASED.wire())) {
      String id = event.getString("id");
      watch.sessions.stream().filter(s -> s.actor().participantId().equals(id)).toList()
          .forEach(s -> s.socket().close(Protocol.CLOSE_REMOVED, "removed from the board"));
      return;
    } else {
      return;
    }
    reread(watch);
  }

  /** Reads who is where; one read at a time per board, and one more if events came meanwhile. */
  private void reread(Watch watch) {
    if (watch.rereading) {
      watch.rereadAgain = true;
      return;
    }
    watch.rereading = true;
    store.membership(watch.board).onComplete(read -> {
      watch.rereading = false;
      if (watch.rereadAgain) {
        // Moves came in while reading: this read may predate them; read again instead.
        watch.rereadAgain = false;
        reread(watch);
        return;
      }
      if (read.succeeded()) {
        Set.copyOf(watch.sessions).forEach(session -> place(session, read.result()));
      } else {
        LOG.warning("cannot read who is where on " + watch.board + ": " + read.cause().getMessage());
      }
    });
  }

  /**
   * Reads where one socket's participant is now: for a registration the guard's view refuses, which
   * may not have seen a move the participant has already heard of (the watch and the socket are
   * told of a move separately).
   */
  Future<Void> placeAgain(SocketSession session) {
    return store.membership(session.actor().boardId(), session.actor().participantId()).map(read -> {
      place(session, read);
      return null;
    });
  }

  private void place(SocketSession session, SocketStore.Membership read) {
    JsonObject participant = read.participant(session.actor().participantId());
    if (participant == null) {
      close.accept(session);
    } else {
      session.place(participant, read.settings());
    }
  }
}
