package io.werkraum.realtime;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl;
import io.vertx.core.Handler;
import io.werkraum.protocol.Addresses;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one transport browsers use: SockJS over WebSocket at
 * {@code <base>/<server>/<session>/websocket}, feeding Vert.x's event bus bridge. There is no other
 * endpoint under {@code <base>}: no polling transports (their session ids are chosen by the client
 * and live on one node), no raw WebSocket, no info or iframe pages.
 */
public final class SockJs {
  private static final long HEARTBEAT_MS = 25_000;
  /** Replies and registrations the bridge counts per socket; the guard keeps the real, smaller limits. */
  private static final int BRIDGE_HANDLERS = 4096;

  private final Map<BridgeSocket, Boolean> sockets = new ConcurrentHashMap<>();

  private SockJs() {}

  /** Serves the bridge under {@code base}, every bridge event decided by {@code guard}. */
  public static void mount(Vertx vertx, Router router, String base, Handler<BridgeEvent> guard) {
    SockJs transport = new SockJs();
    EventBusBridgeImpl bridge = new EventBusBridgeImpl(vertx, null, bridgeOptions(), guard);
    router.get(base + "/:server/:session/websocket").handler(ctx -> {
      HttpServerRequest request = ctx.request();
      if (!request.canUpgradeToWebSocket()) {
        ctx.response().setStatusCode(400).end("Can \"Upgrade\" only to \"WebSocket\".");
        return;
      }
      request.toWebSocket().onFailure(ctx::fail).onSuccess(ws -> {
        BridgeSocket[] opened = new BridgeSocket[1];
        opened[0] = BridgeSocket.open(vertx, ctx, ws, () -> transport.sockets.remove(opened[0]));
        transport.sockets.put(opened[0], Boolean.TRUE);
        bridge.handle(opened[0]);
      });
    });
    router.route(base + "/*").handler(ctx -> ctx.response().setStatusCode(404).end());
    vertx.setPeriodic(HEARTBEAT_MS, id -> transport.sockets.keySet().forEach(BridgeSocket::heartbeat));
  }

  /** A bridge frame as a SockJS message: {@code a["<frame>"]}. */
  static String frame(JsonObject frame) {
    return frame(frame.encode());
  }

  static String frame(String frame) {
    return "a" + new JsonArray().add(frame).encode();
  }

  private static SockJSBridgeOptions bridgeOptions() {
    return new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.COMMANDS))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.PRESENCE))
        // The guard decides per socket which of these it may listen on.
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("board\\.[A-Za-z0-9_.-]+"))
        .setMaxHandlersPerSocket(BRIDGE_HANDLERS)
        .setMaxAddressLength(160)
        .setPingTimeout(30_000)
        .setReplyTimeout(15_000);
  }
}
