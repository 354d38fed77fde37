package io.werkraum.board;

/** A refused request: a stable code and an English message for logs and developers. */
public final class Rejection extends RuntimeException {
  private final ErrorCode code;
  private final java.util.Map<String, Object> details;

  public Rejection(ErrorCode code, String message) {
    this(code, message, java.util.Map.of());
  }

  /** @param details fields the reply carries besides code and message, for the client to act on */
  public Rejection(ErrorCode code, String message, java.util.Map<String, Object> details) {
    super(message, null, false, false);
    this.code = code;
    this.details = details;
  }

  public ErrorCode code() {
    return code;
  }

  public java.util.Map<String, Object> details() {
    return details;
  }

  public static Rejection invalid(String message) {
    return new Rejection(ErrorCode.INVALID_INPUT, message);
  }
}
