package io.werkraum.realtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket: a burst at once, then the sustained rate; its clock is the test's. */
class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aBurstIsAllowedAtOnceAndTheNextWaitsForTheRate() {
    RateLimiter limiter = new RateLimiter(20, 3, now::get);
    assertEquals(0, limiter.nanosUntilToken());
    assertTrue(limiter.tryAcquire());
    assertTrue(limiter.tryAcquire());
    assertTrue(limiter.tryAcquire());
    assertFalse(limiter.tryAcquire(), "the burst is spent");
    assertEquals(50_000_000L, limiter.nanosUntilToken(), "one twentieth of a second");
    now.addAndGet(25_000_000L);
    assertFalse(limiter.tryAcquire());
    assertEquals(25_000_000L, limiter.nanosUntilToken());
    now.addAndGet(25_000_000L);
    assertTrue(limiter.tryAcquire());
    assertFalse(limiter.tryAcquire());
  }

  @Test
  void anIdleBucketRefillsOnlyToItsBurst() {
    RateLimiter limiter = new RateLimiter(20, 3, now::get);
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire());
    }
    now.addAndGet(3_600_000_000_000L);
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire(), "an hour later: the burst again");
    }
    assertFalse(limiter.tryAcquire(), "and not more");
  }
}
