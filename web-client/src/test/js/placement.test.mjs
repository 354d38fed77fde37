import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freeSpot } from '../../main/resources/webroot/js/state/placement.js';

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
