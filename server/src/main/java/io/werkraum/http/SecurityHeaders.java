package io.werkraum.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Headers on every response: no inline script, no third-party host, no framing, no sniffing. */
final class SecurityHeaders implements Handler<RoutingContext> {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().headers()
        .set("Content-Security-Policy", CSP)
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        .set("Cross-Origin-Opener-Policy", "same-origin");
    ctx.next();
  }
}
