package io.werkraum.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.board.Rejection;
import java.util.logging.Level;
import java.util.logging.Logger;

/** HTTP answers for refused requests: a status and {@code {code, message}}. */
final class ApiErrors {
  private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

  private ApiErrors() {}

  static void send(RoutingContext ctx, Throwable err) {
    if (err instanceof Rejection r) {
      send(ctx, r.code(), r.getMessage());
      return;
    }
    LOG.log(Level.WARNING, "request failed", err);
    send(ctx, ErrorCode.UNAVAILABLE, "the store is not reachable; please retry");
  }

  static void send(RoutingContext ctx, ErrorCode code, String message) {
    int status = switch (code) {
      case INVALID_INPUT, UNKNOWN_COMMAND -> 400;
      case SIGN_IN_REQUIRED -> 401;
      case NOT_ALLOWED, PASSPHRASE_REQUIRED, WAITING_FOR_ADMISSION -> 403;
      case NOT_FOUND -> 404;
      case BOARD_GONE -> 410;
      case CONFLICT, EDIT_CONFLICT, BOARD_LOCKED, ROUND_CLOSED, VOTE_BUDGET_EXHAUSTED, VOTE_LIMIT_PER_NOTE, NOT_IN_SCOPE,
          CLIENT_OUTDATED -> 409;
      case RATE_LIMITED, LIMIT_REACHED -> 429;
      case UNAVAILABLE -> 503;
    };
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("code", code.code()).put("message", message).encode());
  }
}
