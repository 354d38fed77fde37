// A snapshot's content (an export document: `server/.../export/BoardDocument.java`) in the
// shapes the board UI works with: rooms, and each room's notes and sections as Maps by id;
// participants by id; the closed voting rounds with results. Pure.
import { PLENARY_ROOM } from './limits.js';

const list = (value) => (Array.isArray(value) ? value : []);
const byId = (items) => new Map(list(items).filter((item) => item && item.id).map((item) => [item.id, { ...item }]));

/** The document's rooms by id ({id, name, kind, createdAt}, without their content). */
export function documentRooms(doc) {
  return new Map(list(doc?.rooms).filter((room) => room && room.id).map((room) => [room.id, {
    id: room.id, name: room.name, kind: room.kind ?? (room.id === PLENARY_ROOM ? 'plenary' : 'breakout'), createdAt: room.createdAt,
  }]));
}

/** One room's notes and sections (empty when the document has no such room). */
export function documentRoomContent(doc, roomId) {
  const room = list(doc?.rooms).find((r) => r && r.id === roomId);
  return { notes: byId(room?.notes), sections: byId(room?.sections) };
}

/** The document's participants by id: the record of who wrote what. */
export function documentParticipants(doc) {
  return byId(doc?.participants);
}

/** Closed rounds with results, the newest first. */
export function closedRounds(doc) {
  return list(doc?.rounds)
    .filter((round) => round && round.id && round.status === 'closed' && round.results)
    .sort((a, b) => (b.closedAt ?? b.startedAt ?? 0) - (a.closedAt ?? a.startedAt ?? 0));
}
