import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBoardSession } from '../../main/resources/webroot/js/board/session.js';
import { fakeSockets, sleep } from './fake-sockets.mjs';

const note = (id, extra = {}) => ({ id, x: 0, y: 0, w: 200, h: 150, color: 'yellow', text: '', author: 'p2', createdAt: 1, updatedAt: 1, ...extra });
const ROOMS = [{ id: 'main', name: 'Plenary', kind: 'plenary', createdAt: 1 }, { id: 'r1', name: 'Room 1', kind: 'breakout', createdAt: 2 }];

function boardFull(seq, { breakout = null, myRoom = null, role = 'participant' } = {}) {
  return {
    mode: 'full', seq,
    state: {
      board: { id: 'b1', title: 'W' },
      participants: [{ id: 'p1', name: 'Anna', role, room: myRoom }, { id: 'p2', name: 'Ben', role: 'participant' }],
      online: ['p1'],
      settings: breakout ? { breakout } : {},
      rooms: ROOMS,
    },
  };
}
const roomFull = (seq, notes = []) => ({ mode: 'full', seq, state: { notes, sections: [] } });

async function started(self = { id: 'p1', role: 'participant' }, extra = {}) {
  const { sockets, FakeWebSocket } = fakeSockets();
  const rooms = [];
  const session = createBoardSession({
    boardId: 'b1', token: 'tok', self,
    location: { protocol: 'http:', host: 'localhost:8080' },
    bridgeOptions: { WebSocketImpl: FakeWebSocket, random: () => 0 },
    ticketFor: async () => 'tik',
    ...extra,
  });
  session.on('room', (change) => rooms.push(change));
  session.start();
  await sleep(0);
  const socket = sockets[0];
  socket.open();
  await sleep(0);
  return { session, socket, rooms };
}

test('rooms open: unregister the plenary, register my room, read it in full; commands go there', async () => {
  const { session, socket, rooms } = await started();
  try {
    socket.reply(socket.lastSync(), { ok: true, board: boardFull(3, { myRoom: 'r1' }), room: roomFull(10, [note('plenary-note')]) });
    await sleep(0);
    assert.equal(session.room, 'main');
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'settings.updated', patch: { breakout: 'open' }, seq: 4, at: 1 } });
    assert.equal(session.room, 'r1');
    assert.deepEqual(rooms, [{ room: 'r1', previous: 'main' }]);
    assert.deepEqual(socket.registrations().slice(-2), ['unregister board.b1.room.main', 'register board.b1.room.r1']);
    assert.equal(session.view.notes.size, 0, 'the plenary notes are gone');
    const sync = socket.lastSync();
    assert.equal(sync.body.room, 'r1');
    assert.equal('roomSeq' in sync.body, false, 'the new room in full');
    assert.equal(sync.body.boardSeq, 4);
    // A late event of the old room changes nothing.
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { type: 'note.created', room: 'main', note: note('late'), seq: 11 } });
    socket.reply(sync, { ok: true, board: { mode: 'delta', events: [] }, room: roomFull(2, [note('r1-note')]) });
    await sleep(0);
    assert.deepEqual([...session.view.notes.keys()], ['r1-note']);
    socket.push({ type: 'rec', address: 'board.b1.room.r1', body: { type: 'note.created', room: 'r1', note: note('next'), seq: 3 } });
    assert.ok(session.view.notes.has('next'), 'room seqs continue from the new room');
    session.dispatch({ type: 'note.delete', room: session.room, id: 'next' });
    assert.equal(socket.lastSend().body.room, 'r1');
    session.sendCursor(1, 2);
    assert.deepEqual(socket.sends().filter((f) => f.address === 'werkraum.presence').at(-1).body, { kind: 'cursor', room: 'r1', x: 1, y: 2 });
  } finally {
    session.stop();
  }
});

test('assigned or moved while rooms are open, then closed: back to the plenary', async () => {
  const { session, socket, rooms } = await started();
  try {
    socket.reply(socket.lastSync(), { ok: true, board: boardFull(3, { breakout: 'open' }), room: roomFull(10) });
    await sleep(0);
    assert.equal(session.room, 'main');
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'rooms.assigned', mode: 'random', assignments: { p1: 'r1' }, seq: 4, at: 1 } });
    assert.equal(session.room, 'r1');
    socket.reply(socket.lastSync(), { ok: true, board: { mode: 'delta', events: [] }, room: roomFull(0) });
    await sleep(0);
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'participant.updated', id: 'p1', patch: { room: null }, seq: 5, at: 1 } });
    assert.equal(session.room, 'main');
    socket.reply(socket.lastSync(), { ok: true, board: { mode: 'delta', events: [] }, room: roomFull(10) });
    await sleep(0);
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'participant.updated', id: 'p1', patch: { room: 'r1' }, seq: 6, at: 1 } });
    assert.equal(session.room, 'r1');
    socket.reply(socket.lastSync(), { ok: true, board: { mode: 'delta', events: [] }, room: roomFull(0) });
    await sleep(0);
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'settings.updated', patch: { breakout: 'closed' }, seq: 7, at: 1 } });
    assert.equal(session.room, 'main');
    assert.deepEqual(rooms.map((r) => r.room), ['r1', 'main', 'r1', 'main']);
  } finally {
    session.stop();
  }
});

