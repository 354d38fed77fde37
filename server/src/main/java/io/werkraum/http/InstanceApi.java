package io.werkraum.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.werkraum.config.WerkraumConfig.Retention;

/**
 * {@code GET /api/instance}: what this instance's operator decided that pages show, such as how
 * long boards and the audit log are kept. Nothing secret.
 */
final class InstanceApi {
  private final String body;

  InstanceApi(Retention retention) {
    this.body = new JsonObject().put("retention", new JsonObject()
        .put("defaultDays", retention.boardDays())
        .put("maxDays", retention.maxBoardDays())
        .put("auditDays", retention.auditDays())).encode();
  }

  void mount(Router router) {
    router.get("/api/instance").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache").end(body));
  }
}
