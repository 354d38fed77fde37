// The control view's overview of breakout rooms, pure: all rooms are polled with one
// `rooms.watch {rooms: {room: seq}}`; the replies keep a small copy of each room's notes and
// sections (for the thumbnail), and the growth of its stream's sequence number since the last
// poll is its live activity.
import { Commands } from '../protocol.js';
import { applyRoomEvent } from './board-state.js';
import { noteColor } from './limits.js';

export function createRoomWatch() {
  return { seq: null, notes: new Map(), sections: new Map(), activity: 0, polls: 0, needsFull: false, lastActiveAt: null };
}

/**
 * The command that polls the rooms `roomIds` at once: for each, a delta after what its watch
 * (in `watches`, room id -> watch) holds, or the full state (null) for a room not held yet.
 */
export function watchCommand(watches, roomIds) {
  const rooms = {};
  for (const id of roomIds) {
    const watch = watches.get(id);
    rooms[id] = watch && watch.seq !== null && !watch.needsFull ? watch.seq : null;
  }
  return { type: Commands.roomsWatch, rooms };
}

/**
 * Applies the room part of a poll's reply. `activity` becomes the number of events the
 * room's stream got since the previous poll (0 on the first); `lastActiveAt` the poll's time
 * `now` when there were any.
 */
export function applyRoomPoll(watch, part, now = Date.now()) {
  if (!part || typeof part !== 'object') return watch;
  const before = watch.seq;
  if (part.mode === 'full') {
    const state = part.state ?? {};
    watch.notes = new Map((state.notes ?? []).map((n) => [n.id, { ...n }]));
    watch.sections = new Map((state.sections ?? []).map((s) => [s.id, { ...s }]));
    watch.seq = Number(part.seq) || 0;
    watch.needsFull = false;
  } else if (part.mode === 'delta') {
    const events = [...(part.events ?? [])].filter((e) => typeof e?.seq === 'number').sort((a, b) => a.seq - b.seq);
    let seq = watch.seq ?? 0;
    for (const event of events) {
      if (event.seq <= seq) continue;
      if (event.seq > seq + 1) watch.needsFull = true; // the log no longer holds the gap
      applyRoomEvent(watch, event);
      seq = event.seq;
    }
    watch.seq = seq;
  }
  watch.activity = before === null ? 0 : activitySince(before, watch.seq);
  if (watch.activity > 0) watch.lastActiveAt = now;
  watch.polls += 1;
  return watch;
}

/** Events between two polls (never negative: a reset stream counts as quiet). */
export function activitySince(previousSeq, seq) {
  if (typeof previousSeq !== 'number' || typeof seq !== 'number') return 0;
  return Math.max(0, seq - previousSeq);
}

/** A word for the activity: none, some (1-4 events in a poll interval), busy (5 or more). */
export function activityLevel(events) {
  if (!events) return 'none';
  return events >= 5 ? 'busy' : 'some';
}

/**
 * Shapes of a mini-map of the room, in a `width` x `height` box: sections as outlines,
 * notes as coloured blocks (no texts). Returns {sections, notes} with box coordinates.
 */
export function thumbnailShapes(watch, width, height, padding = 4) {
  const items = [...watch.sections.values(), ...watch.notes.values()].filter((i) => Number.isFinite(i.x) && Number.isFinite(i.y));
  if (items.length === 0) return { sections: [], notes: [] };
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  for (const i of items) {
    minX = Math.min(minX, i.x);
    minY = Math.min(minY, i.y);
    maxX = Math.max(maxX, i.x + (i.w || 0));
    maxY = Math.max(maxY, i.y + (i.h || 0));
  }
  const scale = Math.min((width - 2 * padding) / Math.max(1, maxX - minX), (height - 2 * padding) / Math.max(1, maxY - minY));
  const offsetX = padding + ((width - 2 * padding) - (maxX - minX) * scale) / 2;
  const offsetY = padding + ((height - 2 * padding) - (maxY - minY) * scale) / 2;
  const place = (i) => ({
    x: round(offsetX + (i.x - minX) * scale),
    y: round(offsetY + (i.y - minY) * scale),
    w: Math.max(1, round((i.w || 0) * scale)),
    h: Math.max(1, round((i.h || 0) * scale)),
  });
  return {
    sections: [...watch.sections.values()].map(place),
    notes: [...watch.notes.values()].map((n) => ({ ...place(n), color: noteColor(n.color) })),
  };
}

function round(value) {
  return Math.round(value * 10) / 10;
}
