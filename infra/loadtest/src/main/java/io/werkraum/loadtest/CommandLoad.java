package io.werkraum.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.Limits;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures acknowledged commands: {@code clients} sockets each create a note of their own and then
 * move it with {@code note.update} at {@code rate} commands a second (under the server's per-socket
 * rate), each with a reply address. The tool takes the time from sending a command to its reply
 * ({@code ok:true} comes only after Redis committed it) and prints acknowledged commands per second,
 * the latency percentiles and any refusals by code. Bounded: it runs {@code seconds} and stops.
 */
final class CommandLoad {
  private final Vertx vertx;
  private final LoadClient client;
  private final int clients;
  private final int rate;
  private final int seconds;
  private final int warmupSeconds;
  /** reply address -> send time (nanoTime) of the command waiting for it. */
  private final Map<String, Long> waiting = new ConcurrentHashMap<>();
  private final Histogram latency = new Histogram();
  private final AtomicLong sent = new AtomicLong();
  private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
  private volatile boolean measuring;

  CommandLoad(Vertx vertx, Map<String, String> args) {
    this.vertx = vertx;
    client = new LoadClient(vertx, URI.create(args.getOrDefault("url", "http://127.0.0.1:8080")));
    clients = Integer.parseInt(args.getOrDefault("clients", "50"));
    rate = Integer.parseInt(args.getOrDefault("rate", "15"));
    seconds = Integer.parseInt(args.getOrDefault("seconds", "20"));
    warmupSeconds = Integer.parseInt(args.getOrDefault("warmup", "3"));
    if (clients < 1 || clients > 5_000 || rate < 1 || rate > 100 || seconds < 1 || seconds > 300) {
      throw new IllegalArgumentException("need 1 <= clients <= 5000, 1 <= rate <= 100, 1 <= seconds <= 300");
    }
  }

  void run() throws InterruptedException {
    JsonObject board = client.createBoard("Command load");
    String boardId = board.getString("boardId");
    System.out.printf("board %s: joining %d participants%n", boardId, clients);
    List<String> tokens = client.join(board, clients);
    List<WebSocket> sockets = client.open(boardId, tokens, this::onText);
    for (int i = 0; i < clients; i++) {
      command(sockets.get(i), new JsonObject().put("type", CommandType.NOTE_CREATE.wire())
          .put("room", Limits.MAIN_ROOM)
          .put("note", new JsonObject().put("id", "load-" + i).put("x", (i % 40) * 220).put("y", (i / 40) * 170)));
    }
    while (!waiting.isEmpty()) {
      Thread.sleep(50); // every note exists before the updates start
    }
    System.out.printf("%d sockets sending %s at %d/s each for %d s (+%d s warm-up)%n",
        clients, CommandType.NOTE_UPDATE.wire(), rate, seconds, warmupSeconds);
    long periodMs = Math.max(1, 1000 / rate);
    for (int i = 0; i < clients; i++) {
      WebSocket socket = sockets.get(i);
      String note = "load-" + i;
      long[] n = {0};
      // Senders start at random phases, as people do.
      vertx.setPeriodic(1 + ThreadLocalRandom.current().nextLong(periodMs), periodMs, id ->
          command(socket, new JsonObject().put("type", CommandType.NOTE_UPDATE.wire())
              .put("room", Limits.MAIN_ROOM).put("id", note)
              .put("patch", new JsonObject().put("x", (n[0]++ % 1000)))));
    }
    // Only what is sent and acknowledged while measuring counts.
    double elapsed = LoadClient.warmUpThenMeasure(warmupSeconds, seconds, on -> measuring = on);
    System.out.printf("%nclients=%d rate=%d/s each measured=%.1fs%n", clients, rate, elapsed);
    System.out.printf("commands sent: %.0f/s; acknowledged: %.0f/s%n", sent.get() / elapsed,
        latency.count() / elapsed);
    System.out.printf("refused: %s%n", refusals);
    System.out.printf("ack latency ms: %s%n", latency.summary());
    sockets.forEach(WebSocket::close);
  }

  private void command(WebSocket socket, JsonObject body) {
    String replyAddress = Long.toHexString(ThreadLocalRandom.current().nextLong());
    waiting.put(replyAddress, System.nanoTime());
    if (measuring) {
      sent.incrementAndGet();
    }
    LoadClient.frame(socket, new JsonObject().put("type", "send").put("address", Addresses.COMMANDS)
        .put("replyAddress", replyAddress).put("body", body.put("commandId", replyAddress)));
  }

  private void onText(String text) {
    long now = System.nanoTime();
    for (JsonObject frame : LoadClient.frames(text)) {
      Long sentAt = frame.getString("address") == null ? null : waiting.remove(frame.getString("address"));
      if (sentAt == null) {
        if ("err".equals(frame.getString("type"))) {
          refusals.computeIfAbsent("err:" + frame.getValue("body"), k -> new AtomicLong()).incrementAndGet();
        }
        continue;
      }
      JsonObject reply = frame.getValue("body") instanceof JsonObject b ? b : new JsonObject();
      if (reply.getBoolean("ok", false)) {
        if (measuring) {
          latency.record(now - sentAt);
        }
      } else {
        refusals.computeIfAbsent(reply.getString("code", String.valueOf(frame.getValue("failureType"))),
            k -> new AtomicLong()).incrementAndGet();
      }
    }
  }
}
