package io.werkraum.realtime;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.SockJSSocketBase;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Limits;
import java.util.List;

/**
 * One browser's socket: the SockJS WebSocket transport ({@code o} open, {@code h} heartbeat,
 * {@code a[...]} frames, {@code c[code,reason]} close) over a server WebSocket, handed to the
 * event bus bridge. Every frame is read by {@link FrameCheck} first: a message that is no SockJS
 * message or a frame that is no JSON object is answered {@code {type:"err", body:"invalid_json"}},
 * a frame nested too deep gets an {@code invalid_input} reply at its reply address, and none of
 * them reaches the bridge or changes anything. A WebSocket message over the size limit closes the
 * socket with 1009 (message too big).
 */
final class BridgeSocket extends SockJSSocketBase {
  static final int TOO_BIG = 1009;
  static final int GOING_AWAY = 1001;
  private static final String INVALID_JSON = SockJs.frame(new JsonObject().put("type", "err").put("body", "invalid_json"));

  private final ServerWebSocket ws;
  private Handler<Buffer> dataHandler;
  private final Runnable onClosed;
  private Handler<Void> closeHandler;
  private boolean closed;

  private BridgeSocket(Vertx vertx, RoutingContext rc, ServerWebSocket ws, Runnable onClosed) {
    super(vertx, rc, new SockJSHandlerOptions().setRegisterWriteHandler(false));
    this.ws = ws;
    this.onClosed = onClosed;
    ws.textMessageHandler(this::onMessage);
    ws.binaryMessageHandler(binary -> ws.writeTextMessage(INVALID_JSON));
    ws.exceptionHandler(this::onException);
    ws.closeHandler(v -> onClosed());
  }

  /** Opens the SockJS session on an accepted WebSocket; {@code onClosed} runs once it closed. */
  static BridgeSocket open(Vertx vertx, RoutingContext rc, ServerWebSocket ws, Runnable onClosed) {
    BridgeSocket socket = new BridgeSocket(vertx, rc, ws, onClosed);
    ws.writeTextMessage("o");
    return socket;
  }

  private void onMessage(String message) {
    List<String> frames = FrameCheck.frames(message);
    if (frames == null) {
      ws.writeTextMessage(INVALID_JSON);
      return;
    }
    for (String frame : frames) {
      FrameCheck.Verdict verdict = FrameCheck.inspect(frame);
      switch (verdict.kind()) {
        case OK -> {
          if (dataHandler != null) {
            dataHandler.handle(Buffer.buffer(frame));
          }
        }
        case TOO_DEEP -> ws.writeTextMessage(verdict.replyAddress() == null ? INVALID_JSON
            : SockJs.frame(new JsonObject().put("type", "rec").put("address", verdict.replyAddress())
                .put("body", new JsonObject().put("ok", false).put("code", ErrorCode.INVALID_INPUT.code())
                    .put("message", "the frame nests deeper than " + Limits.FRAME_MAX_DEPTH + " levels"))));
        case NOT_JSON -> ws.writeTextMessage(INVALID_JSON);
      }
    }
  }

  private void onException(Throwable err) {
    if (err instanceof HttpClosedException) {
      // The connection ended without a close frame (network gone, browser killed): no protocol
      // error, nothing left to write to; the close handler runs next.
      return;
    }
    boolean tooBig = err instanceof CorruptedWebSocketFrameException corrupted
        ? corrupted.closeStatus().code() == TOO_BIG
        : err instanceof IllegalStateException && String.valueOf(err.getMessage()).contains("max message size");
    close(tooBig ? TOO_BIG : 1002, tooBig ? "message too big" : "protocol error");
  }

  private void onClosed() {
    boolean first;
    synchronized (this) {
      first = !closed;
      closed = true;
    }
    super.close();
    if (first) {
      onClosed.run();
      if (closeHandler != null) {
        closeHandler.handle(null);
      }
    }
  }

  /** Writes a message that is a SockJS message already (a frame encoded once for many sockets). */
  Future<Void> writeSockJs(String message) {
    return isClosed() ? Future.failedFuture("closed") : ws.writeTextMessage(message);
  }

  void heartbeat() {
    if (!isClosed()) {
      ws.writeTextMessage("h");
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public Future<Void> write(Buffer data) {
    return writeSockJs(SockJs.frame(data.toString()));
  }

  @Override
  public void close() {
    close(3000, "Go away!");
  }

  /** Closes with a SockJS close frame and the same code on the WebSocket. */
  @Override
  public void close(int statusCode, String reason) {
    if (isClosed()) {
      return;
    }
    ws.writeTextMessage("c" + new JsonArray().add(statusCode).add(reason).encode());
    ws.close((short) statusCode, reason);
  }

  @Override
  public void closeAfterSessionExpired() {
    close(GOING_AWAY, "Session expired");
  }

  @Override
  public SockJSSocket handler(Handler<Buffer> handler) {
    this.dataHandler = handler;
    return this;
  }

  @Override
  public SockJSSocket closeHandler(Handler<Void> handler) {
    this.closeHandler = handler;
    return this;
  }

  @Override
  public SockJSSocket exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public SockJSSocket endHandler(Handler<Void> endHandler) {
    return this;
  }

  @Override
  public SockJSSocket pause() {
    ws.pause();
    return this;
  }

  @Override
  public SockJSSocket resume() {
    ws.resume();
    return this;
  }

  @Override
  public SockJSSocket fetch(long amount) {
    ws.fetch(amount);
    return this;
  }

  @Override
  public SockJSSocket setWriteQueueMaxSize(int maxSize) {
    ws.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return ws.writeQueueFull();
  }

  @Override
  public SockJSSocket drainHandler(Handler<Void> handler) {
    ws.drainHandler(handler);
    return this;
  }

  @Override
  public SocketAddress remoteAddress() {
    return ws.remoteAddress();
  }

  @Override
  public SocketAddress localAddress() {
    return ws.localAddress();
  }

  @Override
  public MultiMap headers() {
    return ws.headers();
  }

  @Override
  public String uri() {
    return ws.uri();
  }
}
