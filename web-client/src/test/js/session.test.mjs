import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBoardSession } from '../../main/resources/webroot/js/board/session.js';
import { fakeSockets, sleep } from './fake-sockets.mjs';
import { memoryStorage } from './fake-storage.mjs';
import { PROTOCOL_VERSION } from '../../main/resources/webroot/js/protocol.js';

const note = (id, extra = {}) => ({ id, x: 0, y: 0, w: 200, h: 150, color: 'yellow', text: '', author: 'p1', createdAt: 1, updatedAt: 1, ...extra });

const fullReply = (boardSeq, roomSeq, notes = []) => ({
  ok: true,
  board: { mode: 'full', seq: boardSeq, state: { board: { id: 'b1', title: 'Workshop', createdAt: 1 }, participants: [{ id: 'p1', name: 'Anna', role: 'facilitator', color: '#225588' }], online: ['p1'] } },
  room: { mode: 'full', seq: roomSeq, state: { notes, sections: [] } },
});

async function started({ storage = memoryStorage(), now } = {}) {
  const { sockets, FakeWebSocket } = fakeSockets();
  const errors = [];
  const reloads = [];
  const session = createBoardSession({
    boardId: 'b1',
    token: 'tok',
    self: { id: 'p1' },
    location: { protocol: 'http:', host: 'localhost:8080' },
    bridgeOptions: { WebSocketImpl: FakeWebSocket, random: () => 0 },
    ticketFor: async () => 'tik',
    storage,
    reload: () => reloads.push('reload'),
    ...(now ? { now } : {}),
  });
  session.on('error', (code) => errors.push(code));
  session.start();
  await sleep(0); // the socket ticket is fetched first
  const socket = sockets[0];
  socket.open();
  await sleep(0);
  return { session, sockets, socket, errors, reloads, storage };
}

test('on connect: registers the three addresses, then syncs without seqs', async () => {
  const { session, socket } = await started();
  try {
    assert.match(socket.url, /^ws:\/\/localhost:8080\/eventbus\/\d{3}\/\w{8}\/websocket\?ticket=tik$/);
    assert.deepEqual(socket.sent.filter((f) => f.type === 'register').map((f) => f.address), ['board.b1', 'board.b1.room.main', 'board.b1.to.p1']);
    const sync = socket.lastSend();
    assert.equal(sync.address, 'werkraum.commands');
    assert.equal(sync.body.type, 'sync');
    assert.equal(sync.body.room, 'main');
    assert.equal(sync.body.protocol, PROTOCOL_VERSION, 'the sync says which protocol this page speaks');
    assert.equal('boardSeq' in sync.body, false);
    assert.equal(session.connection, 'connecting');
    socket.reply(sync, fullReply(3, 10, [note('n1')]));
    await sleep(0);
    assert.equal(session.connection, 'open');
    assert.equal(session.view.board.title, 'Workshop');
    assert.ok(session.view.notes.has('n1'));
  } finally {
    session.stop();
  }
});

test('snapshots come with the full board state and from snapshot.taken events', async () => {
  const { session, socket } = await started();
  try {
    const reply = fullReply(3, 10);
    reply.board.state.snapshots = [{ id: 's-1', name: 'Nach der Sammlung', takenAt: 100, by: 'p1' }];
    socket.reply(socket.lastSend(), reply);
    await sleep(0);
    assert.deepEqual([...session.view.snapshots.keys()], ['s-1']);
    const snapshot = { id: 's-2', occasion: 'round.closed', subject: 'Prioritäten', takenAt: 200, by: 'werkraum' };
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'snapshot.taken', snapshot, seq: 4, at: 200 } });
    assert.deepEqual(session.view.snapshots.get('s-2'), snapshot);
    assert.equal(session.view.snapshots.size, 2);
  } finally {
    session.stop();
  }
});

test('in-order events apply; a gap triggers a sync with our seqs after a short wait', async () => {
  const { session, socket } = await started();
  try {
    socket.reply(socket.lastSend(), fullReply(3, 10));
    await sleep(0);
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { type: 'note.created', room: 'main', note: note('n2'), seq: 11, at: 5 } });
    assert.ok(session.view.notes.has('n2'));
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { type: 'note.deleted', room: 'main', id: 'n2', seq: 13, at: 6 } });
    assert.ok(session.view.notes.has('n2'), 'seq 13 waits for 12');
    const sendsBefore = socket.sends().length;
    await sleep(320);
    const sync = socket.lastSend();
    assert.equal(socket.sends().length, sendsBefore + 1);
    assert.deepEqual({ type: sync.body.type, boardSeq: sync.body.boardSeq, roomSeq: sync.body.roomSeq }, { type: 'sync', boardSeq: 3, roomSeq: 11 });
    socket.reply(sync, {
      ok: true,
      board: { mode: 'delta', events: [] },
      room: { mode: 'delta', events: [{ type: 'note.updated', room: 'main', id: 'n2', patch: { text: 'x' }, seq: 12 }, { type: 'note.deleted', room: 'main', id: 'n2', seq: 13 }] },
    });
    await sleep(0);
    assert.equal(session.view.notes.has('n2'), false);
  } finally {
    session.stop();
  }
});

