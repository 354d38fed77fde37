package io.werkraum.realtime;

/** A token bucket: {@code ratePerSecond} sustained, {@code burst} at once. Used on one event loop. */
final class RateLimiter {
  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  RateLimiter(double ratePerSecond, double burst) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  synchronized boolean tryAcquire() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
