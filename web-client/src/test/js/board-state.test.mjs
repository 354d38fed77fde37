import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyBoardEvent, applyFullBoard, applyFullRoom, applyRoomEvent, commandToEvent, emptyBoardState,
  isPreviewed, overlayPending, readingOrder, setOnline, streamOf, applySettingsPatch,
} from '../../main/resources/webroot/js/state/board-state.js';

const note = (id, extra = {}) => ({ id, x: 0, y: 0, w: 200, h: 150, color: 'yellow', text: '', author: 'p1', createdAt: 1, updatedAt: 1, ...extra });

test('full states replace board and room content', () => {
  const state = emptyBoardState();
  applyFullBoard(state, {
    board: { id: 'b', title: 'Kick-off', createdAt: 1 },
    participants: [{ id: 'p1', name: 'Anna', organisation: 'Kassel', role: 'facilitator', color: '#123456', joinedAt: 1 }],
    online: ['p1'],
  });
  applyFullRoom(state, { notes: [note('n1')], sections: [{ id: 's1', x: 0, y: 0, w: 600, h: 400, title: 'Ideas' }] });
  assert.equal(state.board.title, 'Kick-off');
  assert.equal(state.participants.get('p1').name, 'Anna');
  assert.ok(state.online.has('p1'));
  assert.equal(state.notes.size, 1);
  assert.equal(state.sections.get('s1').title, 'Ideas');
  applyFullRoom(state, { notes: [], sections: [] });
  assert.equal(state.notes.size, 0);
});

test('note events create, patch and delete', () => {
  const state = emptyBoardState();
  applyRoomEvent(state, { type: 'note.created', room: 'main', note: note('n1', { text: 'a' }), seq: 1 });
  applyRoomEvent(state, { type: 'note.updated', room: 'main', id: 'n1', patch: { x: 40, text: 'b' }, by: 'p2', updatedAt: 9, seq: 2 });
  assert.deepEqual({ ...state.notes.get('n1') }, { ...note('n1'), x: 40, text: 'b', updatedAt: 9, textBy: 'p2' }, 'who saved the text last is known');
  applyRoomEvent(state, { type: 'note.deleted', room: 'main', id: 'n1', seq: 3 });
  assert.equal(state.notes.size, 0);
});

test('updates of unknown items and unknown event types change nothing', () => {
  const state = emptyBoardState();
  applyRoomEvent(state, { type: 'note.updated', id: 'missing', patch: { x: 1 } });
  applyRoomEvent(state, { type: 'vote.cast' });
  applyBoardEvent(state, { type: 'timer.started' });
  assert.equal(state.notes.size, 0);
});

test('section events work like note events', () => {
  const state = emptyBoardState();
  applyRoomEvent(state, { type: 'section.created', section: { id: 's1', x: 0, y: 0, w: 600, h: 400, title: 'A' } });
  applyRoomEvent(state, { type: 'section.updated', id: 's1', patch: { title: 'B', w: 800 } });
  assert.equal(state.sections.get('s1').title, 'B');
  assert.equal(state.sections.get('s1').w, 800);
  applyRoomEvent(state, { type: 'section.deleted', id: 's1' });
  assert.equal(state.sections.size, 0);
});

test('board events: participants join and change, online replaces; links.renewed changes no state', () => {
  const state = emptyBoardState();
  applyFullBoard(state, { board: { id: 'b', title: 'Old' }, participants: [], online: [] });
  applyBoardEvent(state, { type: 'participant.joined', participant: { id: 'p2', name: 'Ben', role: 'participant' }, seq: 1 });
  applyBoardEvent(state, { type: 'participant.updated', id: 'p2', patch: { organisation: 'Fulda' }, seq: 2 });
  applyBoardEvent(state, { type: 'links.renewed', kind: 'participant', by: 'p1', seq: 3 });
  setOnline(state, ['p2']);
  assert.equal(state.participants.get('p2').organisation, 'Fulda');
  assert.equal(state.board.title, 'Old');
  assert.deepEqual([...state.online], ['p2']);
});

