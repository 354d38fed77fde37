import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addToTimer, createEndWatcher, formatRemaining, timerRemaining, timerStatus, timerVisible } from '../../main/resources/webroot/js/state/timer.js';
import { createServerClock } from '../../main/resources/webroot/js/state/clock.js';

test('running: time left from endsAt and the server time; never below 0', () => {
  const timer = { status: 'running', durationMs: 60000, endsAt: 100000 };
  assert.equal(timerRemaining(timer, 40000), 60000);
  assert.equal(timerRemaining(timer, 99500), 500);
  assert.equal(timerRemaining(timer, 120000), 0);
  assert.equal(timerStatus(timer, 40000), 'running');
  assert.equal(timerStatus(timer, 100000), 'ended');
});

test('paused and idle show remainingMs; no timer is none', () => {
  assert.equal(timerRemaining({ status: 'paused', durationMs: 60000, remainingMs: 12345 }, 1e12), 12345);
  assert.equal(timerStatus({ status: 'paused', durationMs: 60000, remainingMs: 12345 }, 0), 'paused');
  assert.equal(timerRemaining({ status: 'idle', durationMs: 300000, remainingMs: 300000 }, 0), 300000);
  assert.equal(timerRemaining({ status: 'idle', durationMs: 300000 }, 0), 300000);
  assert.equal(timerStatus({ status: 'idle', durationMs: 1000, remainingMs: 1000 }, 0), 'idle');
  assert.equal(timerRemaining(null, 0), null);
  assert.equal(timerStatus(undefined, 0), 'none');
  assert.equal(timerVisible('running'), true);
  assert.equal(timerVisible('paused'), true);
  assert.equal(timerVisible('ended'), true);
  assert.equal(timerVisible('idle'), false);
  assert.equal(timerVisible('none'), false);
});

test('mm:ss rounds up to whole seconds; hours when needed', () => {
  assert.equal(formatRemaining(0), '00:00');
  assert.equal(formatRemaining(1), '00:01');
  assert.equal(formatRemaining(59999), '01:00');
  assert.equal(formatRemaining(60000), '01:00');
  assert.equal(formatRemaining(61001), '01:02');
  assert.equal(formatRemaining(10 * 60000), '10:00');
  assert.equal(formatRemaining(3600000 + 5000), '1:00:05');
  assert.equal(formatRemaining(-5), '00:00');
});

test('adding time moves endsAt (running) or remainingMs (paused, idle), never below 0', () => {
  const now = 50000;
  assert.deepEqual(addToTimer({ status: 'running', durationMs: 60000, endsAt: 80000 }, 60000, now), { status: 'running', durationMs: 120000, endsAt: 140000 });
  assert.deepEqual(addToTimer({ status: 'paused', durationMs: 60000, remainingMs: 10000 }, 60000, now), { status: 'paused', durationMs: 120000, remainingMs: 70000 });
  assert.deepEqual(addToTimer({ status: 'running', durationMs: 60000, endsAt: 80000 }, -60000, now), { status: 'running', durationMs: 0, endsAt: now });
  assert.deepEqual(addToTimer({ status: 'idle', durationMs: 60000, remainingMs: 60000 }, -90000, now), { status: 'idle', durationMs: 0, remainingMs: 0 });
});

test('the clock offset comes from serverTime (middle of the round trip) and corrects with event stamps', () => {
  let local = 1000;
  const clock = createServerClock(() => local);
  assert.equal(clock.known, false);
  // Sent at 1000, answered at 1200; the server said 51100: offset in [49900, 50100].
  clock.fromSync(51100, 1000, 1200);
  assert.equal(clock.offset, 50000);
  local = 2000;
  assert.equal(clock.now(), 52000);
  // An event stored at 52030 that arrives at local 2050 only proves offset >= 49980: no change.
  clock.fromEvent(52030, 2050);
  assert.equal(clock.offset, 50000);
  // ...but a stamp later than our estimate proves it too low.
  clock.fromEvent(52100, 2050);
  assert.equal(clock.offset, 50050);
});

test('two browsers with different local clocks show the same time left', () => {
  const timer = { status: 'running', durationMs: 300000, endsAt: 1_000_300_000 };
  const serverNow = 1_000_060_000;
  const fast = createServerClock(() => serverNow + 7_000_000);
  fast.fromSync(serverNow, serverNow + 7_000_000, serverNow + 7_000_000);
  const slow = createServerClock(() => serverNow - 3_000);
  slow.fromSync(serverNow, serverNow - 3_000, serverNow - 3_000);
  assert.equal(formatRemaining(timerRemaining(timer, fast.now())), '04:00');
  assert.equal(formatRemaining(timerRemaining(timer, slow.now())), '04:00');
});

test('an event before any sync sets the offset', () => {
  const clock = createServerClock(() => 10);
  clock.fromEvent(5010, 10);
  assert.equal(clock.offset, 5000);
  assert.equal(clock.known, true);
  clock.fromSync(Number.NaN, 0, 0);
  assert.equal(clock.offset, 5000);
});

test('the end signal fires once when a watched run reaches 0, not for a run already over', () => {
  const watcher = createEndWatcher();
  const timer = { status: 'running', endsAt: 5000 };
  assert.equal(watcher.observe(timer, 2000), false);
  assert.equal(watcher.observe(timer, 1000), false);
  assert.equal(watcher.observe(timer, 0), true);
  assert.equal(watcher.observe(timer, 0), false);
  const late = createEndWatcher();
  assert.equal(late.observe(timer, 0), false);
  assert.equal(late.observe(timer, 0), false);
  // A new run (new endsAt) is watched afresh; pausing stops watching.
  const next = { status: 'running', endsAt: 9000 };
  assert.equal(watcher.observe(next, 3000), false);
  assert.equal(watcher.observe({ status: 'paused', remainingMs: 3000 }, 3000), false);
  assert.equal(watcher.observe(next, 0), false, 'resumed run seen first at 0 does not signal');
});
