import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SequenceTracker } from '../../main/resources/webroot/js/state/sequence.js';

const ev = (seq) => ({ type: 'note.deleted', id: `n${seq}`, seq });
const seqs = (events) => events.map((e) => e.seq);

test('events before the first sync wait for it, then drain in order', () => {
  const tracker = new SequenceTracker();
  assert.deepEqual(tracker.offer(ev(6)), []);
  assert.deepEqual(tracker.offer(ev(7)), []);
  assert.equal(tracker.ready, false);
  assert.deepEqual(seqs(tracker.reset(5)), [6, 7]);
  assert.equal(tracker.seq, 7);
  assert.equal(tracker.hasGap, false);
});

test('a full state newer than buffered events drops them', () => {
  const tracker = new SequenceTracker();
  tracker.offer(ev(3));
  assert.deepEqual(tracker.reset(10), []);
  assert.equal(tracker.buffered.size, 0);
});

test('applies seq == last+1 and ignores duplicates and old events', () => {
  const tracker = new SequenceTracker();
  tracker.reset(0);
  assert.deepEqual(seqs(tracker.offer(ev(1))), [1]);
  assert.deepEqual(tracker.offer(ev(1)), []);
  assert.deepEqual(tracker.offer(ev(0)), []);
  assert.equal(tracker.seq, 1);
});

test('a gap buffers until the missing event arrives', () => {
  const tracker = new SequenceTracker();
  tracker.reset(1);
  assert.deepEqual(tracker.offer(ev(3)), []);
  assert.deepEqual(tracker.offer(ev(4)), []);
  assert.equal(tracker.hasGap, true);
  assert.deepEqual(seqs(tracker.offer(ev(2))), [2, 3, 4]);
  assert.equal(tracker.hasGap, false);
});

test('a command reply with a seq beyond what we applied counts as a gap', () => {
  const tracker = new SequenceTracker();
  tracker.reset(4);
  tracker.noteExists(5);
  assert.equal(tracker.hasGap, true);
  tracker.offer(ev(5));
  assert.equal(tracker.hasGap, false);
});

test('unsequenced messages pass straight through', () => {
  const tracker = new SequenceTracker();
  const online = { type: 'online', participants: [] };
  assert.deepEqual(tracker.offer(online), [online]);
});
