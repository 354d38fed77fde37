// Reconnect delays: 0.5 s doubling to 10 s, with "equal jitter" (half fixed, half
// random) so 300 browsers that lost the same node do not come back in lockstep.
export function backoffDelay(attempt, { baseMs = 500, maxMs = 10000, random = Math.random } = {}) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
