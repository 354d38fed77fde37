import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyBoardEvent, applyFullBoard, emptyBoardState, overlayPending,
} from '../../main/resources/webroot/js/state/board-state.js';
import {
  EXPORT_FORMATS, formatDateTime, isAutomatic, isPictureFormat, roomsAt, snapshotLabel, snapshotsNewestFirst,
} from '../../main/resources/webroot/js/state/snapshots.js';

const t = (key, params = {}) => `${key}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`;

const named = { id: 's-1', name: 'Nach der Sammlung', takenAt: 1000, by: 'p1' };
const roundClosed = { id: 's-2', occasion: 'round.closed', subject: 'Prioritäten', takenAt: 2000, by: 'werkraum' };
const roomsClosed = { id: 's-3', occasion: 'rooms.closed', takenAt: 3000, by: 'werkraum' };

test('the full board state brings the snapshots; a new state replaces them', () => {
  const state = emptyBoardState();
  assert.equal(state.snapshots.size, 0);
  applyFullBoard(state, { board: { id: 'b' }, snapshots: [named, roundClosed, { name: 'no id' }] });
  assert.deepEqual([...state.snapshots.keys()], ['s-1', 's-2']);
  assert.equal(state.snapshots.get('s-2').subject, 'Prioritäten');
  applyFullBoard(state, { board: { id: 'b' } });
  assert.equal(state.snapshots.size, 0);
});

test('snapshot.taken adds a snapshot without touching the Map the view holds', () => {
  const state = emptyBoardState();
  applyFullBoard(state, { board: { id: 'b' }, snapshots: [named] });
  const before = state.snapshots;
  applyBoardEvent(state, { type: 'snapshot.taken', snapshot: roomsClosed, seq: 4 });
  assert.deepEqual([...state.snapshots.keys()], ['s-1', 's-3']);
  assert.equal(before.size, 1);
  applyBoardEvent(state, { type: 'snapshot.taken', seq: 5 });
  assert.equal(state.snapshots.size, 2);
});

test('the view over pending commands keeps the snapshots', () => {
  const state = emptyBoardState();
  applyFullBoard(state, { board: { id: 'b' }, snapshots: [named] });
  const view = overlayPending(state, [{ type: 'participant.update', patch: { hand: true } }], 'p1');
  assert.equal(view.snapshots.get('s-1').name, 'Nach der Sammlung');
});

test('snapshots are listed newest first, ties by id', () => {
  const map = new Map([named, roundClosed, roomsClosed, { id: 's-0', name: 'x', takenAt: 3000 }].map((s) => [s.id, s]));
  assert.deepEqual(snapshotsNewestFirst(map).map((s) => s.id), ['s-0', 's-3', 's-2', 's-1']);
  assert.deepEqual(snapshotsNewestFirst(new Map()), []);
  assert.deepEqual(snapshotsNewestFirst(undefined), []);
});

test('a named snapshot is called by its name; Werkraum’s own by their occasion', () => {
  assert.equal(snapshotLabel(named, t), 'Nach der Sammlung');
  assert.equal(snapshotLabel(roundClosed, t), 'snapshots.auto.roundClosed {"title":"Prioritäten"}');
  assert.equal(snapshotLabel({ ...roundClosed, subject: undefined }, t), 'snapshots.auto.roundClosed {"title":"voting.untitled"}');
  assert.equal(snapshotLabel(roomsClosed, t), 'snapshots.auto.roomsClosed');
  assert.equal(snapshotLabel({ id: 's-4', name: '  ', takenAt: 1 }, t), 'snapshots.unnamed');
  assert.equal(isAutomatic(named), false);
  assert.equal(isAutomatic(roundClosed), true);
  assert.equal(isAutomatic(roomsClosed), true);
});

test('dates and times read as people write them in the UI language', () => {
  // Local time zone of the test machine: build the moment from local parts.
  const at = new Date(2026, 2, 14, 9, 5).getTime();
  assert.match(formatDateTime(at, 'de'), /^14\.03\.2026, 09:05$/);
  assert.match(formatDateTime(at, 'en'), /^14 Mar 2026, 09:05$/);
  assert.equal(formatDateTime(undefined, 'de'), '');
});

test('a snapshot’s rooms are the plenary and the breakout rooms created up to then', () => {
  const rooms = new Map([
    ['main', { id: 'main', name: 'Plenum', kind: 'plenary', createdAt: 1 }],
    ['r2', { id: 'r2', name: 'Gruppe B', kind: 'breakout', createdAt: 500 }],
    ['r1', { id: 'r1', name: 'Gruppe A', kind: 'breakout', createdAt: 100 }],
  ]);
  assert.deepEqual(roomsAt(rooms).map((r) => r.id), ['main', 'r1', 'r2']);
  assert.deepEqual(roomsAt(rooms, 200).map((r) => r.id), ['main', 'r1']);
  assert.deepEqual(roomsAt(new Map(), 200).map((r) => r.id), ['main']);
  assert.equal(roomsAt(rooms)[0].kind, 'plenary');
});

test('every export format is offered; svg and png picture a room', () => {
  assert.deepEqual([...EXPORT_FORMATS].sort(), ['csv', 'json', 'md', 'pdf', 'png', 'svg']);
  assert.deepEqual(EXPORT_FORMATS.filter(isPictureFormat), ['svg', 'png']);
});
