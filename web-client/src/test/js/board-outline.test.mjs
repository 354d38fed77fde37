import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outline, sectionOf, spotInSection, centreInside } from '../../main/resources/webroot/js/state/board-outline.js';

const note = (id, x, y) => ({ id, x, y, w: 160, h: 120 });
const ideas = { id: 's1', x: 0, y: 0, w: 600, h: 400, title: 'Ideen' };
const risks = { id: 's2', x: 700, y: 0, w: 600, h: 400, title: 'Risiken' };

test('notes belong to the section their centre lies in, the smallest when sections overlap', () => {
  const inner = { id: 's3', x: 50, y: 50, w: 300, h: 200 };
  assert.equal(sectionOf(note('a', 60, 60), [ideas, inner]).id, 's3');
  assert.equal(sectionOf(note('b', 400, 250), [ideas, inner]).id, 's1');
  // Overlapping the edge with less than half: outside.
  assert.equal(sectionOf(note('c', 530, 100), [ideas]), null);
});

test('the outline lists sections and their notes in reading order, then the notes outside', () => {
  const shape = outline(
    [note('late', 300, 200), note('first', 20, 40), note('outside', 2000, 0), note('risk', 720, 40)],
    [risks, ideas],
  );
  assert.deepEqual(shape.groups.map((g) => [g.section.title, g.notes.map((n) => n.id)]),
    [['Ideen', ['first', 'late']], ['Risiken', ['risk']]]);
  assert.deepEqual(shape.loose.map((n) => n.id), ['outside']);
});

test('a note moved into a section takes a free place inside it, beside the notes already there', () => {
  const size = { w: 160, h: 120 };
  const first = spotInSection(ideas, size, []);
  assert.ok(centreInside({ ...first, ...size }, ideas));
  const second = spotInSection(ideas, size, [{ ...first, ...size }]);
  assert.ok(centreInside({ ...second, ...size }, ideas));
  assert.notDeepEqual(second, first);
});

test('a full section still takes the note, inside it', () => {
  const small = { id: 's', x: 0, y: 0, w: 200, h: 150 };
  const size = { w: 160, h: 120 };
  const crowd = [note('x', 0, 0), note('y', 20, 20)];
  const spot = spotInSection(small, size, crowd);
  assert.ok(centreInside({ ...spot, ...size }, small));
});
