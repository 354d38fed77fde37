// Other people's cursors, note drags and the notes they are writing, from unsequenced
// `presence` batches.
// Nothing here is stored; entries expire when their owner goes quiet.
import { PresenceKinds } from '../protocol.js';

export const CURSOR_TTL_MS = 5000;
/** A drag preview with no news for this long is dropped (its owner vanished mid-drag). */
export const DRAG_TTL_MS = 5000;
/** Someone writing repeats it every few seconds while their editor is open; silence ends it. */
export const EDITING_TTL_MS = 7000;

export function emptyPresence() {
  // editors: participant -> the note they are writing, {id, at}
  return { cursors: new Map(), drags: new Map(), viewports: new Map(), editors: new Map() };
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
    } else if (item.kind === PresenceKinds.editing && item.id) {
      presence.editors.set(item.p, { id: item.id, at: now });
    } else if (item.kind === PresenceKinds.editEnd && item.id) {
      if (presence.editors.get(item.p)?.id === item.id) presence.editors.delete(item.p);
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
  for (const [p, editing] of presence.editors) {
    if (now - editing.at > EDITING_TTL_MS) { presence.editors.delete(p); changed = true; }
  }
  return changed;
}

/** Who else is writing note `id` now, by name ("Anna, Ben"; `someone` for a name not known), or ''. */
export function writerNames(presence, id, participants, someone) {
  const names = [];
  for (const [p, editing] of presence.editors) if (editing.id === id) names.push(participants.get(p)?.name ?? someone);
  return names.join(', ');
}

export function forgetParticipant(presence, participantId) {
  presence.cursors.delete(participantId);
  presence.viewports?.delete(participantId);
  presence.editors?.delete(participantId);
  for (const [id, drag] of presence.drags) if (drag.p === participantId) presence.drags.delete(id);
}
