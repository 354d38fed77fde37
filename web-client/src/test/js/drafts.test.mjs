import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDrafts } from '../../main/resources/webroot/js/state/drafts.js';
import { memoryStorage } from './fake-storage.mjs';

const update = (id, text, room = 'main') => ({ type: 'note.update', room, id, patch: { text }, commandId: 'c1' });

test('a refused note text is kept, shown on its note as a draft, and survives a reload', () => {
  const storage = memoryStorage();
  const drafts = createDrafts(storage, 'b1');
  assert.equal(drafts.keep({ type: 'note.update', room: 'main', id: 'n1', patch: { x: 5 } }), false);
  assert.equal(drafts.keep(update('n1', 'Jugendtreff am Markt')), true);
  const notes = new Map([['n1', { id: 'n1', text: '' }], ['n2', { id: 'n2', text: 'andere' }]]);
  const shown = createDrafts(storage, 'b1').overlay(notes, 'main');
  assert.deepEqual(shown.get('n1'), { id: 'n1', text: 'Jugendtreff am Markt', draft: true });
  assert.equal(shown.get('n2'), notes.get('n2'));
  assert.equal(drafts.overlay(notes, 'room-2'), notes);
});

test('once the board is open the drafts become note updates to send, and are gone', () => {
  const storage = memoryStorage();
  const drafts = createDrafts(storage, 'b1');
  drafts.keep(update('n1', 'eins'));
  drafts.keep(update('n1', 'eins, zwei'));
  assert.deepEqual(drafts.takeAll(), [{ type: 'note.update', room: 'main', id: 'n1', patch: { text: 'eins, zwei' } }]);
  assert.equal(drafts.size, 0);
  assert.equal(createDrafts(storage, 'b1').size, 0);
});

test('a draft is saved with the text it began from, the first one when saves were refused twice', () => {
  const drafts = createDrafts(memoryStorage(), 'b1');
  drafts.keep({ ...update('n1', 'eins'), baseText: 'alt' });
  drafts.keep({ ...update('n1', 'eins, zwei'), baseText: 'eins' });
  assert.deepEqual(drafts.takeAll(), [{ type: 'note.update', room: 'main', id: 'n1', patch: { text: 'eins, zwei' }, baseText: 'alt' }]);
});

test('text typed in an editor when the page ended is a draft on the next page', () => {
  const storage = memoryStorage();
  const page = createDrafts(storage, 'b1');
  page.writing({ id: 'n1', room: 'r1', text: 'Unser Erg', baseText: '' });
  page.writing({ id: 'n1', room: 'r1', text: 'Unser Ergebnis', baseText: '' });
  const next = createDrafts(storage, 'b1');
  assert.equal(next.overlay(new Map([['n1', { id: 'n1', text: '' }]]), 'r1').get('n1').text, 'Unser Ergebnis');
  assert.deepEqual(next.takeAll(), [{ type: 'note.update', room: 'r1', id: 'n1', patch: { text: 'Unser Ergebnis' }, baseText: '' }]);
  assert.equal(createDrafts(storage, 'b1').size, 0, 'taken once');
});

test('an editor closed normally, or left unchanged, leaves no draft', () => {
  const storage = memoryStorage();
  const page = createDrafts(storage, 'b1');
  page.writing({ id: 'n1', room: 'main', text: 'fertig', baseText: '' });
  page.doneWriting();
  assert.equal(createDrafts(storage, 'b1').size, 0);
  createDrafts(storage, 'b1').writing({ id: 'n1', room: 'main', text: 'gleich', baseText: 'gleich' });
  assert.equal(createDrafts(storage, 'b1').size, 0);
});
