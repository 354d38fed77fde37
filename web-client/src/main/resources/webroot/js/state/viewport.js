// Pan/zoom maths for the canvas. A viewport is {x, y, zoom}: the screen position
// (in CSS pixels, relative to the canvas element) of world point (0,0), and the scale.
import { clamp } from './limits.js';

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/** Zoom levels for buttons and +/- keys, so repeated steps land on round numbers. */
export const ZOOM_STEPS = [0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export function initialViewport() {
  return { x: 40, y: 40, zoom: 1 };
}

export function screenToWorld(v, sx, sy) {
  return { x: (sx - v.x) / v.zoom, y: (sy - v.y) / v.zoom };
}

export function worldToScreen(v, wx, wy) {
  return { x: wx * v.zoom + v.x, y: wy * v.zoom + v.y };
}

/** Zooms to `zoom` keeping the world point under screen point (sx, sy) in place. */
export function zoomAt(v, zoom, sx, sy) {
  const z = clamp(zoom, MIN_ZOOM, MAX_ZOOM);
  const anchor = screenToWorld(v, sx, sy);
  return { x: sx - anchor.x * z, y: sy - anchor.y * z, zoom: z };
}

/**
 * Two fingers: the viewport `start` becomes when the fingers moved from midpoint `from` (screen)
 * and distance `fromDistance` to midpoint `to` and distance `toDistance`. The world point that
 * was under the first midpoint stays under the fingers: the view zooms about the midpoint and
 * follows it when both fingers move.
 */
export function pinchViewport(start, from, fromDistance, to, toDistance) {
  const zoom = clamp(start.zoom * (toDistance / Math.max(fromDistance, 1)), MIN_ZOOM, MAX_ZOOM);
  const anchor = screenToWorld(start, from.x, from.y);
  return { x: to.x - anchor.x * zoom, y: to.y - anchor.y * zoom, zoom };
}

/** The direction [dx, dy] of an arrow key (ArrowLeft -> [-1, 0]), or null for any other key. */
export function arrowDirection(key) {
  switch (key) {
    case 'ArrowLeft': return [-1, 0];
    case 'ArrowRight': return [1, 0];
    case 'ArrowUp': return [0, -1];
    case 'ArrowDown': return [0, 1];
    default: return null;
  }
}

export function panBy(v, dx, dy) {
  return { x: v.x + dx, y: v.y + dy, zoom: v.zoom };
}

/** Next step up (direction 1) or down (-1) from the current zoom. */
export function steppedZoom(zoom, direction) {
  const epsilon = 1e-6;
  if (direction > 0) return ZOOM_STEPS.find((s) => s > zoom + epsilon) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < zoom - epsilon) ?? MIN_ZOOM;
}

/** Wheel delta to zoom factor; line/page modes are normalised to pixels. */
export function wheelZoomFactor(deltaY, deltaMode = 0) {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-clamp(pixels, -200, 200) * 0.002);
}

export function viewportCentre(v, width, height) {
  return screenToWorld(v, width / 2, height / 2);
}

export function viewportTransform(v) {
  return `translate(${v.x}px, ${v.y}px) scale(${v.zoom})`;
}

export function zoomPercent(v) {
  return Math.round(v.zoom * 100);
}

/**
 * A view as shared between browsers (view.bring, viewport presence, the stored view of the
 * control view): the world point at the centre of the screen and the zoom, so it means the
 * same on screens of any size.
 */
export function sharedView(v, width, height) {
  const centre = viewportCentre(v, width, height);
  return { x: Math.round(centre.x), y: Math.round(centre.y), zoom: Math.round(v.zoom * 1000) / 1000 };
}

/** The viewport showing a shared view centred on a screen of width x height. */
export function viewportFromShared(view, width, height) {
  const zoom = clamp(Number(view.zoom) || 1, MIN_ZOOM, MAX_ZOOM);
  return { x: width / 2 - view.x * zoom, y: height / 2 - view.y * zoom, zoom };
}

/** Whether a world box lies fully inside the view. */
export function boxVisible(v, box, width, height) {
  const a = worldToScreen(v, box.x, box.y);
  const b = worldToScreen(v, box.x + box.w, box.y + box.h);
  return a.x >= 0 && a.y >= 0 && b.x <= width && b.y <= height;
}

/**
 * The viewport with a world box fully in view: `v` itself when it shows the box already, else
 * one centred on it at v's zoom, zoomed out as far as needed (never in) for a box larger than the
 * screen less `margin` pixels around.
 */
export function viewportShowing(v, box, width, height, margin = 40) {
  if (boxVisible(v, box, width, height)) return v;
  const fit = Math.min((width - 2 * margin) / Math.max(box.w, 1), (height - 2 * margin) / Math.max(box.h, 1));
  return viewportFromShared({ x: box.x + box.w / 2, y: box.y + box.h / 2, zoom: Math.min(v.zoom, fit) }, width, height);
}

/**
 * The viewport showing all of `boxes` (world {x, y, w, h}) centred on a screen of width x height,
 * `margin` pixels free around them, zoomed out as far as needed but never in beyond 100 %.
 */
export function viewportFitting(boxes, width, height, margin = 40) {
  const items = [...boxes];
  if (items.length === 0 || width <= 0 || height <= 0) return initialViewport();
  const left = Math.min(...items.map((b) => b.x));
  const top = Math.min(...items.map((b) => b.y));
  const right = Math.max(...items.map((b) => b.x + b.w));
  const bottom = Math.max(...items.map((b) => b.y + b.h));
  const fit = Math.min((width - 2 * margin) / Math.max(right - left, 1), (height - 2 * margin) / Math.max(bottom - top, 1));
  const zoom = clamp(Math.min(fit, 1), MIN_ZOOM, MAX_ZOOM);
  return { x: width / 2 - ((left + right) / 2) * zoom, y: height / 2 - ((top + bottom) / 2) * zoom, zoom };
}
