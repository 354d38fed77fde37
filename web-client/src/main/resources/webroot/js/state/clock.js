// The server's clock as seen from this browser: an offset (server minus local, ms)
// estimated from the sync reply's `serverTime` and refined by the `at` of events, so a
// timer shows the same time left on every screen whatever the local clock says.

/**
 * A sync reply's serverTime was read between sending (sentAt) and receiving (receivedAt):
 * the offset lies in [serverTime - receivedAt, serverTime - sentAt]; the middle of that
 * interval is the estimate. An event stamped `at` arrived after it was stored, so
 * offset >= at - receivedAt: such lower bounds raise an estimate that was too low.
 */
export function createServerClock(localNow = () => Date.now()) {
  let offset = 0;
  let known = false;
  /** Lower bound from events since the last sync. */
  let lowerBound = -Infinity;

  return {
    get offset() { return offset; },
    get known() { return known; },
    /** Server time now, in ms. */
    now() { return localNow() + offset; },
    fromSync(serverTime, sentAt, receivedAt) {
      if (!Number.isFinite(serverTime) || !Number.isFinite(sentAt) || !Number.isFinite(receivedAt)) return;
      const low = serverTime - receivedAt;
      const high = serverTime - Math.min(sentAt, receivedAt);
      offset = (low + high) / 2;
      lowerBound = low;
      known = true;
    },
    fromEvent(at, receivedAt) {
      if (!Number.isFinite(at) || !Number.isFinite(receivedAt)) return;
      const bound = at - receivedAt;
      if (!known) {
        // Without a sync yet, an event is the best we have (latency makes it slightly early).
        offset = bound;
        lowerBound = bound;
        known = true;
        return;
      }
      // The estimate was too low: the server's own stamp proves it (also after the
      // local clock jumped, which makes the last sync's bounds stale).
      if (bound > offset) offset = bound;
      lowerBound = Math.max(lowerBound, bound);
    },
  };
}
