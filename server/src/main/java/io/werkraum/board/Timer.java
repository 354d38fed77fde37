package io.werkraum.board;

import io.werkraum.protocol.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The workshop timer as every browser shows it: running until {@code endsAt}, paused with
 * {@code remainingMs} left, or idle (set to {@code remainingMs}). Browsers compute the time left
 * from {@code endsAt} and the server clock, so everyone sees the same time. Pure transitions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timer(String status, long durationMs, Long endsAt, Long remainingMs) {
  public static final String IDLE = "idle";
  public static final String RUNNING = "running";
  public static final String PAUSED = "paused";

  public static final Timer NONE = new Timer(IDLE, 0, null, 0L);

  /** The timer in stored settings, or {@link #NONE}. */
  public static Timer from(Object stored) {
    if (!(stored instanceof Map<?, ?> map) || !(map.get("status") instanceof String status)) {
      return NONE;
    }
    return new Timer(status, number(map.get("durationMs")), nullableNumber(map.get("endsAt")),
        nullableNumber(map.get("remainingMs")));
  }

  public long remainingAt(long now) {
    if (RUNNING.equals(status)) {
      return Math.max(0, endsAt - now);
    }
    return remainingMs == null ? 0 : remainingMs;
  }

  public Timer start(long duration, long now) {
    return new Timer(RUNNING, duration, now + duration, null);
  }

  public Timer pause(long now) {
    if (!RUNNING.equals(status)) {
      throw new Rejection(ErrorCode.CONFLICT, "the timer is not running");
    }
    return new Timer(PAUSED, durationMs, null, remainingAt(now));
  }

  public Timer resume(long now) {
    if (!PAUSED.equals(status) && !IDLE.equals(status)) {
      throw new Rejection(ErrorCode.CONFLICT, "the timer is not paused");
    }
    return new Timer(RUNNING, durationMs, now + remainingAt(now), null);
  }

  /**
   * Adds (or, negative, takes) time left; never below zero. A running or paused timer keeps its
   * set duration, so a reset goes back to what the facilitator set; an idle one is being set.
   */
  public Timer add(long ms, long now) {
    long remaining = Math.max(0, remainingAt(now) + ms);
    if (IDLE.equals(status)) {
      return new Timer(IDLE, remaining, null, remaining);
    }
    return RUNNING.equals(status)
        ? new Timer(RUNNING, durationMs, now + remaining, null)
        : new Timer(status, durationMs, null, remaining);
  }

  public Timer reset() {
    return new Timer(IDLE, durationMs, null, durationMs);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  private static Long nullableNumber(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }
}