test('commands map to the events the server would produce', () => {
  const create = commandToEvent({ type: 'note.create', room: 'main', note: { id: 'n1', x: 1, y: 2 } }, 'me', 5);
  assert.equal(create.type, 'note.created');
  assert.equal(create.note.author, 'me');
  assert.equal(commandToEvent({ type: 'section.delete', room: 'main', id: 's' }).type, 'section.deleted');
  assert.deepEqual(commandToEvent({ type: 'participant.update', patch: { name: 'X' } }, 'me'), { type: 'participant.updated', id: 'me', patch: { name: 'X' } });
  assert.equal(streamOf({ type: 'participant.update' }), 'board');
  assert.equal(streamOf({ type: 'note.update' }), 'room');
  assert.equal(streamOf({ type: 'note.duplicate' }), 'room');
  for (const type of ['note.create', 'note.duplicate', 'note.update', 'section.delete', 'participant.update']) assert.ok(isPreviewed({ type }), type);
  for (const type of ['vote.cast', 'links.get', 'rooms.harvest', 'sync']) assert.equal(isPreviewed({ type }), false, type);
  for (const type of ['board.lock', 'timer.start', 'spotlight.set', 'round.start', 'view.follow', 'broadcast.send', 'vote.cast', 'links.get']) {
    assert.equal(streamOf({ type }), 'board', type);
  }
});

test('the overlay shows pending commands without touching confirmed state', () => {
  const state = emptyBoardState();
  applyRoomEvent(state, { type: 'note.created', note: note('n1') });
  const view = overlayPending(state, [
    { type: 'note.update', room: 'main', id: 'n1', patch: { x: 300 } },
    { type: 'note.create', room: 'main', note: { id: 'n2', x: 0, y: 0, w: 200, h: 150, color: 'blue' } },
    { type: 'note.delete', room: 'main', id: 'n1' },
  ], 'me', 7);
  assert.equal(view.notes.has('n1'), false);
  assert.equal(view.notes.get('n2').author, 'me');
  assert.equal(state.notes.get('n1').x, 0);
  assert.equal(state.notes.has('n2'), false);
  assert.equal(overlayPending(state, [], 'me'), state);
});

test('reading order: rows top to bottom, then left to right', () => {
  const items = [note('c', { x: 500, y: 10 }), note('a', { x: 0, y: 300 }), note('b', { x: 20, y: 30 })];
  assert.deepEqual(readingOrder(items).map((n) => n.id), ['b', 'c', 'a']);
});

test('settings: the full state sets them, settings.updated merges its patch, null clears a key', () => {
  const state = emptyBoardState();
  assert.deepEqual(state.settings, {});
  applyFullBoard(state, { board: { id: 'b' }, participants: [], online: [], settings: { locked: true, follow: 'p1' } });
  assert.deepEqual(state.settings, { locked: true, follow: 'p1' });
  const timer = { status: 'running', durationMs: 60000, endsAt: 123 };
  applyBoardEvent(state, { type: 'settings.updated', patch: { timer, broadcast: { text: 'Hi', by: 'p1', at: 5 } }, seq: 2 });
  applyBoardEvent(state, { type: 'settings.updated', patch: { locked: false, follow: null }, seq: 3 });
  assert.deepEqual(state.settings, { locked: false, timer, broadcast: { text: 'Hi', by: 'p1', at: 5 } });
  applyBoardEvent(state, { type: 'settings.updated', patch: { spotlight: { room: 'main', id: 'n1' }, shownRound: 'r1' }, seq: 4 });
  assert.equal(state.settings.spotlight.id, 'n1');
  assert.equal(state.settings.shownRound, 'r1');
  applyFullBoard(state, { board: { id: 'b' }, participants: [], online: [] });
  assert.deepEqual(state.settings, {}, 'a full state without settings has none');
  assert.deepEqual(applySettingsPatch(undefined, { a: 1 }), { a: 1 });
});

