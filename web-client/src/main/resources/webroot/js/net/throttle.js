// Leading + trailing throttle: the first value goes out at once, later ones at most
// every `intervalMs`, and the last value of a burst is always delivered, so the
// final cursor or drag position is never swallowed.
export function createThrottle(intervalMs, deliver, clock = defaultClock) {
  let lastSent = -Infinity;
  let pending = null;
  let timer = null;

  function flush() {
    timer = null;
    if (pending === null) return;
    const value = pending;
    pending = null;
    lastSent = clock.now();
    deliver(value);
  }

  return {
    push(value) {
      pending = value;
      const wait = lastSent + intervalMs - clock.now();
      if (wait <= 0 && timer === null) flush();
      else if (timer === null) timer = clock.setTimeout(flush, Math.max(0, wait));
    },
    /** Drops a value that has not gone out yet (e.g. a drag that just ended). */
    cancel() {
      pending = null;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}

const defaultClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id),
};
