import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBridge } from '../../main/resources/webroot/js/net/bridge.js';

/** Manual clock: timers only fire when the test advances time. */
function fakeTimers() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  const add = (fn, ms, repeat) => { const id = nextId++; timers.set(id, { at: now + ms, fn, ms, repeat }); return id; };
  return {
    now: () => now,
    setTimeout: (fn, ms) => add(fn, ms, false),
    clearTimeout: (id) => timers.delete(id),
    setInterval: (fn, ms) => add(fn, ms, true),
    clearInterval: (id) => timers.delete(id),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        const [id, timer] = due;
        now = timer.at;
        if (timer.repeat) timer.at += timer.ms; else timers.delete(id);
        timer.fn();
      }
      now = end;
    },
  };
}

/** A WebSocket stand-in that records frames and lets the test play the server. */
function fakeSockets() {
  const sockets = [];
  class FakeWebSocket {
    constructor(url) {
      this.url = url;
      this.sent = [];
      this.closed = false;
      sockets.push(this);
    }
    send(data) { for (const s of JSON.parse(data)) this.sent.push(JSON.parse(s)); }
    close() {
      if (this.closed) return;
      this.closed = true;
      this.onclose?.({});
    }
    serverOpen() { this.onmessage({ data: 'o' }); }
    serverSend(...frames) { this.onmessage({ data: `a${JSON.stringify(frames.map((f) => JSON.stringify(f)))}` }); }
    framesOfType(type) { return this.sent.filter((f) => f.type === type); }
  }
  return { sockets, FakeWebSocket };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup({ onConnected } = {}) {
  const timers = fakeTimers();
  const { sockets, FakeWebSocket } = fakeSockets();
  const states = [];
  const bridge = createBridge({
    url: () => 'ws://test/eventbus/123/abcdefgh/websocket?token=t',
    WebSocketImpl: FakeWebSocket,
    timers,
    random: () => 1,
    onConnected: onConnected ?? (async () => {}),
  });
  bridge.onState((s) => states.push(s));
  return { timers, sockets, bridge, states };
}

test('registers handlers on open, runs onConnected, then reports open', async () => {
  let connectedCalls = 0;
  const { sockets, bridge, states } = setup({ onConnected: async () => { connectedCalls += 1; } });
  const received = [];
  bridge.register('board.b', (body) => received.push(body));
  bridge.start();
  assert.equal(bridge.state, 'connecting');
  sockets[0].serverOpen();
  await flush();
  assert.deepEqual(sockets[0].framesOfType('register').map((f) => f.address), ['board.b']);
  assert.equal(connectedCalls, 1);
  assert.equal(bridge.state, 'open');
  sockets[0].serverSend({ type: 'rec', address: 'board.b', body: { type: 'online', participants: [] }, headers: {} });
  assert.deepEqual(received, [{ type: 'online', participants: [] }]);
  assert.deepEqual(states, ['connecting', 'open']);
});

test('sends pings every five seconds', async () => {
  const { sockets, bridge, timers } = setup();
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  const before = sockets[0].framesOfType('ping').length;
  timers.advance(5000);
  assert.equal(sockets[0].framesOfType('ping').length, before + 1);
});

test('request resolves with the reply body and rejects on err frames', async () => {
  const { sockets, bridge } = setup();
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  const reply = bridge.request('werkraum.commands', { type: 'sync' });
  const sent = sockets[0].framesOfType('send').at(-1);
  sockets[0].serverSend({ type: 'rec', address: sent.replyAddress, body: { ok: true } });
  assert.deepEqual(await reply, { ok: true });

  const failing = bridge.request('werkraum.commands', { type: 'sync' });
  const sent2 = sockets[0].framesOfType('send').at(-1);
  sockets[0].serverSend({ type: 'err', address: sent2.replyAddress, failureCode: -1, failureType: 'TIMEOUT', message: 'timed out' });
  await assert.rejects(failing, (error) => error.code === 'TIMEOUT');
});

test('commands wait for the sync, survive a drop, and are resent with the same body', async () => {
  let releaseSync;
  const { sockets, bridge, timers, states } = setup({
    onConnected: () => new Promise((resolve) => { releaseSync = resolve; }),
  });
  const received = [];
  bridge.register('board.b.room.main', (body) => received.push(body));
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  releaseSync();
  await flush();

  const command = { type: 'note.update', commandId: 'cmd-1', room: 'main', id: 'n1', patch: { x: 1 } };
  const outcome = bridge.command('werkraum.commands', command);
  assert.equal(sockets[0].framesOfType('send').length, 1);

  // The socket dies before the reply.
  sockets[0].close();
  assert.equal(bridge.state, 'reconnecting');
  timers.advance(500);
  assert.equal(sockets.length, 2);
  sockets[1].serverOpen();
  await flush();
  // Handlers are registered again, but the command waits for onConnected (the sync).
  assert.deepEqual(sockets[1].framesOfType('register').map((f) => f.address), ['board.b.room.main']);
  assert.equal(sockets[1].framesOfType('send').length, 0);
  releaseSync();
  await flush();
  const resent = sockets[1].framesOfType('send');
  assert.equal(resent.length, 1);
  assert.deepEqual(resent[0].body, command);
  sockets[1].serverSend({ type: 'rec', address: resent[0].replyAddress, body: { ok: true, seq: 7 } });
  assert.deepEqual(await outcome, { ok: true, seq: 7 });
  assert.equal(bridge.pendingCommandCount, 0);

  sockets[1].serverSend({ type: 'rec', address: 'board.b.room.main', body: { type: 'note.deleted', seq: 8 } });
  assert.equal(received.length, 1);
  assert.deepEqual(states, ['connecting', 'open', 'reconnecting', 'open']);
});

test('commands issued while offline go out after the connection is ready', async () => {
  const { sockets, bridge } = setup();
  const outcome = bridge.command('werkraum.commands', { type: 'note.delete', commandId: 'c2', room: 'main', id: 'n' });
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  const [sent] = sockets[0].framesOfType('send');
  assert.equal(sent.body.commandId, 'c2');
  sockets[0].serverSend({ type: 'rec', address: sent.replyAddress, body: { ok: false, code: 'not_found', message: 'x' } });
  assert.deepEqual(await outcome, { ok: false, code: 'not_found', message: 'x' });
});

test('reconnect delays grow and a failed sync starts over on a new socket', async () => {
  let failSync = true;
  const { sockets, bridge, timers } = setup({ onConnected: async () => { if (failSync) throw new Error('sync failed'); } });
  bridge.start();
  sockets[0].close();            // never opened
  timers.advance(499);
  assert.equal(sockets.length, 1);
  timers.advance(1);
  assert.equal(sockets.length, 2);
  sockets[1].close();
  timers.advance(999);
  assert.equal(sockets.length, 2);
  timers.advance(1);
  assert.equal(sockets.length, 3);
  sockets[2].serverOpen();
  await flush();
  await flush();
  assert.equal(sockets[2].closed, true);
  failSync = false;
  timers.advance(2000);
  sockets[3].serverOpen();
  await flush();
  assert.equal(bridge.state, 'open');
});

test('the server closing the session and close() behave', async () => {
  const { sockets, bridge, timers } = setup();
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  sockets[0].onmessage({ data: 'c[3000,"Go away!"]' });
  assert.equal(sockets[0].closed, true);
  assert.equal(bridge.state, 'reconnecting');
  bridge.close();
  assert.equal(bridge.state, 'closed');
  timers.advance(20000);
  assert.equal(sockets.length, 1);
});

test('presence sends are dropped while not connected', async () => {
  const { sockets, bridge } = setup();
  assert.equal(bridge.send('werkraum.presence', { kind: 'cursor' }), false);
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  assert.equal(bridge.send('werkraum.presence', { kind: 'cursor', room: 'main', x: 1, y: 2 }), true);
  const [frame] = sockets[0].framesOfType('send');
  assert.equal(frame.replyAddress, undefined);
});

test('an asynchronous URL (a fresh socket ticket) is awaited, and a failed fetch counts as a failed attempt', async () => {
  const timers = fakeTimers();
  const { sockets, FakeWebSocket } = fakeSockets();
  const failures = [];
  let tickets = 0;
  const bridge = createBridge({
    url: async () => {
      tickets += 1;
      if (tickets === 1) throw new Error('network');
      return `ws://test/eventbus/123/abcdefgh/websocket?ticket=t${tickets}`;
    },
    WebSocketImpl: FakeWebSocket,
    timers,
    random: () => 1,
    onConnectFailure: (n) => failures.push(n),
  });
  bridge.start();
  await flush();
  assert.equal(sockets.length, 0, 'no socket without a ticket');
  assert.deepEqual(failures, [1]);
  timers.advance(1000);
  await flush();
  assert.equal(sockets.length, 1);
  assert.equal(sockets[0].url, 'ws://test/eventbus/123/abcdefgh/websocket?ticket=t2');
  sockets[0].serverOpen();
  await flush();
  assert.equal(bridge.state, 'open');
});

/** The commands a socket sent, in order, and a way to answer one like the server. */
function commandFrames(socket) {
  return socket.framesOfType('send').filter((f) => f.replyAddress && f.body?.commandId);
}

test('100 commands queued offline go out in order, never more than 16 waiting for a reply', async () => {
  const { sockets, bridge } = setup();
  const outcomes = [];
  for (let i = 0; i < 100; i += 1) {
    outcomes.push(bridge.command('werkraum.commands', { type: 'note.update', commandId: `c${i}`, room: 'main', id: 'n', patch: { x: i } }));
  }
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  const socket = sockets[0];
  assert.equal(commandFrames(socket).length, 16, 'the first 16 at once');
  assert.equal(bridge.inFlightCount, 16);
  let answered = 0;
  let most = 0;
  while (answered < commandFrames(socket).length) {
    const frame = commandFrames(socket)[answered];
    socket.serverSend({ type: 'rec', address: frame.replyAddress, body: { ok: true, seq: answered + 1 } });
    answered += 1;
    most = Math.max(most, commandFrames(socket).length - answered);
  }
  assert.ok(most <= 16, `at most 16 in flight, saw ${most}`);
  assert.deepEqual(commandFrames(socket).map((f) => f.body.commandId), Array.from({ length: 100 }, (_, i) => `c${i}`));
  const replies = await Promise.all(outcomes);
  assert.deepEqual(replies.map((r) => r.seq), Array.from({ length: 100 }, (_, i) => i + 1));
  assert.equal(bridge.pendingCommandCount, 0);
});

test('a free slot is filled at once, also by a command issued while 16 wait', async () => {
  const { sockets, bridge } = setup();
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  for (let i = 0; i < 17; i += 1) bridge.command('werkraum.commands', { type: 'note.delete', commandId: `d${i}`, room: 'main', id: `n${i}` });
  assert.equal(commandFrames(sockets[0]).length, 16, 'the 17th waits');
  const first = commandFrames(sockets[0])[0];
  sockets[0].serverSend({ type: 'rec', address: first.replyAddress, body: { ok: false, code: 'not_found' } });
  assert.equal(commandFrames(sockets[0]).length, 17);
  assert.equal(commandFrames(sockets[0]).at(-1).body.commandId, 'd16');
});

test('rate_limited is no refusal: the command keeps its place and goes again after retryAfterMs', async () => {
  const { sockets, bridge, timers } = setup();
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  const settled = [];
  const outcomes = [];
  for (let i = 0; i < 20; i += 1) {
    const outcome = bridge.command('werkraum.commands', { type: 'note.update', commandId: `c${i}`, room: 'main', id: 'n', patch: { x: i } });
    outcome.then((reply) => settled.push([i, reply]), (error) => settled.push([i, error]));
    outcomes.push(outcome);
  }
  const socket = sockets[0];
  const sent = commandFrames(socket);
  assert.deepEqual(sent.map((f) => f.body.commandId), Array.from({ length: 16 }, (_, i) => `c${i}`));
  // The server refuses c2..c15 for now, then takes c0 and c1.
  for (const frame of sent.slice(2)) {
    socket.serverSend({ type: 'rec', address: frame.replyAddress, body: { ok: false, code: 'rate_limited', message: 'slow down', retryAfterMs: 400 } });
  }
  socket.serverSend({ type: 'rec', address: sent[0].replyAddress, body: { ok: true, seq: 1 } });
  socket.serverSend({ type: 'rec', address: sent[1].replyAddress, body: { ok: true, seq: 2 } });
  await flush();
  assert.deepEqual(settled.map(([i]) => i), [0, 1], 'nothing else settled: no rejection, no error reply');
  // Replies to c0 and c1 freed two slots, but the queue holds while the server asks us to wait.
  assert.equal(commandFrames(socket).length, 16);
  assert.equal(bridge.inFlightCount, 0);
  assert.equal(bridge.pendingCommandCount, 18);
  timers.advance(399);
  assert.equal(commandFrames(socket).length, 16, 'still waiting');
  timers.advance(1);
  const resent = commandFrames(socket).slice(16);
  assert.deepEqual(resent.map((f) => f.body.commandId), Array.from({ length: 16 }, (_, i) => `c${i + 2}`), 'the refused ones again in their order, then the next');
  assert.deepEqual(resent[0].body, { type: 'note.update', commandId: 'c2', room: 'main', id: 'n', patch: { x: 2 } }, 'the same body');
  for (const frame of resent) socket.serverSend({ type: 'rec', address: frame.replyAddress, body: { ok: true } });
  const rest = commandFrames(socket).slice(32);
  assert.deepEqual(rest.map((f) => f.body.commandId), ['c18', 'c19']);
  for (const frame of rest) socket.serverSend({ type: 'rec', address: frame.replyAddress, body: { ok: true } });
  const replies = await Promise.all(outcomes);
  assert.ok(replies.every((r) => r.ok === true));
  assert.deepEqual(settled.map(([i]) => i), Array.from({ length: 20 }, (_, i) => i));
});

test('rate_limited without retryAfterMs waits 250 ms, and a waiting command survives a reconnect', async () => {
  const { sockets, bridge, timers } = setup();
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  const outcome = bridge.command('werkraum.commands', { type: 'note.delete', commandId: 'x1', room: 'main', id: 'n' });
  const [first] = commandFrames(sockets[0]);
  sockets[0].serverSend({ type: 'rec', address: first.replyAddress, body: { ok: false, code: 'rate_limited' } });
  timers.advance(249);
  assert.equal(commandFrames(sockets[0]).length, 1);
  timers.advance(1);
  assert.equal(commandFrames(sockets[0]).length, 2);
  // Refused again, and several times: answered refusals never count towards giving up.
  for (let i = 0; i < 5; i += 1) {
    const frame = commandFrames(sockets[0]).at(-1);
    sockets[0].serverSend({ type: 'rec', address: frame.replyAddress, body: { ok: false, code: 'rate_limited', retryAfterMs: 100 } });
    timers.advance(100);
  }
  sockets[0].close();
  timers.advance(500);
  sockets[1].serverOpen();
  await flush();
  const again = commandFrames(sockets[1]);
  assert.equal(again.length, 1);
  assert.equal(again[0].body.commandId, 'x1');
  sockets[1].serverSend({ type: 'rec', address: again[0].replyAddress, body: { ok: true, seq: 3 } });
  assert.deepEqual(await outcome, { ok: true, seq: 3 });
});

test('unsentCommands lists every command without a reply, oldest first', async () => {
  const { sockets, bridge } = setup();
  bridge.start();
  sockets[0].serverOpen();
  await flush();
  bridge.command('werkraum.commands', { type: 'note.delete', commandId: 'a', room: 'main', id: 'n1' });
  bridge.command('werkraum.commands', { type: 'note.delete', commandId: 'b', room: 'main', id: 'n2' });
  const [first] = commandFrames(sockets[0]);
  sockets[0].serverSend({ type: 'rec', address: first.replyAddress, body: { ok: true, seq: 1 } });
  assert.deepEqual(bridge.unsentCommands(), [{ address: 'werkraum.commands', body: { type: 'note.delete', commandId: 'b', room: 'main', id: 'n2' } }]);
});
