package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Role;
import io.werkraum.metrics.WerkraumMetrics;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.Limits;
import io.werkraum.protocol.MessageType;
import io.werkraum.protocol.PresenceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Relays ephemeral gestures (cursors, drag previews, who is writing which note, a facilitator's
 * view, leaving a room). Nothing is stored; the guard let through only presence for a room its
 * sender is in. Updates are coalesced per room and sent as one {@code presence} batch per tick: however many people move, a browser gets
 * at most one presence message per tick from this node, and a newer position of the same thing
 * replaces the older one within the tick. A room that was quiet for a tick is flushed at once
 * (leading edge), so a lone drag is not delayed by up to a tick.
 */
public final class PresenceRelay {
  static final long TICK_MS = Limits.PRESENCE_TICK_MS;
  private static final double LIMIT = Limits.COORDINATE_MAX;

  private final Vertx vertx;
  private final WerkraumMetrics metrics;
  /** room address -> (participant + thing -> latest item); only touched on this relay's event loop. */
  private final Map<String, Map<String, JsonObject>> pending = new HashMap<>();
  /** room address -> when its last batch went out (ms); rooms quiet for a tick are dropped. */
  private final Map<String, Long> lastFlush = new HashMap<>();
  private MessageConsumer<Object> consumer;
  private long sweeper = -1;

  public PresenceRelay(Vertx vertx, WerkraumMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
  }

  public Future<Void> start() {
    consumer = vertx.eventBus().localConsumer(Addresses.PRESENCE, this::collect);
    sweeper = vertx.setPeriodic(60_000, id -> forgetQuietRooms());
    return consumer.completion();
  }

  public Future<Void> stop() {
    vertx.cancelTimer(sweeper);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void collect(Message<Object> message) {
    Actor actor = Headers.actor(message.headers());
    if (actor == null || !(message.body() instanceof JsonObject body)) {
      return;
    }
    PresenceKind kind = PresenceKind.of(body.getValue("kind"));
    JsonObject item = kind == null ? null : validItem(actor, kind, body);
    String room = body.getString("room");
    if (item == null || room == null || !Limits.ID.matcher(room).matches()) {
      return;
    }
    String address = Addresses.room(actor.boardId(), room);
    Map<String, JsonObject> batch = pending.get(address);
    if (batch == null) {
      batch = new LinkedHashMap<>();
      pending.put(address, batch);
      long since = System.currentTimeMillis() - lastFlush.getOrDefault(address, 0L);
      vertx.setTimer(Math.max(1, TICK_MS - since), id -> flush(address));
    }
    String who = actor.participantId() + "|";
    if (kind == PresenceKind.LEAVE) {
      // Whatever they did in this tick is moot: they left.
      batch.keySet().removeIf(key -> key.startsWith(who));
    }
    String thing = switch (kind) {
      case DRAG, DRAG_END -> "drag:" + item.getString("id");
      case EDITING, EDIT_END -> "edit:" + item.getString("id");
      default -> kind.wire();
    };
    batch.put(who + thing, item);
  }

  /** The item to relay, or null for malformed input (dropped silently: presence is best effort). */
  private static JsonObject validItem(Actor actor, PresenceKind kind, JsonObject body) {
    JsonObject item = new JsonObject().put("p", actor.participantId()).put("kind", kind.wire());
    if (kind == PresenceKind.VIEWPORT) {
      // Only facilitators lead a view that others may follow.
      if (actor.role() != Role.FACILITATOR || !(body.getValue("zoom") instanceof Number zoom)
          || !(zoom.doubleValue() >= Limits.ZOOM_MIN && zoom.doubleValue() <= Limits.ZOOM_MAX)) {
        return null;
      }
      item.put("zoom", zoom.doubleValue());
    }
    if (kind == PresenceKind.CURSOR || kind == PresenceKind.DRAG || kind == PresenceKind.VIEWPORT) {
      if (!(body.getValue("x") instanceof Number x) || !(body.getValue("y") instanceof Number y)
          || !finite(x.doubleValue()) || !finite(y.doubleValue())) {
        return null;
      }
      item.put("x", x.doubleValue()).put("y", y.doubleValue());
    }
    if (kind == PresenceKind.DRAG || kind == PresenceKind.DRAG_END || kind == PresenceKind.EDITING
        || kind == PresenceKind.EDIT_END) {
      Object id = body.getValue("id");
      if (!(id instanceof String s) || !Limits.ID.matcher(s).matches()) {
        return null;
      }
      item.put("id", s);
    }
    return item;
  }

  private static boolean finite(double v) {
    return Double.isFinite(v) && Math.abs(v) <= LIMIT;
  }

  private void flush(String address) {
    Map<String, JsonObject> items = pending.remove(address);
    lastFlush.put(address, System.currentTimeMillis());
    if (items != null && !items.isEmpty()) {
      PresenceFanout.publish(vertx.eventBus(), address,
          new JsonObject().put("type", MessageType.PRESENCE.wire()).put("items", new JsonArray(new ArrayList<>(items.values()))));
      metrics.presenceBatchSent();
    }
  }

  private void forgetQuietRooms() {
    long cutoff = System.currentTimeMillis() - TICK_MS;
    lastFlush.values().removeIf(at -> at < cutoff);
  }
}
