import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createChangeDigest } from '../../main/resources/webroot/js/state/change-digest.js';

const SELF = 'me';
const section = { id: 's1', x: 0, y: 0, w: 600, h: 400 };
const note = (id, fields = {}) => ({ id, x: 1000, y: 0, w: 160, h: 120, text: '', author: 'anna', color: 'yellow', ...fields });
const notes = (...list) => new Map(list.map((n) => [n.id, n]));

test("others' changes are gathered into one summary, spoken only after the window", () => {
  const digest = createChangeDigest({ windowMs: 3000 });
  let before = notes();
  let after = notes(note('a'));
  digest.observe(before, after, [section], SELF, 0);
  // Anna types: every keystroke is an update of the same note, one change in the summary.
  for (let i = 1; i <= 5; i += 1) {
    before = after;
    after = notes(note('a', { text: 'Jugend'.slice(0, i) }), note('b', { author: 'ben' }));
    digest.observe(before, after, [section], SELF, 100 * i);
  }
  assert.equal(digest.take(2999), null);
  assert.deepEqual(digest.take(3000), { created: 2, edited: 0, moved: 0, deleted: 0, authors: ['anna', 'ben'] });
  assert.equal(digest.take(10000), null);
});

test('my own notes and changes are not news to me', () => {
  const digest = createChangeDigest({ windowMs: 10 });
  digest.observe(notes(), notes(note('mine', { author: SELF })), [], SELF, 0);
  digest.ownChange('theirs', 0);
  digest.observe(notes(note('theirs')), notes(note('theirs', { text: 'von mir ergänzt' })), [], SELF, 5);
  assert.equal(digest.dueAt(), null);
  assert.equal(digest.take(100), null);
});

test('edits, moves into another section and deletions are counted; a move within a section is not', () => {
  const digest = createChangeDigest({ windowMs: 10 });
  const before = notes(note('a'), note('b'), note('c'), note('d', { x: 10, y: 10 }));
  const after = notes(note('a', { text: 'neu' }), note('b', { x: 20, y: 20 }), note('d', { x: 30, y: 40 }));
  digest.observe(before, after, [section], SELF, 0);
  assert.deepEqual(digest.take(10), { created: 0, edited: 1, moved: 1, deleted: 1, authors: [] });
});

test('a note created and deleted within one summary is not mentioned', () => {
  const digest = createChangeDigest({ windowMs: 10 });
  digest.observe(notes(), notes(note('a')), [], SELF, 0);
  digest.observe(notes(note('a')), notes(), [], SELF, 1);
  assert.equal(digest.take(20), null);
});
