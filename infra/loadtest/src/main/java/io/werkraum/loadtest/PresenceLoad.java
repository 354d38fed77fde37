package io.werkraum.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
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
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * Measures the presence fan-out of one Werkraum room: {@code clients} sockets join one board and
 * listen on its plenary room; {@code movers} of them drag a note at {@code hz}. Every receiver
 * takes the time from a drag being sent to its arrival in a presence batch, and the tool prints
 * the latency percentiles and the delivery rate. Bounded: it runs {@code seconds} and stops.
 *
 * <p>Each drag carries its own sequence number as x and the mover's index as y, so a receiver
 * finds the send time without any extra field on the wire.
 */
public final class PresenceLoad {
  private static final int MAX_LATENCY_MS = 10_000;

  private final Vertx vertx = Vertx.vertx();
  private final URI base;
  private final int clients;
  private final int movers;
  private final int hz;
  private final int seconds;
  private final int warmupSeconds;
  /** Send times (nanoTime) per mover and drag number. */
  private final long[][] sentAt;
  private final AtomicLongArray latencyMs = new AtomicLongArray(MAX_LATENCY_MS + 1);
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile String lastError = "";
  private volatile boolean measuring;

  PresenceLoad(Map<String, String> args) {
    base = URI.create(args.getOrDefault("url", "http://127.0.0.1:8080"));
    clients = Integer.parseInt(args.getOrDefault("clients", "2000"));
    movers = Integer.parseInt(args.getOrDefault("movers", "10"));
    hz = Integer.parseInt(args.getOrDefault("hz", "20"));
    seconds = Integer.parseInt(args.getOrDefault("seconds", "20"));
    warmupSeconds = Integer.parseInt(args.getOrDefault("warmup", "3"));
    if (clients < movers || movers < 1 || hz < 1 || hz > 40 || seconds < 1 || seconds > 300 || clients > 10_000) {
      throw new IllegalArgumentException("need 1 <= movers <= clients <= 10000, 1 <= hz <= 40, 1 <= seconds <= 300");
    }
    sentAt = new long[movers][(warmupSeconds + seconds + 5) * hz];
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new java.util.HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    PresenceLoad load = new PresenceLoad(args);
    try {
      load.run();
    } finally {
      load.vertx.close().await();
    }
  }

