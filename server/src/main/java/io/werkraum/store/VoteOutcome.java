package io.werkraum.store;

import io.vertx.core.json.JsonObject;
import io.werkraum.board.ErrorCode;

/**
 * What the store did with a vote: the voter's votes in the round and what they have left, or the
 * reason it was refused.
 */
public record VoteOutcome(ErrorCode error, long remaining, JsonObject mine, boolean duplicate) {
  static VoteOutcome parse(String outcome, boolean duplicate) {
    if (outcome.startsWith("err:")) {
      return new VoteOutcome(ErrorCode.fromCode(outcome.substring(4)), 0, null, duplicate);
    }
    int colon = outcome.indexOf(':', 3);
    return new VoteOutcome(null, Long.parseLong(outcome.substring(3, colon)),
        new JsonObject(outcome.substring(colon + 1)), duplicate);
  }

  public boolean ok() {
    return error == null;
  }
}