test('participant.removed drops the participant and their online mark; hand and ready patch like names', () => {
  const state = emptyBoardState();
  applyFullBoard(state, { board: { id: 'b' }, participants: [{ id: 'p1', name: 'A' }, { id: 'p2', name: 'B' }], online: ['p1', 'p2'] });
  applyBoardEvent(state, { type: 'participant.updated', id: 'p2', patch: { hand: true, ready: true } });
  assert.equal(state.participants.get('p2').hand, true);
  applyBoardEvent(state, { type: 'participant.removed', id: 'p2', by: 'p1' });
  assert.equal(state.participants.has('p2'), false);
  assert.equal(state.online.has('p2'), false);
});

test('the overlay shows my own hand at once and carries settings and rounds', () => {
  const state = emptyBoardState();
  applyFullBoard(state, { board: { id: 'b' }, participants: [{ id: 'p1', name: 'A' }], online: [], settings: { locked: true }, rounds: [{ id: 'r1', status: 'open' }] });
  const view = overlayPending(state, [{ type: 'participant.update', patch: { hand: true } }], 'p1', 1);
  assert.equal(view.participants.get('p1').hand, true);
  assert.equal(state.participants.get('p1').hand, undefined);
  assert.equal(view.settings.locked, true);
  assert.equal(view.rounds.get('r1').status, 'open');
});

test('a pending duplicate shows at once: a copy of the source with the new id and place, by me', () => {
  const state = emptyBoardState();
  applyRoomEvent(state, { type: 'note.created', room: 'main', note: note('src', { text: 'Idea', color: 'teal', w: 260, h: 180, author: 'p2', createdAt: 1, updatedAt: 3, origin: { room: 'r1' } }) });
  const duplicate = { type: 'note.duplicate', room: 'main', id: 'src', note: { id: 'copy', x: 276, y: 0 } };
  const view = overlayPending(state, [duplicate], 'me', 9);
  assert.deepEqual(view.notes.get('copy'), { id: 'copy', x: 276, y: 0, w: 260, h: 180, color: 'teal', text: 'Idea', author: 'me', createdAt: 9, updatedAt: 9 });
  assert.equal(view.notes.get('src').text, 'Idea', 'the source stays');
  assert.equal(state.notes.has('copy'), false, 'confirmed state untouched');
});

test('a duplicate copies the source as the overlay shows it, and nothing when the source is gone', () => {
  const state = emptyBoardState();
  applyRoomEvent(state, { type: 'note.created', room: 'main', note: note('src', { text: 'old' }) });
  const view = overlayPending(state, [
    { type: 'note.update', room: 'main', id: 'src', patch: { text: 'new', color: 'pink' } },
    { type: 'note.duplicate', room: 'main', id: 'src', note: { id: 'copy', x: 300, y: 0 } },
    { type: 'note.duplicate', room: 'main', id: 'missing', note: { id: 'copy2', x: 600, y: 0 } },
  ], 'me', 9);
  assert.equal(view.notes.get('copy').text, 'new');
  assert.equal(view.notes.get('copy').color, 'pink');
  assert.equal(view.notes.has('copy2'), false);
  // Deleting the copy before the server confirmed it removes it again.
  const deleted = overlayPending(state, [
    { type: 'note.duplicate', room: 'main', id: 'src', note: { id: 'copy', x: 300, y: 0 } },
    { type: 'note.delete', room: 'main', id: 'copy' },
  ], 'me', 9);
  assert.equal(deleted.notes.has('copy'), false);
  // The event it stands for is the server's note.created.
  assert.equal(commandToEvent({ type: 'note.duplicate', room: 'main', id: 'src', note: { id: 'c', x: 1, y: 2 } }, 'me', 1, state.notes).type, 'note.created');
  assert.equal(commandToEvent({ type: 'note.duplicate', room: 'main', id: 'src', note: { id: 'c', x: 1, y: 2 } }, 'me', 1), null, 'no notes known');
});