test('own commands show at once and stay until their event arrives', async () => {
  const { session, socket } = await started();
  try {
    socket.reply(socket.lastSend(), fullReply(3, 10));
    await sleep(0);
    const command = session.dispatch({ type: 'note.create', room: 'main', note: { id: 'mine', x: 5, y: 5, w: 200, h: 150, color: 'blue', text: '' } });
    assert.match(command.commandId, /^[A-Za-z0-9_-]{16,64}$/);
    assert.equal(session.view.notes.get('mine').author, 'p1');
    const sent = socket.lastSend();
    assert.deepEqual(sent.body, command);
    socket.reply(sent, { ok: true, seq: 11 });
    await sleep(0);
    assert.ok(session.view.notes.has('mine'), 'still shown while the event is on its way');
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { type: 'note.created', room: 'main', note: { ...command.note, author: 'p1' }, seq: 11, at: 1 } });
    assert.ok(session.view.notes.has('mine'));
  } finally {
    session.stop();
  }
});

test('a refused command is rolled back, reported, and the room resynced', async () => {
  const { session, socket, errors } = await started();
  try {
    socket.reply(socket.lastSend(), fullReply(3, 10, [note('n1', { text: 'before' })]));
    await sleep(0);
    session.dispatch({ type: 'note.update', room: 'main', id: 'n1', patch: { text: 'after' } });
    assert.equal(session.view.notes.get('n1').text, 'after');
    socket.reply(socket.lastSend(), { ok: false, code: 'board_locked', message: 'locked' });
    await sleep(0);
    assert.equal(session.view.notes.get('n1').text, 'before');
    assert.deepEqual(errors, ['board_locked']);
    assert.equal(socket.lastSend().body.type, 'sync');
  } finally {
    session.stop();
  }
});

test('after a reconnect: resync with known seqs first, then the unanswered command again', async () => {
  const { session, sockets, socket } = await started();
  try {
    socket.reply(socket.lastSend(), fullReply(3, 10));
    await sleep(0);
    const command = session.dispatch({ type: 'note.delete', room: 'main', id: 'gone' });
    socket.close();
    assert.equal(session.connection, 'reconnecting');
    await sleep(300);
    const second = sockets[1];
    second.open();
    await sleep(0);
    const sync = second.lastSend();
    assert.equal(sync.body.type, 'sync');
    assert.equal(sync.body.boardSeq, 3);
    assert.equal(sync.body.roomSeq, 10);
    assert.equal(second.sends().length, 1, 'the command waits for the sync');
    second.reply(sync, { ok: true, board: { mode: 'delta', events: [] }, room: { mode: 'delta', events: [] } });
    await sleep(0);
    assert.deepEqual(second.lastSend().body, command);
    assert.equal(session.connection, 'open');
  } finally {
    session.stop();
  }
});

test('presence in and out', async () => {
  const { session, socket } = await started();
  try {
    socket.reply(socket.lastSend(), fullReply(3, 10, [note('n1')]));
    await sleep(0);
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { type: 'presence', items: [{ p: 'p2', kind: 'cursor', x: 3, y: 4 }, { p: 'p2', kind: 'drag', id: 'n1', x: 50, y: 60 }] } });
    assert.deepEqual(session.presence.cursors.get('p2').x, 3);
    assert.equal(session.presence.drags.get('n1').x, 50);
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { type: 'note.updated', room: 'main', id: 'n1', patch: { x: 50, y: 60 }, by: 'p2', updatedAt: 2, seq: 11 } });
    assert.equal(session.presence.drags.has('n1'), false);

    session.sendCursor(10.4, 20.6);
    session.sendDrag('n1', 1, 2);
    session.sendDragEnd('n1');
    const presence = socket.sends().filter((f) => f.address === 'werkraum.presence').map((f) => f.body);
    assert.deepEqual(presence, [
      { kind: 'cursor', room: 'main', x: 10, y: 21 },
      { kind: 'drag', room: 'main', id: 'n1', x: 1, y: 2 },
      { kind: 'drag.end', room: 'main', id: 'n1' },
    ]);
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'online', participants: [] } });
    assert.equal(session.view.online.size, 0);
  } finally {
    session.stop();
  }
});

