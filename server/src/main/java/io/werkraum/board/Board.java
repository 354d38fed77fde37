package io.werkraum.board;

import java.time.ZoneId;

/**
 * One workshop board. The facilitator secret, the join code and the observer code are the
 * credentials carried by its three links; they never go out in board state.
 *
 * @param observerCode null for boards made before observer links existed (renewing creates one)
 * @param timeZone the zone its exports show times in, as chosen when it was made; null for boards
 *     made without one (the server's configured zone applies)
 */
public record Board(String id, String title, long createdAt, String facilitatorSecret, String joinCode,
    String observerCode, ZoneId timeZone) {

  /** The board's own zone, or {@code fallback} when it has none. */
  public ZoneId zoneOr(ZoneId fallback) {
    return timeZone == null ? fallback : timeZone;
  }
}
