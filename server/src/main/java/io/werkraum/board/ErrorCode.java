package io.werkraum.board;

/** Stable error codes that travel to clients; the UI translates them. */
public enum ErrorCode {
  INVALID_INPUT("invalid_input"),
  UNKNOWN_COMMAND("unknown_command"),
  NOT_ALLOWED("not_allowed"),
  NOT_FOUND("not_found"),
  CONFLICT("conflict"),
  LIMIT_REACHED("limit_reached"),
  RATE_LIMITED("rate_limited"),
  UNAVAILABLE("unavailable"),
  BOARD_LOCKED("board_locked"),
  ROUND_CLOSED("round_closed"),
  VOTE_BUDGET_EXHAUSTED("vote_budget_exhausted"),
  VOTE_LIMIT_PER_NOTE("vote_limit_per_note"),
  NOT_IN_SCOPE("not_in_scope");

  private final String code;

  ErrorCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static ErrorCode fromCode(String code) {
    for (ErrorCode c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown error code " + code);
  }
}
