package io.werkraum.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.werkraum.config.WerkraumConfig;

/**
 * What this instance tells people about their data before they join: {@code GET /api/privacy}
 * (how long boards are kept by default and at most, and the audit log; where the privacy statement is, who runs the instance, the anonymity
 * threshold of voting), and {@code /privacy}, the built-in privacy statement, or a redirect to the
 * operator's own when one is configured.
 */
final class PrivacyApi {
  static final String PAGE = "/privacy";

  private final WerkraumConfig config;

  PrivacyApi(WerkraumConfig config) {
    this.config = config;
  }

  /** @param page the built-in statement's page */
  void mount(Router router, Handler<RoutingContext> page) {
    JsonObject facts = new JsonObject()
        .put("retentionDays", config.retention().boardDays())
        .put("retention", new JsonObject()
            .put("defaultDays", config.retention().boardDays())
            .put("maxDays", config.retention().maxBoardDays())
            .put("auditDays", config.retention().auditDays()))
        .put("privacyUrl", config.privacyUrl() == null ? PAGE : config.privacyUrl())
        .put("operatorName", config.operatorName())
        .put("operatorContact", config.operatorContact())
        .put("anonymityThreshold", config.anonymityThreshold());
    String body = facts.encode();
    router.get("/api/privacy").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache").end(body));
    router.get(PAGE).handler(ctx -> {
      if (config.privacyUrl() != null) {
        ctx.response().setStatusCode(302).putHeader("Location", config.privacyUrl()).end();
      } else {
        page.handle(ctx);
      }
    });
  }
}
