package io.werkraum.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * A test client that speaks to the server exactly as a browser does: a WebSocket to the SockJS
 * endpoint, SockJS framing ({@code o}, {@code h}, {@code a[...]}, {@code c[...]}) and the event bus
 * bridge's JSON frames inside. Blocking helpers, for use from the test thread only.
 */
public final class BridgeClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebSocketClient client;
  private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  private final Map<String, Promise<JsonObject>> replies = new ConcurrentHashMap<>();
  private final Promise<Void> opened = Promise.promise();
  private final Promise<Void> closed = Promise.promise();
  private WebSocket socket;
  private volatile String closeFrame;

  private BridgeClient(Vertx vertx) {
    this.client = vertx.createWebSocketClient();
  }

  public static BridgeClient connect(Vertx vertx, int port, String token) {
    return connect(vertx, port, token, "http://127.0.0.1:" + port);
  }

  /** Connects and waits for the SockJS open frame; fails when the server refuses the socket. */
  public static BridgeClient connect(Vertx vertx, int port, String token, String origin) {
    BridgeClient bridge = new BridgeClient(vertx);
    String path = "/eventbus/" + ThreadLocalRandom.current().nextInt(100, 999) + "/"
        + UUID.randomUUID().toString().substring(0, 8) + "/websocket"
        + (token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI(path);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    bridge.socket = bridge.client.connect(options).await();
    bridge.socket.textMessageHandler(bridge::onText);
    bridge.socket.closeHandler(v -> bridge.closed.tryComplete());
    await(Future.any(bridge.opened.future(), bridge.closed.future()));
    if (!bridge.opened.future().succeeded()) {
      throw new IllegalStateException("socket refused: " + bridge.closeFrame);
    }
    return bridge;
  }

  private void onText(String text) {
    if (text.equals("o")) {
      opened.tryComplete();
      // The guard decides on SOCKET_CREATED asynchronously: the open frame may come before a
      // refusal closes the socket. A ping round trip shows the socket was accepted.
      return;
    }
    if (text.startsWith("c")) {
      closeFrame = text;
      closed.tryComplete();
      return;
    }
    if (text.startsWith("a")) {
      for (Object item : new JsonArray(text.substring(1))) {
        JsonObject frame = new JsonObject(item.toString());
        frames.add(frame);
        Promise<JsonObject> reply = replies.remove(frame.getString("address", ""));
        if (reply != null) {
          reply.tryComplete(frame);
        }
      }
    }
  }

  /** Sends one bridge frame, SockJS-framed. */
  public BridgeClient sendFrame(JsonObject frame) {
    socket.writeTextMessage(new JsonArray().add(frame.encode()).encode()).await();
    return this;
  }

  /** Sends text as is, without SockJS framing or JSON encoding. */
  public BridgeClient sendRaw(String text) {
    socket.writeTextMessage(text).await();
    return this;
  }

  public BridgeClient register(String address) {
    return sendFrame(new JsonObject().put("type", "register").put("address", address));
  }

  /** Registers and waits until the server acts on it (a ping round trip through the same socket). */
  public BridgeClient registerAndWait(String address) {
    register(address);
    roundTrip();
    return this;
  }

  public BridgeClient send(String address, Object body) {
    return sendFrame(new JsonObject().put("type", "send").put("address", address).put("body", body));
  }

  /** Sends with a reply address and returns the reply frame ({@code rec} or {@code err}). */
  public JsonObject requestFrame(String address, Object body, JsonObject headers) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> reply = Promise.promise();
    replies.put(replyAddress, reply);
    JsonObject frame = new JsonObject().put("type", "send").put("address", address)
        .put("body", body).put("replyAddress", replyAddress);
    if (headers != null) {
      frame.put("headers", headers);
    }
    sendFrame(frame);
    return await(reply.future());
  }

  /** A command and its reply body. */
  public JsonObject command(JsonObject body) {
    return requestFrame("werkraum.commands", body, null).getJsonObject("body");
  }

  /** Waits for a frame; frames stay recorded so tests can look back. */
  public JsonObject awaitFrame(Predicate<JsonObject> match) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonObject frame : frames) {
        if (match.test(frame)) {
          return frame;
        }
      }
      sleep(10);
    }
    throw new AssertionError("no matching frame within " + TIMEOUT + "; got " + frames);
  }

  /** The body of the first message received on {@code address} whose body matches. */
  public JsonObject awaitMessage(String address, Predicate<JsonObject> bodyMatch) {
    return awaitFrame(f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address"))
        && f.getValue("body") instanceof JsonObject b && bodyMatch.test(b)).getJsonObject("body");
  }

  public List<JsonObject> frames() {
    return frames;
  }

  /** An unknown-address send is refused by the bridge; its error frame shows all before it was handled. */
  public void roundTrip() {
    int before = frames.size();
    sendFrame(new JsonObject().put("type", "send").put("address", "werkraum.roundtrip").put("body", "x"));
    awaitFrame(f -> frames.indexOf(f) >= before && "err".equals(f.getString("type")));
    frames.removeIf(f -> frames.indexOf(f) >= before && "err".equals(f.getString("type")));
  }

  public boolean awaitClosed() {
    try {
      await(closed.future());
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  public boolean isClosed() {
    return closed.future().isComplete();
  }

  public String closeFrame() {
    return closeFrame;
  }

  @Override
  public void close() {
    if (!isClosed()) {
      socket.close();
    }
    client.close();
  }

  /** Waits for a future; a timeout fails the test. */
  public static <T> T await(Future<T> future) {
    try {
      return future.await(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer within " + TIMEOUT);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
