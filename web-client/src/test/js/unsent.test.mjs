import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RELOAD_GUARD_MS, RELOADED_KEY, claimReloadForUpdate, saveUnsent, takeUnsent, unsentKey,
} from '../../main/resources/webroot/js/state/unsent.js';
import { memoryStorage } from './fake-storage.mjs';

const failing = {
  getItem() { throw new Error('SecurityError'); },
  setItem() { throw new Error('QuotaExceededError'); },
  removeItem() { throw new Error('SecurityError'); },
};

const update = (commandId, x) => ({ type: 'note.update', commandId, room: 'main', id: 'n1', patch: { x } });

test('unsent commands are kept per board, as sent, and taken once', () => {
  const storage = memoryStorage();
  const bodies = [update('c1xxxxxxxxxxxxxxxx', 1), { type: 'vote.cast', commandId: 'c2xxxxxxxxxxxxxxxx', round: 'r', note: 'n' }];
  assert.equal(saveUnsent(storage, 'b1', bodies), true);
  assert.equal(unsentKey('b1'), 'werkraum.unsent.b1');
  assert.deepEqual(JSON.parse(storage.getItem('werkraum.unsent.b1')), bodies);
  assert.deepEqual(takeUnsent(storage, 'b2'), [], 'another board has none');
  assert.deepEqual(takeUnsent(storage, 'b1'), bodies);
  assert.equal(storage.getItem('werkraum.unsent.b1'), null, 'the stored copy is gone');
  assert.deepEqual(takeUnsent(storage, 'b1'), []);
});

test('saving replaces what was kept; nothing to keep leaves nothing', () => {
  const storage = memoryStorage();
  saveUnsent(storage, 'b1', [update('aaaa', 1)]);
  saveUnsent(storage, 'b1', [update('bbbb', 2)]);
  assert.deepEqual(takeUnsent(storage, 'b1').map((c) => c.commandId), ['bbbb']);
  saveUnsent(storage, 'b1', [update('cccc', 3)]);
  saveUnsent(storage, 'b1', []);
  assert.equal(storage.items.size, 0);
});

test('only commands worth sending again are kept: no syncs, no unknown types, no broken ids', () => {
  const storage = memoryStorage();
  saveUnsent(storage, 'b1', [
    update('good', 1),
    { type: 'sync', commandId: 'sync1', room: 'main' },
    { type: 'note.explode', commandId: 'x1' },
    update('no spaces allowed', 2),
    { type: 'note.update', room: 'main', id: 'n', patch: {} },
    null,
  ]);
  assert.deepEqual(takeUnsent(storage, 'b1').map((c) => c.commandId), ['good']);
  // A stored copy someone tampered with is read with the same care.
  const tampered = memoryStorage({ 'werkraum.unsent.b1': '{"not":"a list"}', 'werkraum.unsent.b2': 'not json', 'werkraum.unsent.b3': JSON.stringify([update('ok1', 1), 5]) });
  assert.deepEqual(takeUnsent(tampered, 'b1'), []);
  assert.deepEqual(takeUnsent(tampered, 'b2'), []);
  assert.deepEqual(takeUnsent(tampered, 'b3').map((c) => c.commandId), ['ok1']);
  assert.equal(tampered.items.size, 0);
});

test('the page reloads for a newer server at most once a minute', () => {
  const storage = memoryStorage();
  assert.equal(claimReloadForUpdate(storage, 1_000_000), true, 'the first time');
  assert.equal(storage.getItem(RELOADED_KEY), '1000000');
  assert.equal(claimReloadForUpdate(storage, 1_000_000 + 5_000), false, 'reloaded a moment ago: show a banner instead');
  assert.equal(claimReloadForUpdate(storage, 1_000_000 + RELOAD_GUARD_MS - 1), false);
  assert.equal(storage.getItem(RELOADED_KEY), '1000000', 'a refusal does not move the mark');
  assert.equal(claimReloadForUpdate(storage, 1_000_000 + RELOAD_GUARD_MS), true, 'a minute later it may again');
  assert.equal(claimReloadForUpdate(memoryStorage({ [RELOADED_KEY]: 'junk' }), 5), true);
  assert.equal(claimReloadForUpdate(memoryStorage({ [RELOADED_KEY]: '9000' }), 5), false, 'a clock that went back counts as recent');
});

test('a storage that fails keeps nothing and allows no reload (which could then loop)', () => {
  assert.equal(saveUnsent(failing, 'b1', [update('c1', 1)]), false);
  assert.deepEqual(takeUnsent(failing, 'b1'), []);
  assert.equal(claimReloadForUpdate(failing, 1), false);
  assert.equal(claimReloadForUpdate(null, 1), false);
  assert.deepEqual(takeUnsent(null, 'b1'), []);
});
