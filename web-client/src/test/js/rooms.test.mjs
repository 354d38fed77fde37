import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  breakoutRooms, choosingRooms, currentRoomOf, defaultRoomNames, membersByRoom, roomAfterRefusal, roomFromHash, roomName,
} from '../../main/resources/webroot/js/state/rooms.js';
import { applyBoardEvent, applyFullBoard, applyRoomEvent, emptyBoardState, streamOf } from '../../main/resources/webroot/js/state/board-state.js';

function boardWith({ breakout, rooms = [], participants = [] } = {}) {
  const state = emptyBoardState();
  applyFullBoard(state, {
    participants,
    settings: breakout ? { breakout } : {},
    rooms: [{ id: 'main', name: 'Plenary', kind: 'plenary', createdAt: 1 }, ...rooms],
  });
  return state;
}

const r1 = { id: 'r1', name: 'Room 1', kind: 'breakout', createdAt: 2 };
const r2 = { id: 'r2', name: 'Room 2', kind: 'breakout', createdAt: 2 };

test('participants: their room while rooms are open, else the plenary (as the server decides)', () => {
  const me = { id: 'p1', role: 'participant' };
  const assigned = [{ id: 'p1', name: 'A', role: 'participant', room: 'r1' }];
  assert.equal(currentRoomOf(boardWith({ rooms: [r1], participants: assigned }), me), 'main');
  assert.equal(currentRoomOf(boardWith({ breakout: 'closed', rooms: [r1], participants: assigned }), me), 'main');
  assert.equal(currentRoomOf(boardWith({ breakout: 'open', rooms: [r1], participants: assigned }), me), 'r1');
  assert.equal(currentRoomOf(boardWith({ breakout: 'open', rooms: [r1], participants: [{ id: 'p1', name: 'A' }] }), me), 'main', 'no room: plenary');
  assert.equal(currentRoomOf(boardWith({ breakout: 'open', rooms: [r1], participants: [{ id: 'p1', room: null }] }), me), 'main');
});

test('facilitators: the room they chose (default the plenary), if it exists', () => {
  const fac = { id: 'f1', role: 'facilitator' };
  const state = boardWith({ breakout: 'open', rooms: [r1], participants: [{ id: 'f1', role: 'facilitator', room: 'r1' }] });
  assert.equal(currentRoomOf(state, fac), 'main', 'an assigned room does not move a facilitator');
  assert.equal(currentRoomOf(state, fac, 'r1'), 'r1');
  assert.equal(currentRoomOf(state, fac, 'gone'), 'main');
  assert.equal(currentRoomOf(emptyBoardState(), fac, 'r9', false), 'r9', 'before the board is read, trust the choice');
});

test('room events: created, assigned (with the mode), moved; rooms sorted; members per room', () => {
  const state = boardWith({ participants: [
    { id: 'p1', name: 'Bea', role: 'participant' }, { id: 'p2', name: 'Al', role: 'participant' }, { id: 'f', name: 'F', role: 'facilitator' },
  ] });
  applyBoardEvent(state, { type: 'rooms.created', rooms: [r2, r1] });
  assert.deepEqual(breakoutRooms(state.rooms).map((r) => r.id), ['r1', 'r2']);
  applyBoardEvent(state, { type: 'rooms.assigned', mode: 'random', assignments: { p1: 'r1', p2: 'r1' } });
  assert.equal(state.settings.assignMode, 'random');
  applyBoardEvent(state, { type: 'participant.updated', id: 'p2', patch: { room: 'r2' } });
  const members = membersByRoom(state.participants, state.rooms);
  assert.deepEqual(members.get('r1').map((p) => p.name), ['Bea']);
  assert.deepEqual(members.get('r2').map((p) => p.name), ['Al']);
  assert.equal(choosingRooms(state.settings, state.rooms), false);
  applyBoardEvent(state, { type: 'rooms.assigned', mode: 'choice', assignments: {} });
  assert.equal(choosingRooms(state.settings, state.rooms), true);
  applyBoardEvent(state, { type: 'rooms.assigned', mode: 'manual', assignments: { p1: null } });
  assert.equal(state.participants.get('p1').room, null);
  assert.equal(roomName(state.rooms, 'r2', 'Plenum'), 'Room 2');
  assert.equal(roomName(state.rooms, 'main', 'Plenum'), 'Plenum');
});

test('harvest and reveal events on the room stream; hidden created notes stay hidden', () => {
  const state = emptyBoardState();
  applyRoomEvent(state, { type: 'note.created', room: 'main', hidden: true, author: 'p1', note: { id: 'h1', x: 0, y: 0, w: 200, h: 150, text: '' } });
  assert.equal(state.notes.get('h1').hidden, true);
  applyRoomEvent(state, { type: 'notes.revealed', room: 'main', notes: [{ id: 'h1', x: 0, y: 0, w: 200, h: 150, text: 'secret', author: 'p1' }] });
  assert.equal(state.notes.get('h1').text, 'secret');
  assert.equal('hidden' in state.notes.get('h1'), false);
  applyRoomEvent(state, {
    type: 'rooms.harvested', room: 'r1', roomName: 'Room 1',
    section: { id: 'harvest-x', x: 500, y: 0, w: 440, h: 320, title: 'Room 1' },
    notes: [{ id: 'harvest-x-1', x: 520, y: 60, w: 200, h: 150, text: 'idea', origin: { room: 'r1', roomName: 'Room 1', note: 'n1' } }],
  });
  assert.equal(state.sections.get('harvest-x').title, 'Room 1');
  assert.equal(state.notes.get('harvest-x-1').origin.roomName, 'Room 1');
  // Harvested again: the same section and copies are updated, copies of deleted notes go.
  state.notes.set('harvest-x-2', { id: 'harvest-x-2', x: 740, y: 60, w: 200, h: 150, text: 'gone', origin: { room: 'r1', roomName: 'Room 1', note: 'n2' } });
  applyRoomEvent(state, {
    type: 'rooms.harvested', room: 'r1', roomName: 'Room 1',
    section: { id: 'harvest-x', x: 900, y: 0, w: 440, h: 320, title: 'Room 1' },
    notes: [{ id: 'harvest-x-1', x: 920, y: 60, w: 200, h: 150, text: 'better idea', origin: { room: 'r1', roomName: 'Room 1', note: 'n1' } }],
    removed: ['harvest-x-2'],
  });
  assert.equal(state.sections.size, 1);
  assert.equal(state.notes.get('harvest-x-1').text, 'better idea');
  assert.equal(state.notes.has('harvest-x-2'), false);
  assert.equal(streamOf({ type: 'rooms.harvest' }), 'room');
  assert.equal(streamOf({ type: 'rooms.create' }), 'board');
});

test('a refused sync: the room the server names, else the other of plenary and assigned room', () => {
  assert.equal(roomAfterRefusal('r7', 'main', null), 'r7');
  assert.equal(roomAfterRefusal(undefined, 'main', 'r1'), 'r1');
  assert.equal(roomAfterRefusal(undefined, 'r1', 'r1'), 'main');
  assert.equal(roomAfterRefusal(undefined, 'main', null), null);
});

test('default names and the #room= fragment', () => {
  assert.deepEqual(defaultRoomNames(3, 'Raum'), ['Raum 1', 'Raum 2', 'Raum 3']);
  assert.deepEqual(defaultRoomNames(2, 'Room', 3), ['Room 4', 'Room 5']);
  assert.equal(roomFromHash('#room=r1'), 'r1');
  assert.equal(roomFromHash('#f=secret'), null);
  assert.equal(roomFromHash('#room=bad%20id'), null);
});
