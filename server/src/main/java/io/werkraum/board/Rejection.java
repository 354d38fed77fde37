package io.werkraum.board;

/** A refused request: a stable code and an English message for logs and developers. */
public final class Rejection extends RuntimeException {
  private final ErrorCode code;

  public Rejection(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static Rejection invalid(String message) {
    return new Rejection(ErrorCode.INVALID_INPUT, message);
  }
}
