// Private writing, pure: the texts of hidden notes this browser may read (mine; all of them
// for facilitators), kept apart from the room state. Room events about hidden notes arrive
// without their text (a created note with text ""); the whole event comes as note.private on
// our own address, in either order, so the known text must survive a redacted event.
import { Events } from '../protocol.js';

/** Whether `self` may read a hidden note of `author` (as the server's Privacy.mayRead). */
export function mayReadHidden(self, author) {
  return self?.role === 'facilitator' || (Boolean(author) && author === self?.id);
}

/** Learns from a whole event (the `event` of note.private, or a readable event of a sync delta). */
export function learnFromEvent(texts, event) {
  if (!event || typeof event !== 'object') return;
  switch (event.type) {
    case Events.noteCreated:
      if (event.note?.id) texts.set(event.note.id, event.note.text ?? '');
      break;
    case Events.noteUpdated:
      if (event.id && event.patch && typeof event.patch.text === 'string') texts.set(event.id, event.patch.text);
      break;
    case Events.noteDeleted:
      texts.delete(event.id);
      break;
    case Events.roomsHarvested:
      for (const id of event.removed ?? []) texts.delete(id);
      for (const note of event.notes ?? []) {
        if (note?.id && note.hidden) texts.set(note.id, note.text ?? '');
      }
      break;
    case Events.notesRevealed:
      for (const note of event.notes ?? []) if (note?.id) texts.delete(note.id);
      break;
    default:
      break;
  }
}

/**
 * Learns from a room event as the server sent it to us: whole in a sync's delta when we may
 * read it; on the room address always without the text (a created note with text ""),
 * which must not wipe a text we know.
 */
export function learnFromRoomEvent(texts, event, self) {
  if (event?.type === Events.notesRevealed || event?.type === Events.noteDeleted) {
    learnFromEvent(texts, event);
  } else if (event?.type === Events.noteCreated && event.hidden) {
    const id = event.note?.id;
    if (id && mayReadHidden(self, event.author) && (event.note.text || !texts.has(id))) texts.set(id, event.note.text ?? '');
  } else if (event?.hidden && mayReadHidden(self, event.author)) {
    learnFromEvent(texts, event);
  } else if (event?.type === Events.roomsHarvested) {
    for (const id of event.removed ?? []) texts.delete(id);
    for (const note of event.notes ?? []) {
      if (note?.id && note.hidden && mayReadHidden(self, note.author) && (note.text || !texts.has(note.id))) texts.set(note.id, note.text ?? '');
    }
  }
}

/** Learns from a room's full state (a sync): texts of hidden notes we may read are whole there. */
export function learnFromNotes(texts, notes, self) {
  for (const note of notes ?? []) {
    if (note?.id && note.hidden && mayReadHidden(self, note.author)) texts.set(note.id, note.text ?? '');
  }
}

/**
 * The state with the known texts of hidden notes put in (a new object when anything
 * changed; `state` is left untouched).
 */
export function withHiddenTexts(state, texts) {
  if (!texts || texts.size === 0) return state;
  let notes = null;
  for (const [id, text] of texts) {
    const note = state.notes.get(id);
    if (!note || !note.hidden || note.text === text) continue;
    if (!notes) notes = new Map(state.notes);
    notes.set(id, { ...note, text });
  }
  return notes ? { ...state, notes } : state;
}

/**
 * How a note shows: 'visible' (not hidden), 'mine' (hidden, my own: only I see it),
 * 'facilitator' (hidden, a facilitator sees the text), 'placeholder' (hidden, no text).
 */
export function noteVisibility(note, self) {
  if (!note?.hidden) return 'visible';
  if (note.author && note.author === self?.id) return 'mine';
  if (self?.role === 'facilitator') return 'facilitator';
  return 'placeholder';
}
