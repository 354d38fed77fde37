import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  activityLevel, activitySince, applyRoomPoll, createRoomWatch, thumbnailShapes, watchCommand,
} from '../../main/resources/webroot/js/state/room-overview.js';

const note = (id, x, y, extra = {}) => ({ id, x, y, w: 200, h: 150, color: 'blue', text: 't', ...extra });

test('first poll reads in full; later polls ask for a delta and count the new events', () => {
  const watch = createRoomWatch();
  const watches = new Map([['r1', watch]]);
  assert.deepEqual(watchCommand(watches, ['r1', 'r2']), { type: 'rooms.watch', rooms: { r1: null, r2: null } });
  applyRoomPoll(watch, { mode: 'full', seq: 10, state: { notes: [note('a', 0, 0)], sections: [] } });
  assert.equal(watch.activity, 0);
  assert.equal(watch.notes.size, 1);
  assert.deepEqual(watchCommand(watches, ['r1']), { type: 'rooms.watch', rooms: { r1: 10 } });
  applyRoomPoll(watch, { mode: 'delta', events: [
    { type: 'note.created', room: 'r1', note: note('b', 300, 0), seq: 11 },
    { type: 'note.updated', room: 'r1', id: 'a', patch: { x: 10 }, seq: 12 },
    { type: 'note.deleted', room: 'r1', id: 'b', seq: 13 },
  ] });
  assert.equal(watch.activity, 3);
  assert.equal(watch.seq, 13);
  assert.equal(watch.notes.get('a').x, 10);
  assert.equal(watch.notes.has('b'), false);
  applyRoomPoll(watch, { mode: 'delta', events: [] });
  assert.equal(watch.activity, 0, 'quiet since the last poll');
});

test('a delta that skips events asks for the full state next time', () => {
  const watch = createRoomWatch();
  applyRoomPoll(watch, { mode: 'full', seq: 5, state: { notes: [], sections: [] } });
  applyRoomPoll(watch, { mode: 'delta', events: [{ type: 'note.deleted', id: 'x', seq: 9 }] });
  assert.equal(watch.activity, 4);
  assert.deepEqual(watchCommand(new Map([['r1', watch]]), ['r1']).rooms, { r1: null });
});

test('a room\'s last activity is the time of the last poll that saw changes', () => {
  const watch = createRoomWatch();
  applyRoomPoll(watch, { mode: 'full', seq: 5, state: { notes: [], sections: [] } }, 1000);
  assert.equal(watch.lastActiveAt, null, 'the first poll tells nothing about activity');
  applyRoomPoll(watch, { mode: 'delta', events: [{ type: 'note.created', room: 'r1', note: note('a', 0, 0), seq: 6 }] }, 6000);
  assert.equal(watch.lastActiveAt, 6000);
  applyRoomPoll(watch, { mode: 'delta', events: [] }, 11000);
  assert.equal(watch.lastActiveAt, 6000, 'a quiet poll keeps the last change');
});

test('activity in words and never negative', () => {
  assert.equal(activitySince(10, 8), 0);
  assert.equal(activitySince(null, 8), 0);
  assert.equal(activityLevel(0), 'none');
  assert.equal(activityLevel(2), 'some');
  assert.equal(activityLevel(9), 'busy');
});

test('thumbnail: everything fits the box, notes keep their colour, no texts', () => {
  const watch = createRoomWatch();
  applyRoomPoll(watch, { mode: 'full', seq: 1, state: {
    notes: [note('a', 0, 0), note('b', 1800, 850, { color: 'pink' })],
    sections: [{ id: 's', x: -200, y: -100, w: 2400, h: 1200, title: 'T' }],
  } });
  const shapes = thumbnailShapes(watch, 160, 100);
  assert.equal(shapes.sections.length, 1);
  assert.equal(shapes.notes.length, 2);
  for (const s of [...shapes.sections, ...shapes.notes]) {
    assert.ok(s.x >= 0 && s.y >= 0 && s.x + s.w <= 160.5 && s.y + s.h <= 100.5, JSON.stringify(s));
    assert.equal('text' in s, false);
  }
  assert.equal(shapes.notes[1].color, 'pink');
  assert.deepEqual(thumbnailShapes(createRoomWatch(), 160, 100), { sections: [], notes: [] });
});