  private void run() throws Exception {
    HttpClient http = vertx.createHttpClient(new HttpClientOptions(), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(16));
    JsonObject board = post(http, "/api/boards", new JsonObject().put("title", "Load test")).await();
    String boardId = board.getString("boardId");
    String joinCode = board.getString("participantLink").split("#j=")[1];
    System.out.printf("board %s: joining %d participants%n", boardId, clients);
    List<String> tokens = inBatches(clients, 32, i -> post(http, "/api/boards/" + boardId + "/join",
        new JsonObject().put("joinCode", joinCode).put("name", "Load " + i).put("organisation", "Org " + (i % 12)))
        .map(j -> j.getString("token")));

    WebSocketClient wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clients + 16));
    String room = "board." + boardId + ".room.main";
    System.out.printf("opening %d sockets%n", clients);
    List<WebSocket> sockets = inBatches(clients, 64, i -> connect(wsClient, http, boardId, tokens.get(i), room));
    vertx.setPeriodic(5_000, id -> sockets.forEach(s -> frame(s, new JsonObject().put("type", "ping"))));
    Thread.sleep(1_000); // registrations settle

    System.out.printf("%d movers dragging at %d Hz for %d s (+%d s warm-up)%n", movers, hz, seconds, warmupSeconds);
    long periodMs = 1000 / hz;
    long start = System.nanoTime();
    for (int m = 0; m < movers; m++) {
      int mover = m;
      WebSocket socket = sockets.get(m);
      int[] counter = {0};
      // Movers start at random phases, as people do, not in step with the server's tick.
      vertx.setPeriodic(1 + ThreadLocalRandom.current().nextLong(periodMs), periodMs, id -> {
        int n = counter[0]++;
        if (n >= sentAt[mover].length) {
          vertx.cancelTimer(id);
          return;
        }
        sentAt[mover][n] = System.nanoTime();
        frame(socket, new JsonObject().put("type", "send").put("address", "werkraum.presence")
            .put("body", new JsonObject().put("kind", "drag").put("room", "main")
                .put("id", "note" + mover).put("x", n).put("y", mover)));
      });
    }
    Thread.sleep(warmupSeconds * 1000L);
    measuring = true;
    long measureStart = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring = false;
    double elapsed = (System.nanoTime() - measureStart) / 1e9;
    report(elapsed);
    sockets.forEach(WebSocket::close);
  }

  private Future<WebSocket> connect(WebSocketClient client, HttpClient http, String boardId, String token, String room) {
    return ticket(http, boardId, token).compose(ticket -> connect(client, ticket, room));
  }

  private Future<WebSocket> connect(WebSocketClient client, String ticket, String room) {
    String path = base.getPath().replaceAll("/$", "") + "/eventbus/" + ThreadLocalRandom.current().nextInt(100, 999)
        + "/" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "/websocket?ticket="
        + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost())
        .setPort(base.getPort()).setURI(path).addHeader("Origin", base.getScheme() + "://" + base.getAuthority());
    return client.connect(options).onSuccess(ws -> {
      ws.textMessageHandler(this::onText);
      frame(ws, new JsonObject().put("type", "register").put("address", room));
    });
  }

  private void onText(String text) {
    if (!measuring || !text.startsWith("a")) {
      return;
    }
    long now = System.nanoTime();
    for (Object raw : new JsonArray(text.substring(1))) {
      JsonObject frame = new JsonObject(raw.toString());
      if ("err".equals(frame.getString("type"))) {
        errors.incrementAndGet();
        lastError = frame.encode();
        continue;
      }
      if (!(frame.getValue("body") instanceof JsonObject body) || !"presence".equals(body.getString("type"))) {
        continue;
      }
      batches.incrementAndGet();
      for (Object o : body.getJsonArray("items")) {
        JsonObject item = (JsonObject) o;
        if (!"drag".equals(item.getString("kind"))) {
          continue;
        }
        int mover = item.getDouble("y").intValue();
        int n = item.getDouble("x").intValue();
        long sent = sentAt[mover][n];
        if (sent > 0) {
          items.incrementAndGet();
          latencyMs.incrementAndGet((int) Math.min(MAX_LATENCY_MS, (now - sent) / 1_000_000));
        }
      }
    }
  }

  private void report(double elapsed) {
    long total = items.get();
    double expected = (double) movers * hz * elapsed * clients;
    System.out.printf("%nclients=%d movers=%d hz=%d measured=%.1fs%n", clients, movers, hz, elapsed);
    System.out.printf("presence batches delivered: %.0f/s (%.1f per client per second)%n",
        batches.get() / elapsed, batches.get() / elapsed / clients);
    System.out.printf("drag updates delivered: %.0f/s, %.1f%% of %.0f sent x receivers "
        + "(coalescing within a tick may drop superseded positions)%n", total / elapsed, 100.0 * total / expected, expected);
    System.out.printf("error frames: %d %s%n", errors.get(), lastError);
    System.out.printf("latency ms: min=%d p50=%d p95=%d p99=%d max=%d%n",
        percentile(total, 0.0), percentile(total, 0.50), percentile(total, 0.95), percentile(total, 0.99), percentile(total, 1.0));
  }

  private long percentile(long total, double q) {
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int ms = 0; ms <= MAX_LATENCY_MS; ms++) {
      seen += latencyMs.get(ms);
      if (seen >= rank && seen > 0) {
        return ms;
      }
    }
    return -1;
  }

  /** A socket ticket for a join token, as the browser gets one before each connect. */
  private Future<String> ticket(HttpClient http, String boardId, String token) {
    return post(http, "/api/boards/" + boardId + "/ticket", null, token).map(j -> j.getString("ticket"));
  }

  private Future<JsonObject> post(HttpClient http, String path, JsonObject body) {
    return post(http, path, body, null);
  }

  private Future<JsonObject> post(HttpClient http, String path, JsonObject body, String bearer) {
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
  private static <T> List<T> inBatches(int count, int parallel, Function<Integer, Future<T>> op) {
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

  private static void frame(WebSocket socket, JsonObject frame) {
    socket.writeTextMessage(new JsonArray().add(frame.encode()).encode());
  }
}
