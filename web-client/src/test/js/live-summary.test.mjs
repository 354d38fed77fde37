import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  minutesAgo, ORGANISATIONS_LISTED, presenceSummary, roomsBusy, roundProgress,
} from '../../main/resources/webroot/js/state/live-summary.js';
import { applyRoomPoll, createRoomWatch } from '../../main/resources/webroot/js/state/room-overview.js';

const person = (id, extra = {}) => [id, { id, name: id, role: 'participant', ...extra }];

test('who is here: online of everyone let in, per organisation, hands by name, ready, the waiting apart', () => {
  const participants = new Map([
    person('Fiona', { role: 'facilitator', organisation: 'Landkreis' }),
    person('Ben', { organisation: 'Stadt Jena', hand: true }),
    person('Anna', { organisation: 'Stadt Jena', hand: true, ready: true }),
    person('Clara', { organisation: 'Pößneck' }),
    person('Dora'),
    person('Emil', { organisation: 'Stadt Jena', waiting: true, hand: true }),
  ]);
  const summary = presenceSummary(participants, new Set(['Fiona', 'Anna', 'Clara', 'Emil']));
  assert.equal(summary.online, 3);
  assert.equal(summary.total, 5);
  assert.equal(summary.participants, 4);
  assert.equal(summary.ready, 1);
  assert.deepEqual(summary.hands.map((p) => p.id), ['Anna', 'Ben'], 'waiting people raise no hand on the board');
  assert.deepEqual(summary.waiting.map((p) => p.id), ['Emil']);
  assert.deepEqual(summary.organisations, [
    { name: 'Stadt Jena', online: 1, total: 2 },
    { name: 'Landkreis', online: 1, total: 1 },
    { name: 'Pößneck', online: 1, total: 1 },
    { name: '', online: 0, total: 1 },
  ]);
});

test('organisations are not listed one by one when there are too many', () => {
  const participants = new Map(Array.from({ length: ORGANISATIONS_LISTED + 1 }, (_, i) => person(`p${i}`, { organisation: `Org ${i}` })));
  assert.equal(presenceSummary(participants, new Set()).organisations, null);
});

test('the open round\'s progress counts voters out of the participants let in', () => {
  const rounds = new Map([
    ['r0', { id: 'r0', status: 'closed', startedAt: 1 }],
    ['r1', { id: 'r1', status: 'open', startedAt: 2, anonymous: true }],
  ]);
  const participants = new Map([person('Fiona', { role: 'facilitator' }), person('Anna'), person('Ben'), person('Olaf', { role: 'observer' }), person('Emil', { waiting: true })]);
  assert.deepEqual(roundProgress(rounds, new Map(), participants), { round: rounds.get('r1'), voters: 0, votes: 0, people: 2, anonymous: true });
  const progress = new Map([['r1', { voters: 1, votes: 3 }]]);
  assert.equal(roundProgress(rounds, progress, participants).voters, 1);
  assert.equal(roundProgress(rounds, progress, participants).votes, 3);
  assert.equal(roundProgress(new Map([['r0', rounds.get('r0')]]), progress, participants), null);
});

test('how busy each room is: members online, notes and activity from the polls, last change', () => {
  const rooms = [{ id: 'a', name: 'Nord' }, { id: 'b', name: '' }];
  const members = new Map([['a', [{ id: 'Anna' }, { id: 'Ben' }]], ['b', []]]);
  const watch = createRoomWatch();
  applyRoomPoll(watch, { mode: 'full', seq: 1, state: { notes: [{ id: 'n', x: 0, y: 0 }], sections: [] } }, 1000);
  applyRoomPoll(watch, { mode: 'delta', events: [{ type: 'note.updated', room: 'a', id: 'n', patch: { x: 5 }, seq: 2 }] }, 6000);
  const busy = roomsBusy(rooms, members, new Set(['Anna']), new Map([['a', watch]]));
  assert.deepEqual(busy, [
    { id: 'a', name: 'Nord', people: 2, online: 1, notes: 1, level: 'some', lastActiveAt: 6000 },
    { id: 'b', name: 'b', people: 0, online: 0, notes: null, level: null, lastActiveAt: null },
  ]);
  assert.equal(minutesAgo(6000, 6000 + 59_000), 0);
  assert.equal(minutesAgo(6000, 6000 + 125_000), 2);
});