test('voting: votes.mine on my address, the sync reply voting and serverTime, vote replies', async () => {
  const { session, socket } = await started();
  try {
    const sync = socket.lastSend();
    socket.reply(sync, { ...fullReply(3, 10), serverTime: Date.now() + 60000, voting: { round: 'r1', mine: { n1: 1 }, remaining: 4 } });
    await sleep(0);
    assert.ok(Math.abs(session.clock.offset - 60000) < 1000, 'offset from serverTime');
    assert.deepEqual(session.voting.mine, { round: 'r1', mine: { n1: 1 }, remaining: 4 });
    socket.push({ type: 'rec', address: 'board.b1.to.p1', body: { type: 'votes.mine', round: 'r1', mine: { n1: 2 }, remaining: 3 } });
    assert.equal(session.voting.mine.remaining, 3);
    const reply = session.request({ type: 'vote.cast', round: 'r1', note: 'n2' });
    await sleep(0);
    const cast = socket.lastSend();
    assert.equal(cast.body.type, 'vote.cast');
    socket.reply(cast, { ok: true, round: 'r1', mine: { n1: 2, n2: 1 }, remaining: 2 });
    assert.equal((await reply).remaining, 2);
    assert.deepEqual(session.voting.mine.mine, { n1: 2, n2: 1 });
  } finally {
    session.stop();
  }
});

test('a round.closed without its round makes the board stream be read in full', async () => {
  const { session, socket } = await started();
  try {
    socket.reply(socket.lastSend(), fullReply(3, 10));
    await sleep(0);
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'round.closed', round: null, seq: 4, at: 1 } });
    await sleep(5);
    const resync = socket.lastSend();
    assert.equal(resync.body.type, 'sync');
    assert.equal('boardSeq' in resync.body, false, 'board in full');
    assert.equal(resync.body.roomSeq, 10);
  } finally {
    session.stop();
  }
});

/** Plays a socket drop and a reconnect up to the new socket's sync (not answered yet). */
async function reconnect(sockets) {
  sockets.at(-1).close();
  await sleep(300);
  const next = sockets.at(-1);
  next.open();
  await sleep(0);
  return next;
}

const sendsOf = (socket, type) => socket.sends().filter((f) => f.body?.type === type);

test('rate_limited is no refusal: the change stays shown, nothing is reported, it goes again after the wait', async () => {
  const { session, socket, errors } = await started();
  try {
    socket.reply(socket.lastSend(), fullReply(3, 10, [note('n1', { text: 'before' })]));
    await sleep(0);
    const command = session.dispatch({ type: 'note.update', room: 'main', id: 'n1', patch: { text: 'after' } });
    socket.reply(socket.lastSend(), { ok: false, code: 'rate_limited', message: 'slow down', retryAfterMs: 30 });
    await sleep(5);
    assert.equal(session.view.notes.get('n1').text, 'after', 'not rolled back');
    assert.deepEqual(errors, []);
    assert.equal(sendsOf(socket, 'sync').length, 1, 'no resync either');
    await sleep(40);
    const again = sendsOf(socket, 'note.update');
    assert.equal(again.length, 2);
    assert.deepEqual(again[1].body, command, 'the same body, the same commandId');
    socket.reply(again[1], { ok: true, seq: 11 });
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { type: 'note.updated', room: 'main', id: 'n1', patch: { text: 'after' }, by: 'p1', updatedAt: 2, seq: 11 } });
    await sleep(0);
    assert.equal(session.view.notes.get('n1').text, 'after');
    assert.deepEqual(errors, []);
  } finally {
    session.stop();
  }
});

test('a rate_limited sync is asked again after the wait, on the same socket', async () => {
  const { session, sockets, socket } = await started();
  try {
    socket.reply(socket.lastSend(), { ok: false, code: 'rate_limited', retryAfterMs: 20 });
    await sleep(40);
    assert.equal(sendsOf(socket, 'sync').length, 2);
    assert.equal(sockets.length, 1, 'no reconnect');
    socket.reply(socket.lastSync(), fullReply(3, 10));
    await sleep(0);
    assert.equal(session.connection, 'open');
  } finally {
    session.stop();
  }
});

