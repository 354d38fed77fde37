package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.MessageType;
import io.werkraum.store.SocketStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Who is online, kept in Redis with expiry so a dead node's participants drop out. This node
 * refreshes its own sockets' entries; an entry not refreshed in {@link #TTL_MS} counts as gone.
 * Changes go out as {@code online} messages on the board address, at most one per board and
 * {@link #PUBLISH_DELAY_MS}: when hundreds join at the start of a workshop, each list goes to
 * everyone, so one list per join would cost joins times people.
 */
public final class OnlineTracker {
  private static final Logger LOG = Logger.getLogger(OnlineTracker.class.getName());
  static final long TTL_MS = 30_000;
  static final long REFRESH_MS = 10_000;
  static final long PUBLISH_DELAY_MS = 250;

  private final Vertx vertx;
  private final SocketStore store;
  private final Map<SocketSession, String> local = new ConcurrentHashMap<>();
  private final Map<SocketSession, Future<Void>> marking = new ConcurrentHashMap<>();
  private final Map<String, List<String>> lastPublished = new ConcurrentHashMap<>();
  /** Boards whose list goes out when the current delay ends. */
  private final Set<String> publishing = ConcurrentHashMap.newKeySet();
  private long timer = -1;

  public OnlineTracker(Vertx vertx, SocketStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  public void start() {
    timer = vertx.setPeriodic(REFRESH_MS, id -> refresh());
  }

  /** Takes this node's sockets off the online list, for a graceful shutdown. */
  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    List<Future<Void>> removals = local.keySet().stream()
        .map(s -> store.markOffline(s.actor().boardId(), member(s)))
        .toList();
    local.clear();
    marking.clear();
    return Future.join(removals).mapEmpty();
  }

  void opened(SocketSession session) {
    String board = session.actor().boardId();
    local.put(session, board);
    Future<Void> marked = store.markOnline(board, Map.of(member(session), System.currentTimeMillis() + TTL_MS));
    // Redis calls may travel on different pooled connections: the later removal waits for this.
    marking.put(session, marked);
    marked.onSuccess(v -> publishSoon(board))
        .onFailure(err -> LOG.warning("cannot mark online: " + err.getMessage()));
  }

  void closed(SocketSession session) {
    String board = local.remove(session);
    if (board == null) {
      return;
    }
    Future<Void> marked = marking.remove(session);
    (marked == null ? Future.<Void>succeededFuture() : marked)
        .transform(ignored -> store.markOffline(board, member(session)))
        .onSuccess(v -> publishSoon(board))
        .onFailure(err -> LOG.warning("cannot mark offline: " + err.getMessage()));
  }

  private void refresh() {
    long expiresAt = System.currentTimeMillis() + TTL_MS;
    Map<String, Map<String, Long>> byBoard = new HashMap<>();
    local.forEach((session, board) ->
        byBoard.computeIfAbsent(board, b -> new HashMap<>()).put(member(session), expiresAt));
    byBoard.forEach((board, members) -> store.markOnline(board, members)
        .compose(v -> publish(board, false))
        .onFailure(err -> LOG.warning("cannot refresh online list: " + err.getMessage())));
    // Forget boards this node no longer serves.
    lastPublished.keySet().retainAll(byBoard.keySet());
  }

  /** Publishes the board's list once the delay ends, with every change made until then. */
  private void publishSoon(String board) {
    if (publishing.add(board)) {
      vertx.setTimer(PUBLISH_DELAY_MS, id -> {
        publishing.remove(board);
        publish(board, true).onFailure(err -> LOG.warning("cannot publish online list: " + err.getMessage()));
      });
    }
  }

  /** Publishes the board's online list; on a refresh only when it changed (someone else's node died). */
  private Future<Void> publish(String board, boolean always) {
    return store.online(board, System.currentTimeMillis()).map(ids -> {
      List<String> previous = lastPublished.put(board, ids);
      if (always || !ids.equals(previous)) {
        vertx.eventBus().publish(Addresses.board(board),
            new JsonObject().put("type", MessageType.ONLINE.wire()).put("participants", new JsonArray(ids)));
      }
      return null;
    });
  }

  private static String member(SocketSession session) {
    return session.actor().participantId() + "|" + session.id();
  }
}
