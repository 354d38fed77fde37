package io.werkraum.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Redis;
import io.werkraum.audit.AuditLog;
import io.werkraum.auth.Sessions;
import io.werkraum.auth.TokenService;
import io.werkraum.boards.Boards;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.export.DocumentBuilder;
import io.werkraum.export.ExportService;
import io.werkraum.metrics.WerkraumMetrics;
import io.werkraum.protocol.Limits;
import io.werkraum.publish.Publisher;
import io.werkraum.realtime.BridgeGuard;
import io.werkraum.realtime.OnlineTracker;
import io.werkraum.realtime.OriginPolicy;
import io.werkraum.realtime.SockJs;
import io.werkraum.realtime.RealtimeVerticle;
import io.werkraum.signin.SignIn;
import io.werkraum.signin.SignInEvents;
import io.werkraum.store.BoardCreation;
import io.werkraum.store.BoardRemoval;
import io.werkraum.store.BoardStore;
import io.werkraum.store.RedisConnector;
import io.werkraum.store.SocketStore;
import io.werkraum.store.StateReads;
import io.werkraum.store.TemplateStore;
import io.werkraum.templates.TemplateService;

/**
 * The HTTP server: pages and assets, the REST API, health, and the SockJS event bus bridge with its
 * guard. Deployed once per core; all instances share the port.
 */
public final class HttpVerticle extends VerticleBase {
  private final WerkraumConfig config;
  private final TokenService tokens;
  private final ClusterManager cluster;
  private final WerkraumMetrics metrics;
  private final ClientFiles clientFiles;
  private Redis redis;
  private OnlineTracker online;
  private BridgeGuard guard;

  public HttpVerticle(WerkraumConfig config, TokenService tokens, ClusterManager cluster, WerkraumMetrics metrics,
      ClientFiles clientFiles) {
    this.config = config;
    this.clientFiles = clientFiles;
    this.tokens = tokens;
    this.cluster = cluster;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    redis = Redis.createClient(vertx, RedisConnector.options(config));
    BoardStore store = new BoardStore(redis, config.retention().auditDays());
    AuditLog audit = RealtimeVerticle.auditLog(redis, config.retention());
    SocketStore sockets = new SocketStore(redis);
    Sessions sessions = new Sessions(tokens, store);
    DocumentBuilder documents = new DocumentBuilder(new StateReads(redis));
    online = new OnlineTracker(vertx, sockets);
    online.start();

    return signIn(audit).compose(signIn -> {
      Router router = Router.router(vertx);
      router.route().handler(new SecurityHeaders());
      new HealthApi(vertx, store, cluster).mount(router);
      signIn.mount(router);
      new BoardApi(new Boards(store, new BoardCreation(redis), sessions, new Publisher(vertx.eventBus()),
              new BoardRemoval(redis), audit, config.retention()), sessions,
          new ExportService(vertx, store, documents, sessions, audit, metrics, config.retention(), config.timeZone()),
          new TemplateService(documents, new TemplateStore(redis), sessions), config.publicUrl(), signIn).mount(router);
      new AuditApi(sessions, audit, store, config.retention().auditDays()).mount(router);
      return serve(router, sockets, audit);
    });
  }

  /** Sign-in through the configured provider, or none. */
  private Future<SignIn> signIn(AuditLog audit) {
    if (config.signIn() == null) {
      return Future.succeededFuture(SignIn.off());
    }
    String baseUrl = config.publicUrl() != null ? config.publicUrl() : "http://" + config.host() + ":" + config.port();
    return SignIn.start(vertx, config.signIn(), baseUrl, redis, new SignInEvents(audit));
  }

  private Future<?> serve(Router router, SocketStore sockets, AuditLog audit) {
    guard = new BridgeGuard(vertx, tokens, sockets, online, new OriginPolicy(config.publicUrl(), config.allowedOrigins()),
        audit, metrics);
    SockJs.mount(vertx, router, "/eventbus", guard);
    ClientRoutes client = new ClientRoutes(clientFiles);
    router.get("/").handler(client.page("index.html"));
    router.get("/b/:board").handler(client.page("board.html"));
    router.get("/b/:board/facilitate").handler(client.page("facilitate.html"));
    router.get("/b/:board/snapshot/:snapshot").handler(client.page("snapshot.html"));
    new PrivacyApi(config).mount(router, client.page("privacy.html"));
    new AccessibilityApi(config).mount(router, client.page("accessibility.html"));
    client.mount(router);

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setCompressionSupported(true)
        // A message over the limit is closed with 1009 by the transport; Netty drops the
        // connection without a word only for a single frame far over it.
        .setMaxWebSocketFrameSize(16 * Limits.FRAME_MAX_BYTES)
        .setMaxWebSocketMessageSize(Limits.FRAME_MAX_BYTES)
        .setIdleTimeout(120);
    return guard.start()
        .compose(started -> vertx.createHttpServer(options).requestHandler(router).listen()
            .recover(err -> Future.failedFuture(PortInUseException.of(err, config.host(), config.port())))
            .map(HttpServer::actualPort));
  }

  @Override
  public Future<?> stop() {
    // No guard when the start failed before it (an unreachable identity provider).
    Future<?> guardStopped = guard == null ? Future.succeededFuture() : guard.stop();
    return Future.join(guardStopped, online.stop()).onComplete(done -> redis.close());
  }
}
