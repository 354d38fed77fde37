package io.werkraum.metrics;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.redis.client.Redis;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.store.BoardStore;
import io.werkraum.store.RedisConnector;

/**
 * The management port: {@code GET /metrics} in Prometheus' text format on {@code host:metricsPort},
 * apart from the public port so a reverse proxy or ingress that forwards the public port never
 * publishes it. Also measures the Redis round trip with a PING every {@link #PING_MS}, so the
 * figure is there on an idle node too. Deployed once per node, only with metrics on.
 */
public final class MetricsVerticle extends VerticleBase {
  static final long PING_MS = 5_000;

  private final WerkraumConfig config;
  private final WerkraumMetrics metrics;
  private Redis redis;
  private long pinger = -1;

  public MetricsVerticle(WerkraumConfig config, WerkraumMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    redis = Redis.createClient(vertx, RedisConnector.options(config));
    BoardStore store = new BoardStore(redis);
    pinger = vertx.setPeriodic(0, PING_MS, id -> {
      long started = System.nanoTime();
      store.ping().otherwise(false).onSuccess(pong -> metrics.redisRoundTrip(System.nanoTime() - started, pong));
    });
    Router router = Router.router(vertx);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics.prometheus()));
    // Gzip as Prometheus asks for it (about a sixth of the size); HTTP/1.1 only, since over an h2c
    // upgrade Vert.x 5.0.7 labels an uncompressed answer as gzip.
    return vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.metricsPort())
        .setCompressionSupported(true).setHttp2ClearTextEnabled(false))
        .requestHandler(router).listen();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(pinger);
    redis.close();
    return Future.succeededFuture();
  }
}
