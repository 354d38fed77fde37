package io.werkraum.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.werkraum.store.BoardStore;

/** {@code GET /health}: Redis reachable, cluster membership; 503 when this node cannot serve. */
final class HealthApi {
  private final BoardStore store;
  private final ClusterManager cluster;

  HealthApi(BoardStore store, ClusterManager cluster) {
    this.store = store;
    this.cluster = cluster;
  }

  void mount(Router router) {
    router.get("/health").handler(this::health);
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
