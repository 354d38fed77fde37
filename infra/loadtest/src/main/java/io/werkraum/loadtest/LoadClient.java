package io.werkraum.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every load scenario does as a browser does it: create a board, join people over HTTP, open
 * SockJS WebSockets with a fresh socket ticket each, and write bridge frames.
 */
final class LoadClient {
  private final Vertx vertx;
  private final URI base;
  private final HttpClient http;
  private WebSocketClient sockets;

  LoadClient(Vertx vertx, URI base) {
    this.vertx = vertx;
    this.base = base;
    this.http = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(16));
  }

  /** A new board: {boardId, joinCode}. */
  JsonObject createBoard(String title) {
    JsonObject board = post("/api/boards", new JsonObject().put("title", title), null).await();
    return new JsonObject().put("boardId", board.getString("boardId"))
        .put("joinCode", board.getString("participantLink").split("#j=")[1]);
  }

  /** Join tokens of {@code count} participants, from a dozen organisations. */
  List<String> join(JsonObject board, int count) {
    String boardId = board.getString("boardId");
    return inBatches(count, 32, i -> post("/api/boards/" + boardId + "/join",
        new JsonObject().put("joinCode", board.getString("joinCode")).put("name", "Load " + i)
            .put("organisation", "Org " + (i % 12)), null)
        .map(j -> j.getString("token")));
  }

  /** Opens one socket per token, each handing its text frames to {@code onText}. */
  List<WebSocket> open(String boardId, List<String> tokens, Consumer<String> onText) {
    sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(tokens.size() + 16)
        // As a browser: the server sends a large reply as one frame.
        .setMaxFrameSize(64 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
    List<WebSocket> opened = inBatches(tokens.size(), 64, i -> post("/api/boards/" + boardId + "/ticket", null, tokens.get(i))
        .compose(ticket -> connect(ticket.getString("ticket"), onText)));
    vertx.setPeriodic(5_000, id -> opened.forEach(s -> frame(s, new JsonObject().put("type", "ping"))));
    return opened;
  }

  private Future<WebSocket> connect(String ticket, Consumer<String> onText) {
    String path = base.getPath().replaceAll("/$", "") + "/eventbus/" + ThreadLocalRandom.current().nextInt(100, 999)
        + "/" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "/websocket?ticket="
        + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost())
        .setPort(base.getPort()).setURI(path).addHeader("Origin", base.getScheme() + "://" + base.getAuthority());
    return sockets.connect(options).onSuccess(ws -> ws.textMessageHandler(onText::accept));
  }

  /**
   * Lets the scenario run {@code warmupSeconds} unmeasured, then {@code seconds} with
   * {@code measuring} set to true, and sets it back to false.
   *
   * @return the measured time in seconds
   */
  static double warmUpThenMeasure(int warmupSeconds, int seconds, Consumer<Boolean> measuring)
      throws InterruptedException {
    Thread.sleep(warmupSeconds * 1000L);
    measuring.accept(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.accept(false);
    return (System.nanoTime() - start) / 1e9;
  }

  /** A GET answered with JSON (an export, a session). */
  Future<JsonObject> get(String path, String bearer) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
        .setPort(base.getPort()).setURI(path).putHeader("Authorization", "Bearer " + bearer);
    return http.request(options).compose(req -> req.send()).compose(resp -> resp.body().map(b -> {
      if (resp.statusCode() >= 300) {
        throw new IllegalStateException(path + " answered " + resp.statusCode() + ": " + b);
      }
      return b.toJsonObject();
    }));
  }

  Future<JsonObject> post(String path, JsonObject body, String bearer) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
        .setPort(base.getPort()).setURI(path).putHeader("Content-Type", "application/json");
    if (bearer != null) {
      options.putHeader("Authorization", "Bearer " + bearer);
    }
    return http.request(options)
        .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body.encode())))
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + resp.statusCode() + ": " + b);
          }
          return b.toJsonObject();
        }));
  }

  /** Runs {@code count} operations with at most {@code parallel} in flight, keeping their order. */
  static <T> List<T> inBatches(int count, int parallel, Function<Integer, Future<T>> op) {
    List<T> results = new ArrayList<>(count);
    for (int from = 0; from < count; from += parallel) {
      List<Future<T>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + parallel); i++) {
        batch.add(op.apply(i));
      }
      Future.all(batch).await();
      batch.forEach(f -> results.add(f.result()));
    }
    return results;
  }

  /** Writes one bridge frame, SockJS-framed. */
  static void frame(WebSocket socket, JsonObject frame) {
    socket.writeTextMessage(new JsonArray().add(frame.encode()).encode());
  }

  /** The bridge frames of one SockJS message ({@code a[...]}); none for open, heartbeat and close. */
  static List<JsonObject> frames(String text) {
    List<JsonObject> frames = new ArrayList<>();
    if (text.startsWith("a")) {
      for (Object raw : new JsonArray(text.substring(1))) {
        frames.add(new JsonObject(raw.toString()));
      }
    }
    return frames;
  }
}
