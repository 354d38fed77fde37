package io.werkraum.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for something another thread or process brings about: a condition checked again and
 * again until it holds, failing the test with what was awaited and the last state when it does
 * not hold in time. The one deadline loop the test utilities share.
 */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(10);

  private Await() {}

  /**
   * Waits until {@code condition} holds, checking every 10 ms.
   *
   * @param what what is awaited, as in "waiting until ..."
   * @param state the state to report on a timeout (an exception from it is reported instead)
   * @throws AssertionError when the condition does not hold within {@code timeout}; an exception
   *     from {@code condition} ends the wait at once
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
    until(what, timeout, POLL, condition, state);
  }

  /**
   * As {@link #until(String, Duration, BooleanSupplier, Supplier)}, checking every {@code poll}
   * (longer for a check that is a command counted against a rate limit, say).
   */
  public static void until(String what, Duration timeout, Duration poll, BooleanSupplier condition,
      Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what
            + "; last state: " + describe(state));
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting until " + what, e);
      }
    }
  }

  private static String describe(Supplier<String> state) {
    try {
      return state.get();
    } catch (RuntimeException e) {
      return e.toString();
    }
  }
}
