// The workshop timer (settings.timer) as shown: time left in ms on the server clock,
// a status for display, and mm:ss text. Pure: the caller passes the server time.

export const MINUTE_MS = 60000;

/** The whole minutes from minMs to maxMs (rounded inwards): what a minutes field may accept. */
export function minutesRange(minMs, maxMs) {
  return { min: Math.ceil(minMs / MINUTE_MS), max: Math.floor(maxMs / MINUTE_MS) };
}

/** A number of minutes (from a minutes field) in whole ms. */
export function minutesToMs(minutes) {
  return Math.round(minutes * MINUTE_MS);
}

/**
 * @param timer  settings.timer: {status: running|paused|idle, durationMs, endsAt?, remainingMs?} or null
 * @param serverNow current server time in ms (local time + clock offset)
 * @returns ms left, never below 0; null when there is no timer
 */
export function timerRemaining(timer, serverNow) {
  if (!timer || typeof timer !== 'object') return null;
  if (timer.status === 'running') {
    const endsAt = Number(timer.endsAt);
    return Number.isFinite(endsAt) ? Math.max(0, endsAt - serverNow) : 0;
  }
  const remaining = Number(timer.remainingMs ?? timer.durationMs);
  return Number.isFinite(remaining) ? Math.max(0, remaining) : 0;
}

/** 'running', 'paused', 'ended' (running and down to 0), 'idle', or 'none'. */
export function timerStatus(timer, serverNow) {
  if (!timer || typeof timer !== 'object') return 'none';
  if (timer.status === 'running') return timerRemaining(timer, serverNow) <= 0 ? 'ended' : 'running';
  if (timer.status === 'paused') return 'paused';
  return 'idle';
}

/** Whether the board page shows the timer: while it runs, is paused or has just run out. */
export function timerVisible(status) {
  return status === 'running' || status === 'paused' || status === 'ended';
}

/** mm:ss, rounded up to whole seconds (shows 00:01 until the very end); h:mm:ss from an hour on. */
export function formatRemaining(ms) {
  const total = Math.max(0, Math.ceil((Number(ms) || 0) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/**
 * What `timer.add {ms}` does, for an optimistic preview and tests: moves endsAt
 * (running) or remainingMs (paused, idle); never below 0.
 */
export function addToTimer(timer, ms, serverNow) {
  if (!timer) return timer;
  const remaining = Math.max(0, timerRemaining(timer, serverNow) + ms);
  const durationMs = Math.max(0, (Number(timer.durationMs) || 0) + ms);
  if (timer.status === 'running') return { status: 'running', durationMs, endsAt: serverNow + remaining };
  return { status: timer.status, durationMs, remainingMs: remaining };
}

/**
 * Watches the time left and tells once when it reaches 0 while watched. A timer that was
 * already over when first seen (a page opened late) does not signal.
 */
export function createEndWatcher() {
  let lastKey = null;
  let lastRemaining = null;
  return {
    /** @returns true exactly once per run that reaches 0 while watched */
    observe(timer, remaining) {
      const key = timer && timer.status === 'running' ? String(timer.endsAt) : null;
      if (key !== lastKey) {
        lastKey = key;
        lastRemaining = remaining;
        return false;
      }
      const ended = key !== null && remaining === 0 && lastRemaining !== null && lastRemaining > 0;
      lastRemaining = remaining;
      return ended;
    },
  };
}
