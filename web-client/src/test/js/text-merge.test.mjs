import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeTexts } from '../../main/resources/webroot/js/state/text-merge.js';

const base = 'Treffpunkt Jugendzentrum';

test('changes in different places both stay', () => {
  assert.deepEqual(mergeTexts(base, 'Neu: Treffpunkt Jugendzentrum', 'Treffpunkt Jugendzentrum am Montag'),
    { clean: true, text: 'Neu: Treffpunkt Jugendzentrum am Montag' });
  assert.deepEqual(mergeTexts(base, 'Treffpunkt Jugendzentrum am Montag', 'Neu: Treffpunkt Jugendzentrum'),
    { clean: true, text: 'Neu: Treffpunkt Jugendzentrum am Montag' });
  assert.deepEqual(mergeTexts('eins zwei drei', 'EINS zwei drei', 'eins zwei DREI'), { clean: true, text: 'EINS zwei DREI' });
});

test('one side unchanged, or both the same: nothing to decide', () => {
  assert.deepEqual(mergeTexts(base, base, 'anders'), { clean: true, text: 'anders' });
  assert.deepEqual(mergeTexts(base, 'meins', base), { clean: true, text: 'meins' });
  assert.deepEqual(mergeTexts(base, 'gleich', 'gleich'), { clean: true, text: 'gleich' });
});

test('both adding at the end keeps both, the earlier save first', () => {
  assert.deepEqual(mergeTexts('Idee', 'Idee – teuer', 'Idee – gut'), { clean: true, text: 'Idee – gut – teuer' });
});

test('changing the same words is for the people to decide', () => {
  assert.deepEqual(mergeTexts(base, 'Treffpunkt Rathaus', 'Treffpunkt Schule'), { clean: false });
  assert.deepEqual(mergeTexts('abc', 'aXc', 'aYc'), { clean: false });
  assert.deepEqual(mergeTexts('abcdef', 'aXXf', 'abYYef'), { clean: false });
  assert.deepEqual(mergeTexts(base, '', 'Treffpunkt Jugendzentrum!'), { clean: false });
});

test('an emoji is never split', () => {
  const merged = mergeTexts('Top 😀 gut', 'Top 😃 gut', 'Top 😀 sehr gut');
  assert.equal(merged.clean, true);
  assert.equal(merged.text, 'Top 😃 sehr gut');
  assert.equal(mergeTexts('😀', '😃', '😄').clean, false);
});
