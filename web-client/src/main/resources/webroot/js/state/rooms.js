// Breakout rooms, pure: which room someone is in (as the server's RoomAccess decides it),
// room names and members, and what a refused sync tells about where we are.
import { isValidId } from '../ids.js';
import { PLENARY_ROOM } from './limits.js';

/**
 * The room whose notes this person sees and changes.
 * Participants and observers: their assigned room while breakout rooms are open, else the
 * plenary. Facilitators: the room they chose to look at (the plenary by default), as long
 * as it exists (`roomsKnown`: the board state has been read, so an unknown room is gone).
 */
export function currentRoomOf(state, self, chosen = null, roomsKnown = true) {
  if (self?.role === 'facilitator') {
    if (!chosen || chosen === PLENARY_ROOM) return PLENARY_ROOM;
    if (roomsKnown && !state.rooms?.has(chosen)) return PLENARY_ROOM;
    return chosen;
  }
  const me = state.participants?.get(self?.id) ?? null;
  const assigned = me ? me.room : self?.room;
  return state.settings?.breakout === 'open' && assigned ? assigned : PLENARY_ROOM;
}

/** Breakout rooms in a stable order (creation, then name, then id). */
export function breakoutRooms(rooms) {
  return [...(rooms?.values() ?? [])]
    .filter((r) => r && r.id !== PLENARY_ROOM && r.kind !== 'plenary')
    .sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0)
      || String(a.name ?? '').localeCompare(String(b.name ?? ''), undefined, { numeric: true })
      || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A room's display name; the plenary's comes from the UI language. */
export function roomName(rooms, id, plenaryName) {
  if (!id || id === PLENARY_ROOM) return plenaryName;
  return rooms?.get(id)?.name || id;
}

/** Participants (not facilitators or observers) assigned to each breakout room: Map room -> [participant]. */
export function membersByRoom(participants, rooms) {
  const members = new Map(breakoutRooms(rooms).map((r) => [r.id, []]));
  for (const p of participants?.values() ?? []) {
    if (p.room && members.has(p.room)) members.get(p.room).push(p);
  }
  for (const list of members.values()) list.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return members;
}

/** Whether participants pick their room themselves now. */
export function choosingRooms(settings, rooms) {
  return settings?.assignMode === 'choice' && breakoutRooms(rooms).length > 0;
}

/**
 * A participant's sync for a room was refused with not_allowed: where to try next.
 * The refusal names the room they are in (`room`); without it, the other of the plenary and
 * the assigned room.
 */
export function roomAfterRefusal(namedRoom, triedRoom, assignedRoom) {
  if (isValidId(namedRoom) && namedRoom !== triedRoom) {
    return namedRoom;
  }
  if (triedRoom !== PLENARY_ROOM) return PLENARY_ROOM;
  return assignedRoom && assignedRoom !== triedRoom ? assignedRoom : null;
}

/** Default names of n new rooms: "Raum 1..n" / "Room 1..n", numbered after the existing ones. */
export function defaultRoomNames(count, prefix, existing = 0) {
  return Array.from({ length: count }, (_, i) => `${prefix} ${existing + i + 1}`);
}

/** The room asked for in a board page address: `#room=<id>` (facilitators). */
export function roomFromHash(hash) {
  const value = new URLSearchParams(String(hash ?? '').replace(/^#/, '')).get('room');
  return isValidId(value) ? value : null;
}
