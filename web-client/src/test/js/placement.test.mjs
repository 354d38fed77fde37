import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freeSpot, spotBeside } from '../../main/resources/webroot/js/state/placement.js';

const size = { w: 200, h: 150 };

test('an empty canvas puts the note centred where the person looks', () => {
  assert.deepEqual(freeSpot({ x: 500, y: 400 }, size, []), { x: 400, y: 325 });
});

test('notes added one after another do not overlap', () => {
  const placed = [];
  for (let i = 0; i < 12; i += 1) {
    const spot = freeSpot({ x: 0, y: 0 }, size, placed);
    for (const other of placed) {
      const apart = spot.x >= other.x + other.w || other.x >= spot.x + size.w
        || spot.y >= other.y + other.h || other.y >= spot.y + size.h;
      assert.ok(apart, `note ${i} at ${JSON.stringify(spot)} overlaps ${JSON.stringify(other)}`);
    }
    placed.push({ ...spot, ...size });
  }
});

test('the second note goes right next to the first, not far away', () => {
  const first = { ...freeSpot({ x: 0, y: 0 }, size, []), ...size };
  const second = freeSpot({ x: 0, y: 0 }, size, [first]);
  assert.ok(Math.hypot(second.x - first.x, second.y - first.y) <= 232, JSON.stringify(second));
});

const apart = (a, b) => a.x >= b.x + b.w || b.x >= a.x + a.w || a.y >= b.y + b.h || b.y >= a.y + a.h;

test('a copy goes right beside its note when that is free', () => {
  const source = { id: 's', x: 100, y: 50, w: 200, h: 150 };
  assert.deepEqual(spotBeside(source, [source]), { x: 316, y: 50 });
});

test('a copy takes below, left, above in turn, and covers no other note', () => {
  const source = { id: 's', x: 0, y: 0, w: 200, h: 150 };
  const right = { id: 'r', x: 216, y: 0, w: 200, h: 150 };
  assert.deepEqual(spotBeside(source, [source, right]), { x: 0, y: 166 });
  const below = { id: 'b', x: 0, y: 166, w: 200, h: 150 };
  assert.deepEqual(spotBeside(source, [source, right, below]), { x: -216, y: 0 });
  // Boxed in on all four sides: the nearest free spot around it (a corner).
  const notes = [source, right, below, { id: 'l', x: -216, y: 0, w: 200, h: 150 }, { id: 'a', x: 0, y: -166, w: 200, h: 150 }];
  const spot = spotBeside(source, notes);
  for (const other of notes) assert.ok(apart({ ...spot, w: 200, h: 150 }, other), `${JSON.stringify(spot)} covers ${other.id}`);
  assert.ok(Math.abs(spot.x) <= 216 && Math.abs(spot.y) <= 166, 'still next to the note');
});

test('a copy keeps the size of its note for the room it needs', () => {
  const big = { id: 's', x: 0, y: 0, w: 400, h: 300 };
  const near = { id: 'n', x: 420, y: 290, w: 200, h: 150 }; // would touch a 400x300 copy on the right
  const spot = spotBeside(big, [big, near]);
  assert.deepEqual(spot, { x: 0, y: 316 });
});
