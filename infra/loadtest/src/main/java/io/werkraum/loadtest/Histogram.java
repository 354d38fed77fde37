package io.werkraum.loadtest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in whole milliseconds up to ten seconds, counted per millisecond; safe across threads. */
final class Histogram {
  private static final int MAX_MS = 10_000;

  private final AtomicLongArray counts = new AtomicLongArray(MAX_MS + 1);
  private final AtomicLong total = new AtomicLong();

  void record(long nanos) {
    counts.incrementAndGet((int) Math.min(MAX_MS, Math.max(0, nanos / 1_000_000)));
    total.incrementAndGet();
  }

  long count() {
    return total.get();
  }

  /** The smallest latency (ms) at or below which a share {@code q} of the samples lies; -1 without samples. */
  long percentile(double q) {
    long all = total.get();
    long rank = Math.max(1, (long) Math.ceil(q * all));
    long seen = 0;
    for (int ms = 0; ms <= MAX_MS; ms++) {
      seen += counts.get(ms);
      if (seen >= rank) {
        return ms;
      }
    }
    return -1;
  }

  String summary() {
    return String.format("min=%d p50=%d p95=%d p99=%d max=%d", percentile(0), percentile(0.50), percentile(0.95),
        percentile(0.99), percentile(1.0));
  }
}
