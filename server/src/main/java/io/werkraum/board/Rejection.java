package io.werkraum.board;

import io.werkraum.protocol.ErrorCode;
import java.util.Map;

/** A refused request: a stable code and an English message for logs and developers. */
public final class Rejection extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> details;

  public Rejection(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  /** @param details fields the reply carries besides code and message, for the client to act on */
  public Rejection(ErrorCode code, String message, Map<String, Object> details) {
    super(message, null, false, false);
    this.code = code;
    this.details = details;
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  public static Rejection invalid(String message) {
    return new Rejection(ErrorCode.INVALID_INPUT, message);
  }

  public static Rejection notFound(String message) {
    return new Rejection(ErrorCode.NOT_FOUND, message);
  }

  public static Rejection notAllowed(String message) {
    return new Rejection(ErrorCode.NOT_ALLOWED, message);
  }

  /** The board was deleted or is past its retention (or never existed: the same to whoever asks). */
  public static Rejection boardGone() {
    return new Rejection(ErrorCode.BOARD_GONE, "this board no longer exists");
  }
}
