import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deletionNeedsConfirmation } from '../../main/resources/webroot/js/state/deletion.js';

const section = { x: 0, y: 0, w: 400, h: 300, title: '' };

test('an empty note or section goes at once; one with content asks first', () => {
  assert.equal(deletionNeedsConfirmation('note', { text: '  ' }, []), false);
  assert.equal(deletionNeedsConfirmation('note', { text: 'Jugendtreff' }, []), true);
  assert.equal(deletionNeedsConfirmation('section', section, []), false);
  assert.equal(deletionNeedsConfirmation('section', { ...section, title: 'Aktuelle Barrieren' }, []), true);
});

test('a section with a note on it asks first, one with notes only beside it does not', () => {
  const inside = { x: 100, y: 100, w: 160, h: 120 };
  const beside = { x: 500, y: 100, w: 160, h: 120 };
  assert.equal(deletionNeedsConfirmation('section', section, [beside]), false);
  assert.equal(deletionNeedsConfirmation('section', section, [beside, inside]), true);
});
