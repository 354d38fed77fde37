package io.werkraum.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import io.vertx.redis.client.Redis;
import io.werkraum.auth.TokenService;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.realtime.Addresses;
import io.werkraum.realtime.BridgeGuard;
import io.werkraum.realtime.OnlineTracker;
import io.werkraum.realtime.OriginPolicy;
import io.werkraum.service.BoardService;
import io.werkraum.service.Publisher;
import io.werkraum.export.ExportService;
import io.werkraum.export.ImportService;
import io.werkraum.store.BoardStore;
import io.werkraum.store.TemplateStore;
import io.werkraum.templates.TemplateService;
import io.werkraum.store.RedisConnector;

/**
 * The HTTP server: pages and assets, the REST API, health, and the SockJS event bus bridge with its
 * guard. Deployed once per core; all instances share the port.
 */
public final class HttpVerticle extends VerticleBase {
  /** Largest WebSocket frame or message a browser may send. */
  public static final int MAX_FRAME_BYTES = 64 * 1024;

  private final WerkraumConfig config;
  private final TokenService tokens;
  private final ClusterManager cluster;
  private Redis redis;
  private OnlineTracker online;
  private BridgeGuard guard;

  public HttpVerticle(WerkraumConfig config, TokenService tokens, ClusterManager cluster) {
    this.config = config;
    this.tokens = tokens;
    this.cluster = cluster;
  }

  @Override
  public Future<?> start() {
    redis = Redis.createClient(vertx, RedisConnector.options(config));
    BoardStore store = new BoardStore(redis);
    BoardService service = new BoardService(store, tokens, new Publisher(vertx.eventBus()));
    online = new OnlineTracker(vertx, store);
    online.start();

    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    new HealthApi(store, cluster).mount(router);
    new BoardApi(service, new ExportService(vertx, store, service), new ImportService(store),
        new TemplateService(store, new TemplateStore(redis), service), config.publicUrl()).mount(router);
    guard = new BridgeGuard(tokens, store, online, new OriginPolicy(config.publicUrl(), config.allowedOrigins()));
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, sockJsOptions()).bridge(bridgeOptions(), guard));
    vertx.eventBus().<io.vertx.core.json.JsonObject>consumer(Addresses.KICK,
        kick -> guard.kick(kick.body().getString("board"), kick.body().getString("participant")));
    servePage(router, "/b/:board", "webroot/board.html");
    servePage(router, "/b/:board/facilitate", "webroot/facilitate.html");
    servePage(router, "/b/:board/snapshot/:snapshot", "webroot/snapshot.html");
    // ES modules load each other without a bundler's hashed names: browsers must revalidate
    // (Last-Modified, 304) so a new version never mixes with cached old modules.
    router.route().handler(ctx -> {
      ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Cache-Control", "no-cache"));
      ctx.next();
    });
    router.route().handler(StaticHandler.create("webroot").setSendVaryHeader(true));

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setCompressionSupported(true)
        .setMaxWebSocketFrameSize(MAX_FRAME_BYTES)
        .setMaxWebSocketMessageSize(MAX_FRAME_BYTES)
        .setIdleTimeout(120);
    return guard.start(vertx)
        .compose(started -> vertx.createHttpServer(options).requestHandler(router).listen().map(HttpServer::actualPort));
  }

  @Override
  public Future<?> stop() {
    return Future.join(guard.stop(), online.stop()).onComplete(done -> redis.close());
  }

  /** A page of the client under a path of its own, read once at start. */
  private void servePage(Router router, String path, String file) {
    Buffer page = vertx.fileSystem().readFileBlocking(file);
    router.get(path).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(page));
  }

  private static SockJSHandlerOptions sockJsOptions() {
    SockJSHandlerOptions options = new SockJSHandlerOptions()
        .setRegisterWriteHandler(false)
        .setHeartbeatInterval(25_000)
        .setSessionTimeout(30_000)
        .setInsertJSESSIONID(false);
    // Polling transports have client-chosen session ids that live on one node only.
    for (Transport t : new Transport[] {Transport.XHR, Transport.EVENT_SOURCE, Transport.HTML_FILE, Transport.JSON_P}) {
      options.addDisabledTransport(t.name());
    }
    return options;
  }

  private static SockJSBridgeOptions bridgeOptions() {
    return new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.COMMANDS))
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.PRESENCE))
        // The guard decides per socket which of these it may listen on.
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("board\\.[A-Za-z0-9_.-]+"))
        .setMaxHandlersPerSocket(16)
        .setMaxAddressLength(160)
        .setPingTimeout(30_000)
        .setReplyTimeout(15_000);
  }
}
