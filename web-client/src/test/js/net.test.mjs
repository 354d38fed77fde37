import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bridgeFrames, encodeSockJsFrames, parseSockJsMessage, sockJsUrl } from '../../main/resources/webroot/js/net/sockjs.js';
import { backoffDelay } from '../../main/resources/webroot/js/net/backoff.js';
import { createThrottle } from '../../main/resources/webroot/js/net/throttle.js';
import { isValidId, randomId } from '../../main/resources/webroot/js/ids.js';

test('SockJS server frames are decoded', () => {
  assert.deepEqual(parseSockJsMessage('o'), { kind: 'open' });
  assert.deepEqual(parseSockJsMessage('h'), { kind: 'heartbeat' });
  const rec = { type: 'rec', address: 'a', body: { x: 1 } };
  assert.deepEqual(parseSockJsMessage(`a${JSON.stringify([JSON.stringify(rec), JSON.stringify({ type: 'err', body: 'access_denied' })])}`).frames,
    [rec, { type: 'err', body: 'access_denied' }]);
  assert.deepEqual(parseSockJsMessage('c[3000,"Go away!"]'), { kind: 'close', code: 3000, reason: 'Go away!' });
  assert.deepEqual(parseSockJsMessage('a[not json').frames, []);
  assert.deepEqual(parseSockJsMessage('a["{broken", "{\\"type\\":\\"rec\\"}"]').frames, [{ type: 'rec' }]);
  assert.equal(parseSockJsMessage('').kind, 'unknown');
});

test('client frames are a JSON array of JSON strings', () => {
  const encoded = encodeSockJsFrames([bridgeFrames.send('werkraum.commands', { type: 'sync' }, 'r1')]);
  const [inner] = JSON.parse(encoded);
  assert.deepEqual(JSON.parse(inner), { type: 'send', address: 'werkraum.commands', body: { type: 'sync' }, headers: {}, replyAddress: 'r1' });
  assert.deepEqual(bridgeFrames.send('werkraum.presence', {}), { type: 'send', address: 'werkraum.presence', body: {}, headers: {} });
  assert.deepEqual(bridgeFrames.register('board.b'), { type: 'register', address: 'board.b', headers: {} });
  assert.deepEqual(bridgeFrames.ping(), { type: 'ping' });
});

test('the WebSocket URL follows the SockJS layout and encodes the token', () => {
  const url = sockJsUrl({ protocol: 'https:', host: 'werkraum.example:8443' }, '/eventbus', 'a b+c');
  assert.match(url, /^wss:\/\/werkraum\.example:8443\/eventbus\/\d{3}\/[A-Za-z0-9]{8}\/websocket\?ticket=a%20b%2Bc$/);
  assert.match(sockJsUrl({ protocol: 'http:', host: 'h' }, '/eventbus', 't'), /^ws:\/\//);
});

test('backoff doubles from 0.5 s to 10 s with jitter in the upper half', () => {
  assert.equal(backoffDelay(0, { random: () => 0 }), 250);
  assert.equal(backoffDelay(0, { random: () => 1 }), 500);
  assert.equal(backoffDelay(1, { random: () => 1 }), 1000);
  assert.equal(backoffDelay(10, { random: () => 1 }), 10000);
  assert.equal(backoffDelay(10, { random: () => 0 }), 5000);
});

test('ids use the allowed alphabet', () => {
  for (let i = 0; i < 50; i += 1) {
    const id = randomId();
    assert.equal(id.length, 20);
    assert.ok(isValidId(id));
  }
  assert.equal(isValidId(''), false);
  assert.equal(isValidId('a'.repeat(65)), false);
  assert.equal(isValidId('no spaces'), false);
});

function fakeClock() {
  let now = 0;
  const timers = [];
  return {
    now: () => now,
    setTimeout: (fn, ms) => { const timer = { at: now + ms, fn }; timers.push(timer); return timer; },
    clearTimeout: (timer) => { const i = timers.indexOf(timer); if (i >= 0) timers.splice(i, 1); },
    advance(ms) {
      now += ms;
      for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
        if (timer.at <= now) { timers.splice(timers.indexOf(timer), 1); timer.fn(); }
      }
    },
  };
}

test('throttle: first value at once, at most one per interval, last value always delivered', () => {
  const clock = fakeClock();
  const sent = [];
  const throttle = createThrottle(50, (v) => sent.push(v), clock);
  throttle.push(1);
  throttle.push(2);
  throttle.push(3);
  assert.deepEqual(sent, [1]);
  clock.advance(50);
  assert.deepEqual(sent, [1, 3]);
  clock.advance(10);
  throttle.push(4);
  assert.deepEqual(sent, [1, 3]);
  clock.advance(40);
  assert.deepEqual(sent, [1, 3, 4]);
  clock.advance(60);
  throttle.push(5);
  throttle.push(6);
  throttle.cancel();
  clock.advance(100);
  assert.deepEqual(sent, [1, 3, 4, 5]);
});
