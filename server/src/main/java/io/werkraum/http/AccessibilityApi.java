package io.werkraum.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.werkraum.config.WerkraumConfig;

/**
 * The accessibility statement every page links in its footer: {@code /accessibility}, the
 * built-in one (BGG §12b, BITV 2.0 §7), or a redirect to the operator's own; and
 * {@code GET /api/accessibility}, what the built-in one fills in: who runs the instance and how
 * to reach them about barriers.
 */
final class AccessibilityApi {
  static final String PAGE = "/accessibility";

  private final WerkraumConfig config;

  AccessibilityApi(WerkraumConfig config) {
    this.config = config;
  }

  /** @param page the built-in statement's page */
  void mount(Router router, Handler<RoutingContext> page) {
    WerkraumConfig.Accessibility accessibility = config.accessibility();
    String facts = new JsonObject()
        .put("operatorName", config.operatorName())
        .put("contactEmail", accessibility.contactEmail())
        .put("contactUrl", accessibility.contactUrl())
        .put("contactAddress", accessibility.contactAddress())
        .encode();
    router.get("/api/accessibility").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache").end(facts));
    router.get(PAGE).handler(ctx -> {
      if (accessibility.statementUrl() != null) {
        ctx.response().setStatusCode(302).putHeader("Location", accessibility.statementUrl()).end();
      } else {
        page.handle(ctx);
      }
    });
  }
}