test('a reload inside a breakout room: the sync for the plenary is refused, the named room is synced', async () => {
  const { session, socket } = await started();
  try {
    const first = socket.lastSync();
    assert.equal(first.body.room, 'main');
    socket.reply(first, { ok: false, code: 'not_allowed', message: "that room is not yours; you are in 'r1'", room: 'r1' });
    await sleep(0);
    const second = socket.lastSync();
    assert.equal(second.body.room, 'r1');
    assert.ok(socket.registrations().includes('register board.b1.room.r1'));
    socket.reply(second, { ok: true, board: boardFull(3, { breakout: 'open', myRoom: 'r1' }), room: roomFull(4, [note('n')]) });
    await sleep(0);
    assert.equal(session.room, 'r1');
    assert.equal(session.connection, 'open');
    assert.ok(session.view.notes.has('n'));
  } finally {
    session.stop();
  }
});

test('a sync answer that puts us in another room: the room part is dropped and the right room read', async () => {
  const { session, socket } = await started();
  try {
    const first = socket.lastSync();
    socket.reply(first, { ok: true, board: boardFull(3, { breakout: 'open', myRoom: 'r1' }), room: roomFull(10, [note('plenary')]) });
    await sleep(0);
    const second = socket.lastSync();
    assert.equal(second.body.room, 'r1');
    assert.equal(second.body.boardSeq, 3);
    assert.equal(session.view.notes.has('plenary'), false);
    socket.reply(second, { ok: true, board: { mode: 'delta', events: [] }, room: roomFull(1, [note('r1')]) });
    await sleep(0);
    assert.ok(session.view.notes.has('r1'));
    assert.equal(session.connection, 'open');
  } finally {
    session.stop();
  }
});

test('facilitators: start in the room asked for, enter another, listen on the facilitators address', async () => {
  const { session, socket, rooms } = await started({ id: 'p1', role: 'facilitator' }, { room: 'r1', facilitatorFeed: true });
  try {
    assert.ok(socket.registrations().includes('register board.b1.facilitators'));
    assert.equal(socket.lastSync().body.room, 'r1');
    socket.reply(socket.lastSync(), { ok: true, board: boardFull(3, { role: 'facilitator' }), room: roomFull(2) });
    await sleep(0);
    assert.equal(session.room, 'r1', 'rooms closed do not move facilitators who chose a room');
    session.enterRoom('main');
    assert.equal(session.room, 'main');
    assert.equal(socket.lastSync().body.room, 'main');
    socket.reply(socket.lastSync(), { ok: true, board: { mode: 'delta', events: [] }, room: roomFull(9) });
    await sleep(0);
    session.enterRoom('r1');
    socket.reply(socket.lastSync(), { ok: true, board: { mode: 'delta', events: [] }, room: roomFull(2) });
    await sleep(0);
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'settings.updated', patch: { breakout: 'closed' }, seq: 4, at: 1 } });
    assert.equal(session.room, 'main', 'closing the rooms brings facilitators back too');
    assert.deepEqual(rooms.map((r) => r.room), ['main', 'r1', 'main']);
  } finally {
    session.stop();
  }
});

test('hidden notes: note.private texts are kept when the redacted room event arrives', async () => {
  const { session, socket } = await started({ id: 'p1', role: 'participant' });
  try {
    socket.reply(socket.lastSync(), { ok: true, board: boardFull(3), room: roomFull(10, [note('old', { hidden: true, author: 'p1', text: 'from sync' })]) });
    await sleep(0);
    assert.equal(session.view.notes.get('old').text, 'from sync');
    const whole = { type: 'note.created', room: 'main', hidden: true, author: 'p1', note: note('n1', { author: 'p1', text: 'secret' }), seq: 11, at: 1 };
    socket.push({ type: 'rec', address: 'board.b1.to.p1', body: { type: 'note.private', event: whole } });
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { ...whole, note: { ...whole.note, text: '' } } });
    assert.equal(session.view.notes.get('n1').text, 'secret');
    assert.equal(session.view.notes.get('n1').hidden, true);
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { type: 'note.updated', room: 'main', hidden: true, author: 'p1', id: 'n1', patch: { x: 50 }, seq: 12, at: 1 } });
    assert.equal(session.view.notes.get('n1').text, 'secret');
    assert.equal(session.view.notes.get('n1').x, 50);
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: { type: 'notes.revealed', room: 'main', notes: [{ ...whole.note, x: 50 }], seq: 13, at: 1 } });
    assert.equal(session.view.notes.get('n1').text, 'secret');
    assert.equal(session.view.notes.get('n1').hidden, undefined);
  } finally {
    session.stop();
  }
});

test('room events are told to roomEvent listeners once applied: a harvest, with the section in the view', async () => {
  const { session, socket } = await started({ id: 'p1', role: 'facilitator' }, { facilitatorFeed: true });
  try {
    socket.reply(socket.lastSync(), { ok: true, board: boardFull(3, { role: 'facilitator' }), room: roomFull(10) });
    await sleep(0);
    const told = [];
    session.on('roomEvent', (event) => told.push({ type: event.type, by: event.by, shown: session.view.sections.has('harvest-r1') }));
    const section = { id: 'harvest-r1', x: 0, y: 0, w: 440, h: 320, title: 'Room 1', author: 'p1', createdAt: 1, updatedAt: 1, origin: { room: 'r1' } };
    socket.push({ type: 'rec', address: 'board.b1.room.main', body: {
      type: 'rooms.harvested', room: 'r1', roomName: 'Room 1', section, notes: [], removed: [], by: 'p1', seq: 11, at: 1 } });
    socket.push({ type: 'rec', address: 'board.b1', body: { type: 'settings.updated', patch: { locked: true }, seq: 4, at: 1 } });
    assert.deepEqual(told, [{ type: 'rooms.harvested', by: 'p1', shown: true }], 'board events are not room events');
  } finally {
    session.stop();
  }
});
