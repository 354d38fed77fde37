// Snapshots and downloads of the documented result, pure: the order of the list, how a
// snapshot is named (Werkraum's own ones by their occasion, in the reader's language), dates
// and times as people read them, which rooms a snapshot has, and the export formats.
import { Events } from '../protocol.js';
import { PLENARY_ROOM } from './limits.js';
import { breakoutRooms } from './rooms.js';

/** The export formats as the server names them (`GET .../export/<format>`), in the order offered. */
export const EXPORT_FORMATS = ['pdf', 'md', 'csv', 'json', 'svg', 'png'];

/** Formats that picture one room (the others cover the whole board). */
export function isPictureFormat(format) {
  return format === 'svg' || format === 'png';
}

/** Snapshots newest first (ties: by id, so the order is stable). `snapshots` is the state's Map. */
export function snapshotsNewestFirst(snapshots) {
  return [...(snapshots?.values() ?? [])].sort((a, b) => (b.takenAt ?? 0) - (a.takenAt ?? 0)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * What a snapshot is called: the name a facilitator gave it, or for one Werkraum took on its
 * own a description of the occasion ("Automatic: voting round “X” closed").
 */
export function snapshotLabel(snapshot, t) {
  const name = typeof snapshot?.name === 'string' ? snapshot.name.trim() : '';
  if (name) return name;
  if (snapshot?.occasion === Events.roundClosed) {
    return t('snapshots.auto.roundClosed', { title: snapshot.subject || t('voting.untitled') });
  }
  if (snapshot?.occasion === 'rooms.closed') return t('snapshots.auto.roomsClosed');
  return t('snapshots.unnamed');
}

/** Whether Werkraum took the snapshot itself (a round or the breakout rooms closed). */
export function isAutomatic(snapshot) {
  return Boolean(snapshot?.occasion) && !(typeof snapshot.name === 'string' && snapshot.name.trim());
}

/** A moment (ms) as date and time in the UI language: "14.03.2026, 10:32" / "14 Mar 2026, 10:32". */
export function formatDateTime(ms, lang) {
  if (!Number.isFinite(ms)) return '';
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

/**
 * The rooms a board had at a moment, the plenary first: rooms are never deleted, so those
 * created up to then. `at` null: all of them (the live board).
 */
export function roomsAt(rooms, at = null) {
  const breakout = breakoutRooms(rooms).filter((room) => at === null || (room.createdAt ?? 0) <= at);
  return [{ id: PLENARY_ROOM, name: null, kind: 'plenary' }, ...breakout];
}
