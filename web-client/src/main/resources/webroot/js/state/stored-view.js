// The facilitator's last view of the board, kept in this browser by the board page for the
// control view, which has no canvas of its own: "bring everyone to my view" sends it, and a
// harvest asks for its middle as the place for the room's results when it is a view of the plenary.
import { PLENARY_ROOM, clampCoord } from './limits.js';

const KEY_PREFIX = 'werkraum.viewport.';

/** Keeps `view` ({x, y, zoom}: the board point in the middle of the screen, and the zoom) as the view of `room`. */
export function storeView(storage, boardId, view, room) {
  try {
    storage.setItem(KEY_PREFIX + boardId, JSON.stringify({ x: view.x, y: view.y, zoom: view.zoom, room }));
  } catch { /* a courtesy only */ }
}

/** The view kept last, {x, y, zoom, room}, or null. */
export function storedView(storage, boardId) {
  let view;
  try {
    view = JSON.parse(storage.getItem(KEY_PREFIX + boardId) ?? 'null');
  } catch {
    return null;
  }
  return view && Number.isFinite(view.x) && Number.isFinite(view.y) && Number.isFinite(view.zoom) ? view : null;
}

/** The middle of the view kept last if it is a view of the plenary ({x, y}), else null. */
export function plenaryViewCentre(storage, boardId) {
  const view = storedView(storage, boardId);
  return view?.room === PLENARY_ROOM ? { x: clampCoord(view.x), y: clampCoord(view.y) } : null;
}
