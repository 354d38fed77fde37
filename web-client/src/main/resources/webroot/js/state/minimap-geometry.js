// The overview (minimap) of a room, pure: which part of the plane it shows and how a point on it
// maps to the board. The map is a viewport too ({x, y, zoom}, see viewport.js), one that fits the
// room's content and the visible area into the overview's box, so the same conversions serve both.
import { screenToWorld } from './viewport.js';

/** The smallest world box holding every item ({x, y, w, h}), or null when there are none. */
export function contentBounds(items) {
  let left = Infinity; let top = Infinity; let right = -Infinity; let bottom = -Infinity;
  for (const item of items) {
    if (!Number.isFinite(item.x) || !Number.isFinite(item.y)) continue;
    left = Math.min(left, item.x);
    top = Math.min(top, item.y);
    right = Math.max(right, item.x + (item.w || 0));
    bottom = Math.max(bottom, item.y + (item.h || 0));
  }
  return left === Infinity ? null : { x: left, y: top, w: right - left, h: bottom - top };
}

/** The world box the canvas (width x height screen pixels) shows through viewport `v`. */
export function visibleArea(v, width, height) {
  const topLeft = screenToWorld(v, 0, 0);
  return { x: topLeft.x, y: topLeft.y, w: width / v.zoom, h: height / v.zoom };
}

/** The box around both (either may be null). */
export function unionBox(a, b) {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * The overview's map: the room's content and the visible area fitted, centred, into a box of
 * mapWidth x mapHeight pixels with `padding` free around them; world -> overview is
 * worldToScreen(map, ...), overview -> world screenToWorld(map, ...).
 */
export function minimapView(content, visible, mapWidth, mapHeight, padding = 6) {
  const box = unionBox(content, visible);
  const zoom = Math.min((mapWidth - 2 * padding) / Math.max(box.w, 1), (mapHeight - 2 * padding) / Math.max(box.h, 1));
  return {
    x: mapWidth / 2 - (box.x + box.w / 2) * zoom,
    y: mapHeight / 2 - (box.y + box.h / 2) * zoom,
    zoom: Math.max(zoom, Number.MIN_VALUE),
  };
}
