import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentBounds, minimapView, unionBox, visibleArea } from '../../main/resources/webroot/js/state/minimap-geometry.js';
import { arrowDirection, screenToWorld, worldToScreen } from '../../main/resources/webroot/js/state/viewport.js';

const close = (actual, expected, message) => assert.ok(Math.abs(actual - expected) < 1e-9, `${message}: ${actual} != ${expected}`);

test('the content bounds hold every item; none without items; items without a position are left out', () => {
  assert.equal(contentBounds([]), null);
  assert.deepEqual(contentBounds([{ x: 0, y: 0, w: 600, h: 400 }, { x: 3000, y: 2000, w: 200, h: 150 }, { x: -100, y: 50, w: 10, h: 10 }]),
    { x: -100, y: 0, w: 3300, h: 2150 });
  assert.deepEqual(contentBounds([{ x: 10, y: 20, w: 5, h: 5 }, { x: Number.NaN, y: 0, w: 1, h: 1 }]), { x: 10, y: 20, w: 5, h: 5 });
});

test('the visible area is the canvas in world units, wherever the view is panned and zoomed', () => {
  assert.deepEqual(visibleArea({ x: 40, y: 40, zoom: 1 }, 1000, 600), { x: -40, y: -40, w: 1000, h: 600 });
  assert.deepEqual(visibleArea({ x: -500, y: 100, zoom: 0.5 }, 1000, 600), { x: 1000, y: -200, w: 2000, h: 1200 });
});

test('the union of two boxes; either may be missing', () => {
  assert.deepEqual(unionBox({ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: -5, w: 5, h: 5 }), { x: 0, y: -5, w: 25, h: 15 });
  assert.deepEqual(unionBox(null, { x: 1, y: 2, w: 3, h: 4 }), { x: 1, y: 2, w: 3, h: 4 });
  assert.deepEqual(unionBox({ x: 1, y: 2, w: 3, h: 4 }, null), { x: 1, y: 2, w: 3, h: 4 });
});

test('the map fits content and visible area into the box, centred, keeping proportions', () => {
  const content = { x: 0, y: 0, w: 3200, h: 2150 };
  const visible = { x: -40, y: -40, w: 1000, h: 600 };
  const map = minimapView(content, visible, 200, 140, 6);
  // Width is the tighter side: 3240 world units in 188 pixels.
  close(map.zoom, 188 / 3240, 'scale');
  const left = worldToScreen(map, -40, -40);
  const right = worldToScreen(map, 3200, 2150);
  close(left.x, 6, 'left edge at the padding');
  close(right.x, 194, 'right edge at the padding');
  close((left.y + right.y) / 2, 70, 'centred vertically');
  assert.ok(left.y >= 6 && right.y <= 134, 'within the box vertically');
});

test('a point on the map and the board point under it convert both ways', () => {
  const map = minimapView({ x: 500, y: -300, w: 4000, h: 1000 }, { x: 0, y: 0, w: 1200, h: 800 }, 200, 140);
  const world = screenToWorld(map, 37, 91);
  const back = worldToScreen(map, world.x, world.y);
  close(back.x, 37, 'x');
  close(back.y, 91, 'y');
});

test('an empty board: the map shows the visible area alone, filling the box', () => {
  const visible = visibleArea({ x: 40, y: 40, zoom: 1 }, 1000, 700);
  const map = minimapView(contentBounds([]), visible, 200, 140, 0);
  close(map.zoom, 0.2, 'scale');
  const corner = worldToScreen(map, visible.x, visible.y);
  close(corner.x, 0, 'x');
  close(corner.y, 0, 'y');
});

test('a single point of content does not divide by zero', () => {
  const map = minimapView({ x: 5, y: 5, w: 0, h: 0 }, null, 200, 140);
  assert.ok(Number.isFinite(map.zoom) && map.zoom > 0);
  assert.ok(Number.isFinite(map.x) && Number.isFinite(map.y));
});

test('arrow keys give their direction; other keys none', () => {
  assert.deepEqual(arrowDirection('ArrowLeft'), [-1, 0]);
  assert.deepEqual(arrowDirection('ArrowRight'), [1, 0]);
  assert.deepEqual(arrowDirection('ArrowUp'), [0, -1]);
  assert.deepEqual(arrowDirection('ArrowDown'), [0, 1]);
  assert.equal(arrowDirection('Enter'), null);
});
