package io.werkraum;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.redis.client.Redis;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.werkraum.auth.TokenService;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.http.ClientFiles;
import io.werkraum.http.HttpVerticle;
import io.werkraum.metrics.MetricsVerticle;
import io.werkraum.metrics.WerkraumMetrics;
import io.werkraum.realtime.RealtimeVerticle;
import io.werkraum.store.EmbeddedRedis;
import io.werkraum.store.RedisConnector;
import io.werkraum.store.SocketStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;

/**
 * One running Werkraum node: its Redis (embedded or configured), its Vert.x (clustered or not)
 * and its verticles. Used by {@link Main} and by tests, so both start the same way.
 */
public final class Werkraum {
  private static final Logger LOG = Logger.getLogger(Werkraum.class.getName());

  private final WerkraumConfig config;
  private final Vertx vertx;
  private final EmbeddedRedis embeddedRedis;

  private Werkraum(WerkraumConfig config, Vertx vertx, EmbeddedRedis embeddedRedis) {
    this.config = config;
    this.vertx = vertx;
    this.embeddedRedis = embeddedRedis;
  }

  public static Future<Werkraum> start(WerkraumConfig given) {
    if (given.accessibility().lacksContact()) {
      LOG.warning("no accessibility contact configured: the accessibility statement at /accessibility says the operator"
          + " gave none (set accessibilityContactEmail, accessibilityContactUrl or accessibilityContactAddress, or accessibilityUrl)");
    }
    ClientFiles client;
    try {
      client = ClientFiles.fromClasspath();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    EmbeddedRedis embedded = null;
    WerkraumConfig config = given;
    if (given.embeddedRedis()) {
      try {
        embedded = new EmbeddedRedis(given.dataDir().resolve("redis"), 0, given.redisFsync()).start();
      } catch (IOException e) {
        return Future.failedFuture(new UncheckedIOException("cannot start the embedded Redis", e));
      }
      config = given.withRedisUrl(embedded.url());
    }
    EmbeddedRedis redisChild = embedded;
    WerkraumConfig effective = config;
    HazelcastClusterManager clusterManager = effective.cluster() ? clusterManager(effective) : null;
    WerkraumMetrics metrics = WerkraumMetrics.create(effective.metrics());
    Future<Vertx> vertx = clusterManager == null
        ? Future.succeededFuture(metrics.vertxBuilder(vertxOptions(effective)).build())
        : metrics.vertxBuilder(vertxOptions(effective)).withClusterManager(clusterManager).buildClustered();
    // The outcome is a promise of no context: on a failure Vert.x is closed, its event loops end,
    // and a future bound to one of them would never tell the caller (Main would hang).
    Promise<Werkraum> started = Promise.promise();
    vertx.onComplete(created -> {
      if (created.failed()) {
        stopChild(redisChild);
        started.fail(created.cause());
        return;
      }
      Vertx v = created.result();
      tokenSecret(v, effective)
          .compose(secret -> deploy(v, effective, new TokenService(secret), clusterManager, metrics, client))
          .onComplete(deployed -> {
            if (deployed.succeeded()) {
              started.complete(new Werkraum(effective, v, redisChild));
            } else {
              v.close().onComplete(closed -> {
                stopChild(redisChild);
                started.fail(deployed.cause());
              });
            }
          });
    });
    return started.future();
  }

  private static void stopChild(EmbeddedRedis redisChild) {
    if (redisChild != null) {
      redisChild.stop();
    }
  }

  public Vertx vertx() {
    return vertx;
  }

  public WerkraumConfig config() {
    return config;
  }

  /** The URL to open in a browser. */
  public String url() {
    if (config.publicUrl() != null) {
      return config.publicUrl() + "/";
    }
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return "http://" + host + ":" + config.port() + "/";
  }

  public Future<Void> stop() {
    return vertx.close().onComplete(done -> stopChild(embeddedRedis));
  }

  private static VertxOptions vertxOptions(WerkraumConfig config) {
    VertxOptions options = new VertxOptions();
    if (config.cluster()) {
      options.setEventBusOptions(new EventBusOptions().setHost(config.clusterHost()).setPort(0));
    }
    return options;
  }

  /** Hazelcast with TCP-IP join over the configured members; multicast and auto-detection off. */
  static HazelcastClusterManager clusterManager(WerkraumConfig config) {
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(config.clusterName());
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    hazelcast.setProperty("hazelcast.logging.type", "jdk");
    hazelcast.setProperty("hazelcast.local.localAddress", config.clusterHost());
    hazelcast.getNetworkConfig().setPort(config.clusterPort()).setPortAutoIncrement(true);
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    List<String> members = config.clusterMembers().isEmpty()
        ? List.of(config.clusterHost() + ":" + config.clusterPort())
        : config.clusterMembers();
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return new HazelcastClusterManager(hazelcast);
  }

  /**
   * Fails with why the start failed, closing the Vert.x meanwhile. Not after the close: its
   * completion is told on the Vert.x being closed, so the start would never end.
   */
  private static <T> Future<T> closedWith(Vertx vertx, Throwable err) {
    vertx.close();
    return Future.failedFuture(err);
  }

  /** The configured secret, else the one stored in Redis by whichever node started first. */
  private static Future<String> tokenSecret(Vertx vertx, WerkraumConfig config) {
    if (config.secret() != null) {
      return Future.succeededFuture(config.secret());
    }
    Redis redis = Redis.createClient(vertx, RedisConnector.options(config));
    return new SocketStore(redis).sharedSecret(TokenService.randomId(32)).onComplete(done -> redis.close());
  }

  private static Future<Void> deploy(Vertx vertx, WerkraumConfig config, TokenService tokens,
      HazelcastClusterManager cluster, WerkraumMetrics metrics, ClientFiles client) {
    return vertx.deployVerticle(() -> new RealtimeVerticle(config, metrics), new DeploymentOptions())
        .compose(id -> vertx.deployVerticle(() -> new HttpVerticle(config, tokens, cluster, metrics, client),
            new DeploymentOptions().setInstances(config.httpInstances())))
        .compose(id -> metrics.enabled()
            ? vertx.deployVerticle(new MetricsVerticle(config, metrics)) : Future.succeededFuture())
        .mapEmpty();
  }
}
