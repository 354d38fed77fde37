import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_ZOOM, MIN_ZOOM, boxVisible, initialViewport, panBy, pinchViewport, screenToWorld, steppedZoom, viewportCentre, viewportFitting, viewportShowing, viewportTransform,
  wheelZoomFactor, worldToScreen, zoomAt, zoomPercent,
} from '../../main/resources/webroot/js/state/viewport.js';

const close = (a, b) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('screen and world coordinates convert both ways', () => {
  const v = { x: 100, y: 50, zoom: 2 };
  assert.deepEqual(screenToWorld(v, 300, 250), { x: 100, y: 100 });
  assert.deepEqual(worldToScreen(v, 100, 100), { x: 300, y: 250 });
});

test('zooming keeps the point under the pointer in place', () => {
  const v = { x: 37, y: -12, zoom: 0.8 };
  const before = screenToWorld(v, 420, 310);
  const zoomed = zoomAt(v, 1.7, 420, 310);
  const after = screenToWorld(zoomed, 420, 310);
  close(before.x, after.x);
  close(before.y, after.y);
  assert.equal(zoomed.zoom, 1.7);
});

test('a pinch zooms about the fingers\' midpoint and follows it', () => {
  const v = { x: 40, y: 40, zoom: 1 };
  const under = screenToWorld(v, 200, 300);
  // Fingers 100 px apart spread to 150 px around the same midpoint: 150 %, the point stays put.
  const spread = pinchViewport(v, { x: 200, y: 300 }, 100, { x: 200, y: 300 }, 150);
  close(spread.zoom, 1.5);
  const stays = screenToWorld(spread, 200, 300);
  close(stays.x, under.x);
  close(stays.y, under.y);
  // Both fingers slide 30 px right without spreading: a pan at the same zoom.
  const slid = pinchViewport(v, { x: 200, y: 300 }, 100, { x: 230, y: 300 }, 100);
  assert.deepEqual(slid, { x: 70, y: 40, zoom: 1 });
  // Pinched far in or out: clamped like every zoom.
  assert.equal(pinchViewport(v, { x: 0, y: 0 }, 10, { x: 0, y: 0 }, 10000).zoom, MAX_ZOOM);
  assert.equal(pinchViewport(v, { x: 0, y: 0 }, 1000, { x: 0, y: 0 }, 1).zoom, MIN_ZOOM);
});

test('zoom is clamped', () => {
  assert.equal(zoomAt({ x: 0, y: 0, zoom: 1 }, 100, 0, 0).zoom, MAX_ZOOM);
  assert.equal(zoomAt({ x: 0, y: 0, zoom: 1 }, 0.001, 0, 0).zoom, MIN_ZOOM);
});

test('zoom steps land on round levels', () => {
  assert.equal(steppedZoom(1, 1), 1.1);
  assert.equal(steppedZoom(1, -1), 0.9);
  assert.equal(steppedZoom(1.05, 1), 1.1);
  assert.equal(steppedZoom(MAX_ZOOM, 1), MAX_ZOOM);
  assert.equal(steppedZoom(MIN_ZOOM, -1), MIN_ZOOM);
});

test('panning, centre, css and percent', () => {
  assert.deepEqual(panBy({ x: 1, y: 2, zoom: 3 }, 10, -5), { x: 11, y: -3, zoom: 3 });
  assert.deepEqual(viewportCentre({ x: 0, y: 0, zoom: 2 }, 800, 600), { x: 200, y: 150 });
  assert.equal(viewportTransform({ x: 5, y: 6, zoom: 1.5 }), 'translate(5px, 6px) scale(1.5)');
  assert.equal(zoomPercent({ x: 0, y: 0, zoom: 0.666 }), 67);
});

test('wheel up zooms in, wheel down zooms out, line mode is normalised', () => {
  assert.ok(wheelZoomFactor(-100) > 1);
  assert.ok(wheelZoomFactor(100) < 1);
  close(wheelZoomFactor(3, 1), wheelZoomFactor(48, 0));
});

