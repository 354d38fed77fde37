package io.werkraum.http;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.spi.cluster.hazelcast.ClusterHealthCheck;
import io.werkraum.store.BoardStore;

/**
 * Health, on the public port:
 * <ul>
 *   <li>{@code GET /health}: a summary for people: Redis reachable and how fast, the cluster
 *       members this node sees; 503 when this node cannot serve.
 *   <li>{@code GET /health/live}: the liveness probe, 200 as long as the event loop answers
 *       (its one check runs on it); Redis or the cluster being away does not make a restart help.
 *   <li>{@code GET /health/ready}: the readiness probe, 200 when Redis answers a PING and, on a
 *       clustered node, Hazelcast reports the cluster safe (Vert.x's {@link ClusterHealthCheck});
 *       503 otherwise, so a load balancer sends no one to a node that cannot serve.
 * </ul>
 * The probes answer in vertx-health-checks' JSON, {@code {status, checks: [{id, status, data?}], outcome}}.
 */
final class HealthApi {
  /** How long a readiness check may take before it counts as down (a paused Redis never answers). */
  static final long CHECK_TIMEOUT_MS = 1_500;

  private final Vertx vertx;
  private final BoardStore store;
  private final ClusterManager cluster;

  HealthApi(Vertx vertx, BoardStore store, ClusterManager cluster) {
    this.vertx = vertx;
    this.store = store;
    this.cluster = cluster;
  }

  void mount(Router router) {
    router.get("/health").handler(this::health);
    router.get("/health/live").handler(HealthCheckHandler.create(vertx)
        .register("event-loop", answered -> answered.complete(Status.OK())));
    HealthCheckHandler ready = HealthCheckHandler.create(vertx)
        .register("redis", 2 * CHECK_TIMEOUT_MS, settled(answered ->
            store.ping().map(pong -> pong ? Status.OK() : Status.KO()).onComplete(answered)));
    if (cluster != null) {
      ready.register("cluster", 2 * CHECK_TIMEOUT_MS, settled(ClusterHealthCheck.createProcedure(vertx)));
    }
    router.get("/health/ready").handler(ready);
  }

  /**
   * The check, down (never failed) when it fails or does not answer in {@link #CHECK_TIMEOUT_MS}:
   * the handler answers a failed check 500 and a down one 503, and not ready is a 503.
   */
  private Handler<Promise<Status>> settled(Handler<Promise<Status>> check) {
    return outcome -> {
      Promise<Status> answer = Promise.promise();
      long timer = vertx.setTimer(CHECK_TIMEOUT_MS,
          id -> answer.tryFail("no answer within " + CHECK_TIMEOUT_MS + " ms"));
      answer.future().onComplete(done -> {
        vertx.cancelTimer(timer);
        outcome.tryComplete(done.succeeded() ? done.result()
            : Status.KO(new JsonObject().put("error", String.valueOf(done.cause().getMessage()))));
      });
      try {
        check.handle(answer);
      } catch (RuntimeException e) {
        answer.tryFail(e);
      }
    };
  }

  private void health(RoutingContext ctx) {
    long started = System.nanoTime();
    store.ping().otherwise(false).onComplete(pong -> {
      boolean redisOk = pong.result();
      JsonObject clusterJson = new JsonObject().put("enabled", cluster != null);
      if (cluster != null) {
        clusterJson.put("nodeId", cluster.getNodeId()).put("nodes", new JsonArray(cluster.getNodes()));
      }
      JsonObject body = new JsonObject()
          .put("status", redisOk ? "ok" : "unavailable")
          .put("redis", new JsonObject().put("ok", redisOk)
              .put("latencyMs", (System.nanoTime() - started) / 1_000_000.0))
          .put("cluster", clusterJson);
      ctx.response().setStatusCode(redisOk ? 200 : 503).putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store").end(body.encode());
    });
  }
}
