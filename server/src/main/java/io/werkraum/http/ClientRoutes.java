package io.werkraum.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.MimeMapping;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * How the web client is served. Pages are asked for again on every visit ({@code no-cache}; an
 * unchanged build answers 304 by its version as ETag), and name the build's assets under
 * {@code /v/<version>/}, which browsers keep for a year without asking. An asset of another
 * version is 404, never this build's file under the old name: a page of the previous build still
 * open after a deploy would otherwise run old and new modules together.
 */
final class ClientRoutes {
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  /** The one asset with a fixed name: browsers and bookmarks ask for the icon without a version. */
  private static final String ICON = "favicon.svg";

  private final ClientFiles files;
  private final String etag;

  ClientRoutes(ClientFiles files) {
    this.files = files;
    this.etag = "\"" + files.version() + "\"";
  }

  /** The versioned assets and the icon. */
  void mount(Router router) {
    router.getWithRegex("/v/([^/]+)/(.+)").handler(ctx -> {
      byte[] asset = ctx.pathParam("param0").equals(files.version()) ? files.asset(ctx.pathParam("param1")) : null;
      if (asset == null) {
        // Not cached: the same URL may exist once the node serving it runs that build.
        ctx.response().setStatusCode(404).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
      } else {
        // Vary: a shared cache keeps the compressed and the plain answer apart (the server compresses on request).
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType(ctx.pathParam("param1")))
            .putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE).putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
            .end(Buffer.buffer(asset));
      }
    });
    router.get("/" + ICON).handler(revalidated(Buffer.buffer(files.asset(ICON)), contentType(ICON)));
  }

  /** A page of the client ({@code board.html}), its asset references versioned. */
  Handler<RoutingContext> page(String name) {
    return revalidated(files.page(name), "text/html; charset=utf-8");
  }

  /** Asked for again on each use, answered 304 while this build runs. */
  private Handler<RoutingContext> revalidated(Buffer body, String contentType) {
    return ctx -> {
      ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").putHeader(HttpHeaders.ETAG, etag)
          .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
      if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
        ctx.response().setStatusCode(304).end();
      } else {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
      }
    };
  }

  private static String contentType(String path) {
    String type = MimeMapping.mimeTypeForFilename(path);
    if (type == null) {
      return "application/octet-stream";
    }
    return type.startsWith("text/") ? type + "; charset=utf-8" : type;
  }
}
