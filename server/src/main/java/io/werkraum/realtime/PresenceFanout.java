package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.werkraum.metrics.WerkraumMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers presence batches to the sockets listening on a room, past the event bus bridge.
 *
 * <p>Fan-out is the cost of presence: through the bridge, each batch is copied for every
 * socket's consumer, wrapped in an envelope and encoded to JSON once per socket. Here the
 * relay encodes the bridge's {@code rec} frame once, as the SockJS message that carries it,
 * publishes it cluster-wide as a string, and each guard writes that same string to its own
 * sockets registered on the room, after the same room check the guard applies to bridged
 * messages. Browsers see exactly what the bridge would have sent them. Each batch carries when
 * it was sent, so each guard records how long it took to reach its last socket.
 */
final class PresenceFanout {
  private static final String ADDRESS_HEADER = "address";
  private static final String SENT_AT_HEADER = "sentAt";

  private final WerkraumMetrics metrics;

  /** room address -> socket -> who listens there, as the guard let them register. */
  private final Map<String, Map<SockJSSocket, Listener>> listeners = new ConcurrentHashMap<>();
  private MessageConsumer<String> consumer;

  private record Listener(SocketSession session, String room) {}

  PresenceFanout(WerkraumMetrics metrics) {
    this.metrics = metrics;
  }

  /** Publishes one presence batch for a room address to every node's sockets, as a SockJS message. */
  static void publish(EventBus bus, String address, JsonObject batch) {
    String message = SockJs.frame(new JsonObject().put("type", "rec").put("address", address).put("body", batch));
    bus.publish(Bus.PRESENCE_OUT, message, new DeliveryOptions().addHeader(ADDRESS_HEADER, address)
        .addHeader(SENT_AT_HEADER, Long.toString(WerkraumMetrics.nowMicros())));
  }

  Future<Void> start(Vertx vertx) {
    consumer = vertx.eventBus().<String>consumer(Bus.PRESENCE_OUT,
        message -> deliver(message.headers().get(ADDRESS_HEADER), message.headers().get(SENT_AT_HEADER), message.body()));
    return consumer.completion();
  }

  Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** The guard let {@code socket} register on the room address {@code address}. */
  void listen(String address, String room, SockJSSocket socket, SocketSession session) {
    listeners.computeIfAbsent(address, a -> new ConcurrentHashMap<>()).put(socket, new Listener(session, room));
  }

  void unlisten(String address, SockJSSocket socket) {
    listeners.computeIfPresent(address, (a, sockets) -> {
      sockets.remove(socket);
      return sockets.isEmpty() ? null : sockets;
    });
  }

  void closed(SockJSSocket socket) {
    listeners.keySet().forEach(address -> unlisten(address, socket));
  }

  private void deliver(String address, String sentAt, String message) {
    Map<SockJSSocket, Listener> sockets = address == null ? null : listeners.get(address);
    if (sockets == null) {
      return;
    }
    int written = 0;
    for (Map.Entry<SockJSSocket, Listener> entry : sockets.entrySet()) {
      Listener listener = entry.getValue();
      if (listener.session().mayReceive(listener.room()) && entry.getKey() instanceof BridgeSocket bridged) {
        bridged.writeSockJs(message);
        written++;
      }
    }
    if (written > 0 && sentAt != null) {
      metrics.presenceDelivered(Long.parseLong(sentAt), written);
    }
  }
}
