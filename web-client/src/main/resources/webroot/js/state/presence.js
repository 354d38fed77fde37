// Other people's cursors and note drags, from unsequenced `presence` batches.
// Nothing here is stored; entries expire when their owner goes quiet.
import { PresenceKinds } from '../protocol.js';

export const CURSOR_TTL_MS = 5000;
/** A drag preview with no news for this long is dropped (its owner vanished mid-drag). */
export const DRAG_TTL_MS = 5000;

export function emptyPresence() {
  return { cursors: new Map(), drags: new Map(), viewports: new Map() };
}

export function applyPresenceBatch(presence, items, selfId, now) {
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (!item || item.p === selfId) continue;
    if (item.kind === PresenceKinds.cursor && isFinite(item.x) && isFinite(item.y)) {
      presence.cursors.set(item.p, { x: item.x, y: item.y, at: now });
    } else if (item.kind === PresenceKinds.drag && item.id && isFinite(item.x) && isFinite(item.y)) {
      presence.drags.set(item.id, { p: item.p, x: item.x, y: item.y, at: now, ended: false });
    } else if (item.kind === PresenceKinds.viewport && isFinite(item.x) && isFinite(item.y) && isFinite(item.zoom) && item.zoom > 0) {
      // A facilitator's view, for people following them: x, y is the world point at
      // the centre of their screen, so it fits any screen size.
      presence.viewports.set(item.p, { x: item.x, y: item.y, zoom: item.zoom, at: now });
    } else if (item.kind === PresenceKinds.leave) {
      // They left this room: their cursor and drags go at once, not when they expire.
      forgetParticipant(presence, item.p);
    } else if (item.kind === PresenceKinds.dragEnd && item.id) {
      // Keep the last preview position until the stored note.updated lands, so the
      // note does not jump back to where it started in between.
      const drag = presence.drags.get(item.id);
      if (drag) presence.drags.set(item.id, { ...drag, at: now, ended: true });
    }
  }
}

/** A stored event about this item supersedes any preview of it. */
export function clearDrag(presence, id) {
  presence.drags.delete(id);
}

/** Removes stale entries; returns true when something changed. */
export function expirePresence(presence, now) {
  let changed = false;
  for (const [p, cursor] of presence.cursors) {
    if (now - cursor.at > CURSOR_TTL_MS) { presence.cursors.delete(p); changed = true; }
  }
  for (const [id, drag] of presence.drags) {
    if (now - drag.at > (drag.ended ? 1500 : DRAG_TTL_MS)) { presence.drags.delete(id); changed = true; }
  }
  return changed;
}

export function forgetParticipant(presence, participantId) {
  presence.cursors.delete(participantId);
  presence.viewports?.delete(participantId);
  for (const [id, drag] of presence.drags) if (drag.p === participantId) presence.drags.delete(id);
}
