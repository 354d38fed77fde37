package io.werkraum.realtime;

import java.util.function.LongSupplier;

/** A token bucket: {@code ratePerSecond} sustained, {@code burst} at once. */
final class RateLimiter {
  private final double ratePerNano;
  private final double burst;
  private final LongSupplier clock;
  private double tokens;
  private long last;

  RateLimiter(double ratePerSecond, double burst) {
    this(ratePerSecond, burst, System::nanoTime);
  }

  /** @param clock nanoseconds, as {@link System#nanoTime} */
  RateLimiter(double ratePerSecond, double burst, LongSupplier clock) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock.getAsLong();
  }

  /** Takes a token if there is one. */
  synchronized boolean tryAcquire() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** How long until a token is there (0: now). */
  synchronized long nanosUntilToken() {
    refill();
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano);
  }

  private void refill() {
    long now = clock.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
    last = now;
  }
}
