import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plenaryViewCentre, storeView, storedView } from '../../main/resources/webroot/js/state/stored-view.js';
import { memoryStorage } from './fake-storage.mjs';

test('the last view is kept with its room: bring uses any, a harvest only the middle of a plenary view', () => {
  const storage = memoryStorage();
  assert.equal(storedView(storage, 'b1'), null);
  assert.equal(plenaryViewCentre(storage, 'b1'), null, 'no view yet: no point');
  storeView(storage, 'b1', { x: 1200, y: -340, zoom: 0.67 }, 'main');
  assert.deepEqual(storedView(storage, 'b1'), { x: 1200, y: -340, zoom: 0.67, room: 'main' });
  assert.deepEqual(plenaryViewCentre(storage, 'b1'), { x: 1200, y: -340 });
  assert.equal(plenaryViewCentre(storage, 'b2'), null, 'per board');
  storeView(storage, 'b1', { x: 5, y: 6, zoom: 1 }, 'r1');
  assert.deepEqual(storedView(storage, 'b1'), { x: 5, y: 6, zoom: 1, room: 'r1' }, 'bring goes to the view in a breakout room too');
  assert.equal(plenaryViewCentre(storage, 'b1'), null, 'a breakout room view says nothing of the plenary');
});

test('views kept before rooms were told, or broken, give no point; a point far out is held to the plane', () => {
  const storage = memoryStorage({
    'werkraum.viewport.old': JSON.stringify({ x: 1, y: 2, zoom: 1 }),
    'werkraum.viewport.broken': '{x',
    'werkraum.viewport.partial': JSON.stringify({ x: 1, zoom: 1, room: 'main' }),
    'werkraum.viewport.far': JSON.stringify({ x: 5e6, y: 2.4, zoom: 1, room: 'main' }),
  });
  assert.deepEqual(storedView(storage, 'old'), { x: 1, y: 2, zoom: 1 });
  assert.equal(plenaryViewCentre(storage, 'old'), null);
  assert.equal(storedView(storage, 'broken'), null);
  assert.equal(storedView(storage, 'partial'), null);
  assert.deepEqual(plenaryViewCentre(storage, 'far'), { x: 1_000_000, y: 2 });
  const full = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
  storeView(full, 'b1', { x: 1, y: 2, zoom: 1 }, 'main');
});