test('client_outdated: unsent commands are kept for this board and the page reloads once', async () => {
  const { session, sockets, socket, errors, reloads, storage } = await started({ now: () => 1_000_000 });
  try {
    socket.reply(socket.lastSend(), fullReply(3, 10, [note('n1')]));
    await sleep(0);
    // In flight when the connection drops, then more while offline.
    const created = session.dispatch({ type: 'note.create', room: 'main', note: { id: 'mine', x: 5, y: 5, w: 200, h: 150, color: 'blue', text: 'offline idea' } });
    const second = reconnect(sockets);
    const vote = session.request({ type: 'vote.cast', round: 'r1', note: 'n1' });
    const moved = session.dispatch({ type: 'note.update', room: 'main', id: 'n1', patch: { x: 300 } });
    const next = await second;
    const sync = next.lastSync();
    assert.equal(sync.body.protocol, PROTOCOL_VERSION);
    next.reply(sync, { ok: false, code: 'client_outdated', message: 'server speaks 3' });
    await sleep(0);
    const kept = JSON.parse(storage.getItem('werkraum.unsent.b1'));
    assert.deepEqual(kept.map((c) => c.type), ['note.create', 'vote.cast', 'note.update'], 'in flight and queued, in order');
    assert.deepEqual(kept[0], created, 'bodies as sent, with their commandIds');
    assert.deepEqual({ ...kept[1], commandId: 'x' }, { type: 'vote.cast', commandId: 'x', round: 'r1', note: 'n1' });
    assert.match(kept[1].commandId, /^[A-Za-z0-9_-]{16,64}$/);
    assert.deepEqual(kept[2], moved);
    assert.deepEqual(await vote, { ok: false, code: 'network' }, 'the request ends quietly on this page');
    assert.deepEqual(reloads, ['reload']);
    assert.deepEqual(errors, []);
    assert.equal(session.connection, 'closed', 'this page stops talking to the newer server');
    assert.ok(session.view.notes.has('mine'), 'what was done stays shown until the reload');
    assert.equal(session.view.notes.get('n1').x, 300);
    await sleep(400);
    assert.equal(sockets.length, 2, 'no reconnect');
  } finally {
    session.stop();
  }
});

test('after the reload the new page sends the kept commands again, as they were', async () => {
  const storage = memoryStorage();
  const kept = [
    { type: 'note.create', commandId: 'keptCreate0000000001', room: 'main', note: { id: 'mine', x: 5, y: 5, w: 200, h: 150, color: 'blue', text: 'offline idea' } },
    { type: 'vote.cast', commandId: 'keptVote000000000001', round: 'r1', note: 'n1' },
  ];
  storage.setItem('werkraum.unsent.b1', JSON.stringify(kept));
  storage.setItem('werkraum.unsent.other', JSON.stringify([{ ...kept[0], commandId: 'otherBoard0000000001' }]));
  const { session, socket } = await started({ storage });
  try {
    assert.equal(storage.getItem('werkraum.unsent.b1'), null, 'taken over');
    assert.notEqual(storage.getItem('werkraum.unsent.other'), null, 'another board keeps its own');
    assert.deepEqual(socket.sends().map((f) => f.body.type), ['sync'], 'they wait for the sync');
    socket.reply(socket.lastSync(), fullReply(3, 10, [note('n1')]));
    await sleep(0);
    assert.deepEqual(socket.sends().slice(1).map((f) => f.body), kept, 'same bodies, same commandIds, in order');
    assert.equal(session.view.notes.get('mine').text, 'offline idea', 'the restored note shows at once');
    socket.reply(socket.sends()[2], { ok: true, round: 'r1', mine: { n1: 1 }, remaining: 4 });
    await sleep(0);
    assert.equal(session.voting.mine.remaining, 4);
  } finally {
    session.stop();
  }
});

test('client_outdated again within a minute of that reload: no reload, an error for the banner', async () => {
  const storage = memoryStorage({ 'werkraum.reloadedForUpdate': String(1_000_000 - 20_000) });
  const { session, socket, errors, reloads } = await started({ storage, now: () => 1_000_000 });
  try {
    const queued = session.dispatch({ type: 'note.delete', room: 'main', id: 'n9' });
    socket.reply(socket.lastSync(), { ok: false, code: 'client_outdated' });
    await sleep(0);
    assert.deepEqual(reloads, []);
    assert.deepEqual(errors, ['client_outdated']);
    assert.deepEqual(JSON.parse(storage.getItem('werkraum.unsent.b1')), [queued], 'kept for a reload by hand');
    assert.equal(session.connection, 'closed');
  } finally {
    session.stop();
  }
});

test('stored board events are told to listeners (links.renewed for the control view)', async () => {
  const { session, socket } = await started();
  try {
    const events = [];
    session.on('event', (event) => events.push(event.type));
    socket.reply(socket.lastSend(), fullReply(3, 10));
    await sleep(0);
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'links.renewed', kind: 'participant', by: 'p2', seq: 4, at: 1 } });
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'online', participants: ['p1'] } });
    assert.deepEqual(events, ['links.renewed']);
  } finally {
    session.stop();
  }
});
