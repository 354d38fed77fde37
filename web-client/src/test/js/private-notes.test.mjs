import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  learnFromEvent, learnFromNotes, learnFromRoomEvent, mayReadHidden, noteVisibility, withHiddenTexts,
} from '../../main/resources/webroot/js/state/private-notes.js';
import { applyRoomEvent, emptyBoardState } from '../../main/resources/webroot/js/state/board-state.js';

const me = { id: 'p1', role: 'participant' };
const fac = { id: 'f1', role: 'facilitator' };
const other = { id: 'p2', role: 'participant' };
const created = (text) => ({ type: 'note.created', room: 'main', hidden: true, author: 'p1', note: { id: 'n1', x: 0, y: 0, w: 200, h: 150, text, author: 'p1' }, seq: 5 });

test('who may read a hidden note', () => {
  assert.equal(mayReadHidden(me, 'p1'), true);
  assert.equal(mayReadHidden(other, 'p1'), false);
  assert.equal(mayReadHidden(fac, 'p1'), true);
});

test('the private text survives the redacted room event, in either order', () => {
  for (const privateFirst of [true, false]) {
    const state = emptyBoardState();
    const texts = new Map();
    const privateEvent = () => learnFromEvent(texts, created('my idea'));
    const roomEvent = () => {
      const redacted = created('');
      applyRoomEvent(state, redacted);
      learnFromRoomEvent(texts, redacted, me);
    };
    if (privateFirst) { privateEvent(); roomEvent(); } else { roomEvent(); privateEvent(); }
    const view = withHiddenTexts(state, texts);
    assert.equal(view.notes.get('n1').text, 'my idea', `private first: ${privateFirst}`);
    assert.equal(state.notes.get('n1').text, '', 'the confirmed state is left alone');
  }
});

test('updates: patches without text keep the text; a private update changes it; reveal and delete forget', () => {
  const state = emptyBoardState();
  const texts = new Map();
  applyRoomEvent(state, created(''));
  learnFromEvent(texts, created('first'));
  const move = { type: 'note.updated', room: 'main', hidden: true, author: 'p1', id: 'n1', patch: { x: 40 }, seq: 6 };
  applyRoomEvent(state, move);
  learnFromRoomEvent(texts, move, me);
  assert.equal(withHiddenTexts(state, texts).notes.get('n1').text, 'first');
  assert.equal(withHiddenTexts(state, texts).notes.get('n1').x, 40);
  learnFromEvent(texts, { type: 'note.updated', room: 'main', hidden: true, author: 'p1', id: 'n1', patch: { text: 'second' } });
  assert.equal(withHiddenTexts(state, texts).notes.get('n1').text, 'second');
  const reveal = { type: 'notes.revealed', room: 'main', notes: [{ id: 'n1', x: 40, y: 0, w: 200, h: 150, text: 'second', author: 'p1' }] };
  applyRoomEvent(state, reveal);
  learnFromRoomEvent(texts, reveal, me);
  assert.equal(texts.size, 0);
  assert.equal(withHiddenTexts(state, texts), state);
  learnFromEvent(texts, created('x'));
  learnFromRoomEvent(texts, { type: 'note.deleted', room: 'main', id: 'n1' }, me);
  assert.equal(texts.has('n1'), false);
});

test('sync: full states and deltas teach only what the viewer may read', () => {
  const texts = new Map();
  learnFromNotes(texts, [
    { id: 'a', hidden: true, author: 'p1', text: 'mine' },
    { id: 'b', hidden: true, author: 'p2', text: '' },
    { id: 'c', author: 'p2', text: 'open' },
  ], me);
  assert.deepEqual([...texts], [['a', 'mine']]);
  const facTexts = new Map();
  learnFromNotes(facTexts, [{ id: 'b', hidden: true, author: 'p2', text: 'theirs' }], fac);
  assert.deepEqual([...facTexts], [['b', 'theirs']]);
  const otherTexts = new Map();
  learnFromRoomEvent(otherTexts, created(''), other);
  assert.equal(otherTexts.size, 0);
});

test('how notes show', () => {
  assert.equal(noteVisibility({ id: 'n' }, me), 'visible');
  assert.equal(noteVisibility({ id: 'n', hidden: true, author: 'p1' }, me), 'mine');
  assert.equal(noteVisibility({ id: 'n', hidden: true, author: 'p1' }, other), 'placeholder');
  assert.equal(noteVisibility({ id: 'n', hidden: true, author: 'p1' }, fac), 'facilitator');
});
