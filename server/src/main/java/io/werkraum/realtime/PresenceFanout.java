package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
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
 * messages. Browsers see exactly what the bridge would have sent them.
 */
final class PresenceFanout {
  private static final String ADDRESS_HEADER = "address";

  /** room address -> socket -> who listens there, as the guard let them register. */
  private final Map<String, Map<SockJSSocket, Listener>> listeners = new ConcurrentHashMap<>();
  private MessageConsumer<String> consumer;

  private record Listener(SocketSession session, String room) {}

  /** Publishes one presence batch for a room address to every node's sockets, as a SockJS message. */
  static void publish(EventBus bus, String address, JsonObject batch) {
    String message = SockJs.frame(new JsonObject().put("type", "rec").put("address", address).put("body", batch));
    bus.publish(Bus.PRESENCE_OUT, message, new DeliveryOptions().addHeader(ADDRESS_HEADER, address));
  }

  Future<Void> start(Vertx vertx) {
    consumer = vertx.eventBus().<String>consumer(Bus.PRESENCE_OUT,
        message -> deliver(message.headers().get(ADDRESS_HEADER), message.body()));
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

  private void deliver(String address, String message) {
    Map<SockJSSocket, Listener> sockets = address == null ? null : listeners.get(address);
    if (sockets == null) {
      return;
    }
    sockets.forEach((socket, listener) -> {
      if (listener.session().mayReceive(listener.room()) && socket instanceof BridgeSocket bridged) {
        bridged.writeSockJs(message);
      }
    });
  }
}
