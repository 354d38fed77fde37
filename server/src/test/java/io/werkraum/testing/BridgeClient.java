package io.werkraum.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
  private static final String ROUND_TRIP = "round-trip-";
  /** As the browser's client: the bridge closes a socket that sends no ping for 30 s. */
  private static final long PING_INTERVAL_MS = 5000;

  /** No answer came within {@link #TIMEOUT}: a reply, a connection, anything {@link #await} waits for. */
  public static final class NoAnswer extends AssertionError {
    private static final long serialVersionUID = 1L;

    NoAnswer(String message) {
      super(message);
    }
  }

  private final WebSocketClient client;
  private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  private final Map<String, Promise<JsonObject>> replies = new ConcurrentHashMap<>();
  private final Promise<Void> opened = Promise.promise();
  private final Promise<Void> closed = Promise.promise();
  private WebSocket socket;
  private volatile String closeFrame;
  private volatile Short closeStatus;
  private final java.util.concurrent.atomic.AtomicInteger roundTrips = new java.util.concurrent.atomic.AtomicInteger();

  private final Vertx vertx;
  private long pingTimer = -1;

  private BridgeClient(Vertx vertx, WebSocketClientOptions options) {
    this.vertx = vertx;
    this.client = vertx.createWebSocketClient(options == null ? browserLike() : options);
  }

  /**
   * Like a browser, which takes frames and messages of any size: the server sends a large reply
   * (a full state, a long delta) as one frame of up to 16 times the limit on what it accepts.
   */
  private static WebSocketClientOptions browserLike() {
    int large = 64 * 1024 * 1024;
    return new WebSocketClientOptions().setMaxFrameSize(large).setMaxMessageSize(large);
  }

  public static BridgeClient connect(Vertx vertx, int port, String token) {
    return connect(vertx, port, token, "http://127.0.0.1:" + port);
  }

  /** Connects and waits for the SockJS open frame; fails when the server refuses the socket. */
  public static BridgeClient connect(Vertx vertx, int port, String token, String origin) {
    return connect(vertx, port, token, origin, null);
  }

  /**
   * As {@link #connect(Vertx, int, String, String)}, with WebSocket client options (for example a
   * larger frame size, to send one frame bigger than the server allows).
   */
  public static BridgeClient connect(Vertx vertx, int port, String token, String origin,
      WebSocketClientOptions clientOptions) {
    return connectTo(vertx, socketPath(port, token), port, origin, clientOptions, List.of());
  }

  private static BridgeClient connectTo(Vertx vertx, String path, int port, String origin,
      WebSocketClientOptions clientOptions, List<JsonObject> firstFrames) {
    BridgeClient bridge = new BridgeClient(vertx, clientOptions);
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI(path);
    if (origin != null) {
      options.addHeader("Origin", origin);
    } else {
      // The client would otherwise add an Origin header of its own.
      options.setAllowOriginHeader(false);
    }
    // Handlers are set before connecting: the server sends the SockJS open frame at once, and a
    // frame that arrives before a handler is set would be lost.
    ClientWebSocket ws = bridge.client.webSocket();
    ws.textMessageHandler(text -> {
      if (text.equals("o") && !firstFrames.isEmpty()) {
        JsonArray message = new JsonArray();
        firstFrames.forEach(f -> message.add(f.encode()));
        ws.writeTextMessage(message.encode());
      }
      bridge.onText(text);
    });
    ws.closeHandler(v -> {
      bridge.closeStatus = ws.closeStatusCode();
      bridge.closed.tryComplete();
    });
    try {
      bridge.socket = await(ws.connect(options));
    } catch (RuntimeException e) {
      bridge.client.close();
      throw new IllegalStateException("socket refused: " + e.getMessage(), e);
    }
    await(Future.any(bridge.opened.future(), bridge.closed.future()));
    if (!bridge.opened.future().succeeded()) {
      throw new IllegalStateException("socket refused: " + bridge.closeFrame);
    }
    String ping = new JsonArray().add(new JsonObject().put("type", "ping").encode()).encode();
    bridge.pingTimer = vertx.setPeriodic(PING_INTERVAL_MS, id -> {
      if (!bridge.isClosed()) {
        bridge.socket.writeTextMessage(ping);
      }
    });
    return bridge;
  }

  /**
   * Connects with exactly {@code ticket} (one obtained earlier, say) and waits for the SockJS open
   * frame; the server may still close the socket right after. {@code firstFrames} go out the
   * moment the socket opens, in one WebSocket message, before anything else.
   */
  public static BridgeClient connectWithTicket(Vertx vertx, int port, String ticket, String origin,
      List<JsonObject> firstFrames) {
    return connectTo(vertx, ticketPath(ticket), port, origin, null, firstFrames);
  }

  /**
   * Tries to connect and returns whether the server refused the socket: either it never opened, or
   * it was closed right after the open frame (the guard decides on the socket's first event).
   */
  public static boolean refused(Vertx vertx, int port, String token, String origin) {
    BridgeClient bridge;
    try {
      bridge = connect(vertx, port, token, origin);
    } catch (IllegalStateException e) {
      return true;
    }
    try {
      return bridge.awaitClosed();
    } finally {
      bridge.close();
    }
  }

  /**
   * Whether the server refuses a socket whose URL carries exactly {@code ticket}: it closes the
   * socket, or answers a sync on it (which waits until the server decided on the socket).
   */
  public static boolean refusedTicket(Vertx vertx, int port, String ticket, String origin) {
    WebSocketClient client = vertx.createWebSocketClient();
    Promise<Boolean> decided = Promise.promise();
    try {
      ClientWebSocket ws = client.webSocket();
      ws.textMessageHandler(text -> {
        if (text.equals("o")) {
          ws.writeTextMessage(new JsonArray().add(new JsonObject().put("type", "send")
              .put("address", Addresses.COMMANDS).put("replyAddress", "ticket-check")
              .put("body", Cmd.sync("main", null, null)).encode()).encode());
        } else if (text.startsWith("a") && text.contains("ticket-check")) {
          decided.tryComplete(false);
        }
      });
      ws.closeHandler(v -> decided.tryComplete(true));
      ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
              .setURI(ticketPath(ticket))
              .addHeader("Origin", origin))
          .onFailure(err -> {
            // The server may close a refused socket before the client has finished connecting.
            if (err instanceof IllegalStateException && "WebSocket is closed".equals(err.getMessage())) {
              decided.tryComplete(true);
            } else {
              decided.tryFail(err);
            }
          });
      return await(decided.future());
    } finally {
      client.close();
    }
  }

  /**
   * Opens a bridge WebSocket and closes it as soon as the handshake is done, without waiting for
   * anything: a browser tab closed while it was still connecting.
   */
  public static void openAndCloseAtOnce(Vertx vertx, int port, String token, String origin) {
    WebSocketClient client = vertx.createWebSocketClient();
    try {
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI(socketPath(port, token))
          .addHeader("Origin", origin);
      WebSocket ws = await(client.connect(options));
      await(ws.close());
    } finally {
      client.close();
    }
  }

  /**
   * Opens a bridge WebSocket by hand, over a plain TCP socket, and returns that socket once the
   * server sent SockJS' {@code o}. Closing it ends the TCP connection without a WebSocket close
   * frame: a tab whose connection ended without a goodbye (browser killed, network gone, a proxy
   * cutting it).
   */
  public static Socket openWithoutGoodbye(int port, String token, String origin) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    try {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String request = "GET " + socketPath(port, token) + " HTTP/1.1\r\n"
          + "Host: 127.0.0.1:" + port + "\r\n"
          + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
          + "Sec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.readUnsignedByte());
      }
      if (!head.toString().startsWith("HTTP/1.1 101")) {
        throw new IllegalStateException("no WebSocket: " + head);
      }
      // The server's first frame, unmasked and short: a final text frame holding "o".
      int opcode = in.readUnsignedByte();
      byte[] payload = new byte[in.readUnsignedByte()];
      in.readFully(payload);
      if (opcode != 0x81 || !"o".equals(new String(payload, StandardCharsets.UTF_8))) {
        throw new IllegalStateException("no SockJS open frame: " + new String(payload, StandardCharsets.UTF_8));
      }
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * A SockJS WebSocket path, as a browser builds it: with a socket ticket obtained for the join
   * token. When the server will not issue one (a bad or tampered token), the path carries the
   * token itself, so the test sees the server refuse the socket.
   */
  static String socketPath(int port, String token) {
    return token == null ? sockJsPath() : ticketPath(ticketFor(port, token));
  }

  /** A SockJS WebSocket path carrying exactly {@code ticket}. */
  private static String ticketPath(String ticket) {
    return sockJsPath() + "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
  }

  /** {@code /eventbus/<server>/<session>/websocket}, with a fresh session id as a browser picks it. */
  private static String sockJsPath() {
    return "/eventbus/" + ThreadLocalRandom.current().nextInt(100, 999) + "/"
        + UUID.randomUUID().toString().substring(0, 8) + "/websocket";
  }

  private static String ticketFor(int port, String token) {
    String boardId;
    try {
      String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
      boardId = payload.split("\\|")[1];
    } catch (RuntimeException e) {
      return token;
    }
    if (!boardId.matches("[A-Za-z0-9_-]{1,64}")) {
      return token;
    }
    TestNode.HttpResult result = TestNode.http(port).postBearer("/api/boards/" + boardId + "/ticket", token);
    return result.status() == 200 ? result.json().getString("ticket") : token;
  }

  private void onText(String text) {
    if (System.getenv("BRIDGE_DEBUG") != null) {
      System.err.println("<< " + text);
    }
    if (text.equals("o")) {
      opened.tryComplete();
      // The guard decides on SOCKET_CREATED asynchronously: the open frame may come before a
      // refusal closes the socket. A ping round trip shows the socket was accepted.
      return;
    }
    if (text.startsWith("c")) {
      // The SockJS close frame; the socket counts as closed when the WebSocket is.
      closeFrame = text;
      return;
    }
    if (text.startsWith("a")) {
      for (Object item : new JsonArray(text.substring(1))) {
        JsonObject frame = new JsonObject(item.toString());
        if (frame.getString("address", "").startsWith(ROUND_TRIP)) {
          roundTrips.incrementAndGet();
          continue;
        }
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

  /**
   * Sends with a reply address without waiting; the future completes with the reply frame. Keep
   * fewer than the bridge's handler cap (16) in flight: pending replies count as handlers.
   */
  public Future<JsonObject> requestAsync(String address, Object body) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> reply = Promise.promise();
    replies.put(replyAddress, reply);
    sendFrame(new JsonObject().put("type", "send").put("address", address)
        .put("body", body).put("replyAddress", replyAddress));
    return reply.future();
  }

  /** Sends several bridge frames in one SockJS message (one WebSocket frame), as a busy browser may. */
  public BridgeClient sendFrames(List<JsonObject> frames) {
    JsonArray array = new JsonArray();
    frames.forEach(f -> array.add(f.encode()));
    socket.writeTextMessage(array.encode()).await();
    return this;
  }

  /** A command and its reply body. */
  public JsonObject command(JsonObject body) {
    return requestFrame(Addresses.COMMANDS, body, null).getJsonObject("body");
  }

  /** Sends a command that must succeed; the reply. */
  public JsonObject ok(JsonObject command) {
    return Replies.assertOk(command(command), command.encode());
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

  /** Frames received from now on have an index at or after the returned mark. */
  public int mark() {
    return frames.size();
  }

  /** Waits for a frame received at or after {@code mark}. */
  public JsonObject awaitFrameAfter(int mark, Predicate<JsonObject> match) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (int i = mark; i < frames.size(); i++) {
        JsonObject frame = frames.get(i);
        if (match.test(frame)) {
          return frame;
        }
      }
      sleep(10);
    }
    throw new AssertionError("no matching frame within " + TIMEOUT + "; got " + frames.subList(Math.min(mark, frames.size()), frames.size()));
  }

  /** The body of the first message on {@code address}, received at or after {@code mark}, whose body matches. */
  public JsonObject awaitMessageAfter(int mark, String address, Predicate<JsonObject> bodyMatch) {
    return awaitFrameAfter(mark, f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address"))
        && f.getValue("body") instanceof JsonObject b && bodyMatch.test(b)).getJsonObject("body");
  }

  /** The bodies of all messages received so far on {@code address}. */
  public List<JsonObject> messages(String address) {
    return messagesAfter(0, address);
  }

  /** The bodies of the messages on {@code address} received at or after {@code mark}. */
  public List<JsonObject> messagesAfter(int mark, String address) {
    List<JsonObject> received = List.copyOf(frames);
    return received.subList(Math.min(mark, received.size()), received.size()).stream()
        .filter(f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address"))
            && f.getValue("body") instanceof JsonObject)
        .map(f -> f.getJsonObject("body"))
        .toList();
  }

  /** The error frames ({@code {type:err, body}}) received so far that are not replies. */
  public List<String> errors() {
    return frames.stream()
        .filter(f -> "err".equals(f.getString("type")) && f.getString("address") == null)
        .map(f -> String.valueOf(f.getValue("body")))
        .toList();
  }

  public List<JsonObject> frames() {
    return frames;
  }

  /**
   * A round trip through this socket, the guard and the command endpoint: a command of no known
   * type, answered {@code unknown_command} at its reply address after everything the socket sent
   * before it was decided (the guard decides a socket's frames in order, the endpoint runs its
   * commands in order). That answer is counted, not recorded in {@link #frames()}, so frame
   * indices and {@link #errors()} stay as the test's own frames left them.
   */
  public void roundTrip() {
    int before = roundTrips.get();
    String id = ROUND_TRIP + before;
    sendFrame(new JsonObject().put("type", "send").put("address", Addresses.COMMANDS).put("replyAddress", id)
        .put("body", new JsonObject().put("type", "round.trip").put("commandId", id)));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (roundTrips.get() <= before) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no round trip within " + TIMEOUT + (isClosed() ? " (socket closed)" : ""));
      }
      sleep(5);
    }
  }

  /** Whether the server closed the socket within {@link #TIMEOUT}. */
  public boolean awaitClosed() {
    try {
      closed.future().await(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  public boolean isClosed() {
    return closed.future().isComplete();
  }

  /** The WebSocket close status the server sent (1009: message too big), or null while open. */
  public Short closeStatus() {
    return closeStatus;
  }

  @Override
  public void close() {
    vertx.cancelTimer(pingTimer);
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
      throw new NoAnswer("no answer within " + TIMEOUT);
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
