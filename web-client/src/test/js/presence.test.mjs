import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EDITING_TTL_MS, applyPresenceBatch, clearDrag, emptyPresence, expirePresence, forgetParticipant, writerNames,
} from '../../main/resources/webroot/js/state/presence.js';

test('cursors and drags of others are tracked; our own are ignored', () => {
  const presence = emptyPresence();
  applyPresenceBatch(presence, [
    { p: 'me', kind: 'cursor', x: 1, y: 1 },
    { p: 'p2', kind: 'cursor', x: 10, y: 20 },
    { p: 'p2', kind: 'drag', id: 'n1', x: 5, y: 6 },
  ], 'me', 1000);
  assert.equal(presence.cursors.has('me'), false);
  assert.deepEqual(presence.cursors.get('p2'), { x: 10, y: 20, at: 1000 });
  assert.equal(presence.drags.get('n1').x, 5);
});

test('drag.end keeps the last position until the stored update clears it', () => {
  const presence = emptyPresence();
  applyPresenceBatch(presence, [{ p: 'p2', kind: 'drag', id: 'n1', x: 5, y: 6 }], 'me', 0);
  applyPresenceBatch(presence, [{ p: 'p2', kind: 'drag.end', id: 'n1' }], 'me', 10);
  assert.equal(presence.drags.get('n1').ended, true);
  assert.equal(presence.drags.get('n1').x, 5);
  clearDrag(presence, 'n1');
  assert.equal(presence.drags.has('n1'), false);
});

test('quiet cursors vanish after about five seconds', () => {
  const presence = emptyPresence();
  applyPresenceBatch(presence, [{ p: 'p2', kind: 'cursor', x: 0, y: 0 }, { p: 'p3', kind: 'drag', id: 'n', x: 0, y: 0 }], 'me', 0);
  assert.equal(expirePresence(presence, 4000), false);
  assert.equal(expirePresence(presence, 5001), true);
  assert.equal(presence.cursors.size, 0);
  assert.equal(presence.drags.size, 0);
});

test('malformed items are skipped and a participant can be forgotten', () => {
  const presence = emptyPresence();
  applyPresenceBatch(presence, [null, { p: 'p2', kind: 'cursor' }, { p: 'p2', kind: 'drag', id: 'n', x: 1, y: 2 }], 'me', 0);
  applyPresenceBatch(presence, 'junk', 'me', 0);
  assert.equal(presence.cursors.size, 0);
  forgetParticipant(presence, 'p2');
  assert.equal(presence.drags.size, 0);
});

test('viewport items of a facilitator are kept per participant, for followers', async () => {
  const { applyPresenceBatch: apply, emptyPresence: empty, forgetParticipant: forget } = await import('../../main/resources/webroot/js/state/presence.js');
  const presence = empty();
  apply(presence, [
    { p: 'f1', kind: 'viewport', x: 100, y: -50, zoom: 1.5 },
    { p: 'f2', kind: 'viewport', x: 1, y: 2, zoom: 0 },
    { p: 'me', kind: 'viewport', x: 1, y: 2, zoom: 1 },
  ], 'me', 7);
  assert.deepEqual(presence.viewports.get('f1'), { x: 100, y: -50, zoom: 1.5, at: 7 });
  assert.equal(presence.viewports.has('f2'), false, 'a zoom of 0 is malformed');
  assert.equal(presence.viewports.has('me'), false);
  forget(presence, 'f1');
  assert.equal(presence.viewports.size, 0);
});

test('someone who leaves the room takes their cursor, view and drags along at once', () => {
  const presence = emptyPresence();
  applyPresenceBatch(presence, [
    { p: 'ben', kind: 'cursor', x: 1, y: 2 },
    { p: 'ben', kind: 'drag', id: 'n1', x: 3, y: 4 },
    { p: 'cem', kind: 'cursor', x: 5, y: 6 },
  ], 'anna', 1000);
  applyPresenceBatch(presence, [{ p: 'ben', kind: 'leave' }], 'anna', 1100);
  assert.equal(presence.cursors.has('ben'), false);
  assert.equal(presence.drags.size, 0);
  assert.equal(presence.cursors.has('cem'), true);
});

test('who writes which note: said while their editor is open, gone when it closes, they leave or go quiet', () => {
  const presence = emptyPresence();
  const participants = new Map([['p2', { name: 'Anna' }], ['p3', { name: 'Ben' }]]);
  applyPresenceBatch(presence, [
    { p: 'p2', kind: 'editing', id: 'n1' },
    { p: 'p3', kind: 'editing', id: 'n1' },
    { p: 'p4', kind: 'editing', id: 'n2' },
    { p: 'self', kind: 'editing', id: 'n1' },
  ], 'self', 1000);
  assert.equal(writerNames(presence, 'n1', participants, 'Jemand'), 'Anna, Ben');
  assert.equal(writerNames(presence, 'n2', participants, 'Jemand'), 'Jemand');
  applyPresenceBatch(presence, [{ p: 'p3', kind: 'edit.end', id: 'n1' }, { p: 'p4', kind: 'leave' }], 'self', 2000);
  assert.equal(writerNames(presence, 'n1', participants, 'Jemand'), 'Anna');
  assert.equal(writerNames(presence, 'n2', participants, 'Jemand'), '');
  assert.equal(expirePresence(presence, 1000 + EDITING_TTL_MS), false, 'a heartbeat within the time keeps it');
  assert.equal(expirePresence(presence, 1001 + EDITING_TTL_MS), true);
  assert.equal(writerNames(presence, 'n1', participants, 'Jemand'), '');
});
