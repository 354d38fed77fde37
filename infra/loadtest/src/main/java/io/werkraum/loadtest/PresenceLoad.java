package io.werkraum.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.Limits;
import io.werkraum.protocol.MessageType;
import io.werkraum.protocol.PresenceKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the presence fan-out of one Werkraum room: {@code clients} sockets join one board and
 * listen on its plenary room; {@code movers} of them drag a note at {@code hz}. Every receiver
 * takes the time from a drag being sent to its arrival in a presence batch, and the tool prints
 * the latency percentiles and the delivery rate. Bounded: it runs {@code seconds} and stops.
 *
 * <p>Each drag carries its own sequence number as x and the mover's index as y, so a receiver
 * finds the send time without any extra field on the wire.
 */
final class PresenceLoad {
  private final Vertx vertx;
  private final LoadClient client;
  private final int clients;
  private final int movers;
  private final int hz;
  private final int seconds;
  private final int warmupSeconds;
  /** Send times (nanoTime) per mover and drag number. */
  private final long[][] sentAt;
  private final Histogram latency = new Histogram();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile String lastError = "";
  private volatile boolean measuring;

  PresenceLoad(Vertx vertx, Map<String, String> args) {
    this.vertx = vertx;
    client = new LoadClient(vertx, URI.create(args.getOrDefault("url", "http://127.0.0.1:8080")));
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

  void run() throws InterruptedException {
    JsonObject board = client.createBoard("Load test");
    String boardId = board.getString("boardId");
    System.out.printf("board %s: joining %d participants%n", boardId, clients);
    List<String> tokens = client.join(board, clients);
    String room = Addresses.room(boardId, Limits.MAIN_ROOM);
    System.out.printf("opening %d sockets%n", clients);
    List<WebSocket> sockets = client.open(boardId, tokens, this::onText);
    sockets.forEach(s -> LoadClient.frame(s, new JsonObject().put("type", "register").put("address", room)));
    Thread.sleep(1_000); // registrations settle

    System.out.printf("%d movers dragging at %d Hz for %d s (+%d s warm-up)%n", movers, hz, seconds, warmupSeconds);
    long periodMs = 1000 / hz;
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
        LoadClient.frame(socket, new JsonObject().put("type", "send").put("address", Addresses.PRESENCE)
            .put("body", new JsonObject().put("kind", PresenceKind.DRAG.wire()).put("room", Limits.MAIN_ROOM)
                .put("id", "note" + mover).put("x", n).put("y", mover)));
      });
    }
    report(LoadClient.warmUpThenMeasure(warmupSeconds, seconds, on -> measuring = on));
    sockets.forEach(WebSocket::close);
  }

  private void onText(String text) {
    if (!measuring) {
      return;
    }
    long now = System.nanoTime();
    for (JsonObject frame : LoadClient.frames(text)) {
      if ("err".equals(frame.getString("type"))) {
        errors.incrementAndGet();
        lastError = frame.encode();
        continue;
      }
      if (!(frame.getValue("body") instanceof JsonObject body)
          || !MessageType.PRESENCE.wire().equals(body.getString("type"))) {
        continue;
      }
      batches.incrementAndGet();
      for (Object o : body.getJsonArray("items")) {
        JsonObject item = (JsonObject) o;
        if (!PresenceKind.DRAG.wire().equals(item.getString("kind"))) {
          continue;
        }
        long sent = sentAt[item.getDouble("y").intValue()][item.getDouble("x").intValue()];
        if (sent > 0) {
          latency.record(now - sent);
        }
      }
    }
  }

  private void report(double elapsed) {
    long total = latency.count();
    double expected = (double) movers * hz * elapsed * clients;
    System.out.printf("%nclients=%d movers=%d hz=%d measured=%.1fs%n", clients, movers, hz, elapsed);
    System.out.printf("presence batches delivered: %.0f/s (%.1f per client per second)%n",
        batches.get() / elapsed, batches.get() / elapsed / clients);
    System.out.printf("drag updates delivered: %.0f/s, %.1f%% of %.0f sent x receivers "
        + "(coalescing within a tick may drop superseded positions)%n", total / elapsed, 100.0 * total / expected, expected);
    System.out.printf("error frames: %d %s%n", errors.get(), lastError);
    System.out.printf("latency ms: %s%n", latency.summary());
  }
}