test('a shared view (world centre and zoom) means the same on screens of any size', async () => {
  const { sharedView, viewportFromShared, viewportCentre, boxVisible } = await import('../../main/resources/webroot/js/state/viewport.js');
  const mine = { x: -200, y: 100, zoom: 2 };
  const shared = sharedView(mine, 1000, 600);
  assert.deepEqual(shared, { x: 350, y: 100, zoom: 2 });
  const theirs = viewportFromShared(shared, 1600, 900);
  assert.deepEqual(viewportCentre(theirs, 1600, 900), { x: 350, y: 100 });
  assert.equal(theirs.zoom, 2);
  assert.equal(viewportFromShared({ x: 0, y: 0, zoom: 99 }, 100, 100).zoom, 4, 'zoom clamped');
  assert.equal(boxVisible({ x: 0, y: 0, zoom: 1 }, { x: 10, y: 10, w: 100, h: 100 }, 500, 500), true);
  assert.equal(boxVisible({ x: 0, y: 0, zoom: 1 }, { x: 450, y: 10, w: 100, h: 100 }, 500, 500), false);
});

test('fitting: everything in view with a margin, centred, never zoomed in beyond 100 %', () => {
  const boxes = [{ x: 0, y: 0, w: 2000, h: 1000 }, { x: 1800, y: 900, w: 200, h: 150 }];
  const v = viewportFitting(boxes, 1000, 600, 40);
  close(v.zoom, Math.min(920 / 2000, 520 / 1050));
  const topLeft = worldToScreen(v, 0, 0);
  const bottomRight = worldToScreen(v, 2000, 1050);
  assert.ok(topLeft.x >= 40 - 1e-9 && topLeft.y >= 40 - 1e-9, JSON.stringify(topLeft));
  assert.ok(bottomRight.x <= 960 + 1e-9 && bottomRight.y <= 560 + 1e-9, JSON.stringify(bottomRight));
  close(viewportCentre(v, 1000, 600).x, 1000);
  close(viewportCentre(v, 1000, 600).y, 525);

  const small = viewportFitting([{ x: 100, y: 100, w: 200, h: 150 }], 1000, 600);
  assert.equal(small.zoom, 1);
  close(viewportCentre(small, 1000, 600).x, 200);
  close(viewportCentre(small, 1000, 600).y, 175);

  const far = viewportFitting([{ x: 0, y: 0, w: 1000000, h: 10 }], 1000, 600);
  assert.equal(far.zoom, MIN_ZOOM);
  assert.deepEqual(viewportFitting([], 1000, 600), initialViewport());
  assert.deepEqual(viewportFitting([{ x: 0, y: 0, w: 10, h: 10 }], 0, 0), initialViewport());
});

test('showing a box: a view that shows it stays, else it is centred, zoomed out only when it is larger than the screen', () => {
  const v = { x: 0, y: 0, zoom: 1 };
  assert.equal(viewportShowing(v, { x: 100, y: 100, w: 440, h: 320 }, 1280, 800), v, 'in view already: not moved');
  assert.deepEqual(viewportShowing(v, { x: 3000, y: 2000, w: 440, h: 320 }, 1280, 800),
    { x: 640 - 3220, y: 400 - 2160, zoom: 1 }, 'off screen: centred, at the same zoom');
  assert.deepEqual(viewportShowing({ x: 0, y: 0, zoom: 0.5 }, { x: 3000, y: 0, w: 440, h: 320 }, 1280, 800),
    { x: 640 - 3220 * 0.5, y: 400 - 160 * 0.5, zoom: 0.5 }, 'never zoomed in');
  const big = viewportShowing({ x: 0, y: 0, zoom: 2 }, { x: 0, y: 0, w: 2400, h: 720 }, 1280, 800);
  close(big.zoom, 0.5);
  assert.equal(boxVisible(big, { x: 0, y: 0, w: 2400, h: 720 }, 1280, 800), true, 'larger than the screen: zoomed out to fit');
});
