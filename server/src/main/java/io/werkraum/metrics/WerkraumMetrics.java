package io.werkraum.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.werkraum.board.Rejection;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One node's meters: the registry Vert.x records its own into (HTTP server, event bus, pools, the
 * Redis client, the JVM) and Werkraum's, named {@code werkraum_*}. Tags are low-cardinality only:
 * a command type, an outcome (ok or an error code), an export format; never a board, room or
 * person. Thread-safe: every HTTP verticle instance and the realtime verticle record into it.
 * With metrics off, the meters record into a registry that keeps nothing.
 */
public final class WerkraumMetrics {
  private static final String OK = "ok";
  private static final String UNKNOWN = "unknown";
  private static final Set<String> COMMAND_TYPES =
      Arrays.stream(CommandType.values()).map(CommandType::wire).collect(Collectors.toUnmodifiableSet());
  private static final Set<String> ERROR_CODES =
      Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toUnmodifiableSet());
  /** Buckets for what should take milliseconds: commands, presence fan-out, Redis. */
  private static final Duration[] FAST = millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500);
  /** Buckets for exports, which render whole documents. */
  private static final Duration[] SLOW = millis(50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000);

  private final MeterRegistry registry;
  private final PrometheusMeterRegistry prometheus;
  /** The name Vert.x keeps this registry under: one per node, so nodes in one JVM (tests) stay apart. */
  private final String registryName = "werkraum-" + UUID.randomUUID();
  /** board -> sockets open on this node. */
  private final Map<String, AtomicInteger> socketsByBoard = new ConcurrentHashMap<>();
  private final AtomicInteger sockets = new AtomicInteger();
  private final Counter presenceBatches;
  private final Counter presenceDeliveries;
  private final Timer presenceFanout;

  private WerkraumMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
    this.registry = registry;
    this.prometheus = prometheus;
    Gauge.builder("werkraum.sockets.open", sockets, AtomicInteger::get)
        .description("Bridge sockets open on this node").register(registry);
    Gauge.builder("werkraum.boards.active", socketsByBoard, Map::size)
        .description("Boards with at least one socket open on this node").register(registry);
    presenceBatches = Counter.builder("werkraum.presence.batches")
        .description("Presence batches this node's relay sent (one per room and tick with movement)").register(registry);
    presenceDeliveries = Counter.builder("werkraum.presence.deliveries")
        .description("Presence batches written to sockets on this node").register(registry);
    presenceFanout = Timer.builder("werkraum.presence.fanout")
        .description("From a batch leaving the relay to its last write to this node's sockets of the room")
        .serviceLevelObjectives(FAST).register(registry);
  }

  /** Metrics recorded and served, or kept nowhere, as the configuration says. */
  public static WerkraumMetrics create(boolean enabled) {
    if (!enabled) {
      // A composite registry without registries: every meter is a no-op.
      return new WerkraumMetrics(new CompositeMeterRegistry(), null);
    }
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new WerkraumMetrics(prometheus, prometheus);
  }

  public boolean enabled() {
    return prometheus != null;
  }

  /** The registry to scrape; null with metrics off. */
  public PrometheusMeterRegistry prometheus() {
    return prometheus;
  }

  /**
   * A Vert.x builder with {@code options} that records Vert.x's meters into this registry. The
   * labels stay Vert.x's defaults (method, status code, pool, event bus side): never the event bus
   * address, which names boards.
   */
  public VertxBuilder vertxBuilder(VertxOptions options) {
    if (!enabled()) {
      return Vertx.builder().with(options);
    }
    options.setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName(registryName)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(prometheus));
  }

  /** A socket of {@code board} opened on this node. */
  public void socketOpened(String board) {
    sockets.incrementAndGet();
    socketsByBoard.computeIfAbsent(board, b -> new AtomicInteger()).incrementAndGet();
  }

  public void socketClosed(String board) {
    sockets.decrementAndGet();
    socketsByBoard.computeIfPresent(board, (b, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  /**
   * A command answered: counted by type and outcome ({@code ok} or the reply's error code), its
   * time from receipt to reply recorded by type.
   *
   * @param body the command as it came (its type counts only if it is one of the protocol's)
   */
  public void commandAnswered(Object body, JsonObject reply, long receivedNanos) {
    String type = body instanceof JsonObject command && command.getValue("type") instanceof String t
        && COMMAND_TYPES.contains(t) ? t : UNKNOWN;
    String outcome = Boolean.TRUE.equals(reply.getValue("ok")) ? OK : errorCode(reply.getValue("code"));
    Counter.builder("werkraum.commands").description("Commands answered, by type and outcome")
        .tags("type", type, "outcome", outcome).register(registry).increment();
    Timer.builder("werkraum.command.duration").description("Commands from receipt to reply, by type")
        .tags("type", type).serviceLevelObjectives(FAST).register(registry)
        .record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
  }

  /** This node's relay sent a presence batch. */
  public void presenceBatchSent() {
    presenceBatches.increment();
  }

  /**
   * A presence batch written to {@code sockets} sockets of this node.
   *
   * @param sentAtMicros when the relay sent it, by {@link #nowMicros()} on its node (clocks of
   *     other nodes may differ a little: a negative time counts as zero)
   */
  public void presenceDelivered(long sentAtMicros, int sockets) {
    presenceDeliveries.increment(sockets);
    presenceFanout.record(Math.max(0, nowMicros() - sentAtMicros), TimeUnit.MICROSECONDS);
  }

  /** One PING to Redis and its answer (or failure). */
  public void redisRoundTrip(long nanos, boolean answered) {
    Timer.builder("werkraum.redis.roundtrip").description("Redis PING round trips, every few seconds")
        .tags("outcome", answered ? OK : ErrorCode.UNAVAILABLE.code()).serviceLevelObjectives(FAST)
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * An export answered, by format and outcome, with its time from request to document.
   *
   * @param format the format's file extension, or null when the request named none Werkraum knows
   * @param failure null when the document was made
   */
  public void exportDone(String format, Throwable failure, long startedNanos) {
    String kind = format == null ? UNKNOWN : format;
    String outcome = failure == null ? OK
        : failure instanceof Rejection r ? r.code().code() : ErrorCode.UNAVAILABLE.code();
    Counter.builder("werkraum.exports").description("Exports answered, by format and outcome")
        .tags("format", kind, "outcome", outcome).register(registry).increment();
    Timer.builder("werkraum.export.duration").description("Exports from request to finished document, by format")
        .tags("format", kind).serviceLevelObjectives(SLOW).register(registry)
        .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  /** Wall-clock time in microseconds, comparable between nodes (unlike {@link System#nanoTime()}). */
  public static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  private static String errorCode(Object code) {
    return code instanceof String c && ERROR_CODES.contains(c) ? c : ErrorCode.UNAVAILABLE.code();
  }

  private static Duration[] millis(long... values) {
    return Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
  }
}
