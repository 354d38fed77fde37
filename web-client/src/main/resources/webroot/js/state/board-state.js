// The board as the server last told us (confirmed state), the functions that apply
// stored events to it, and the overlay of our own not yet confirmed commands.
// Confirmed state is mutated in place (rooms hold up to 5,000 notes; copying on every
// event would be wasteful); the overlay builds a new view object and never mutates.
import { ANONYMOUS_AUTHOR, Commands, Events } from '../protocol.js';

export function emptyBoardState() {
  return {
    board: null,
    participants: new Map(),
    online: new Set(),
    notes: new Map(),
    sections: new Map(),
    /** Board settings: locked, timer, broadcast, spotlight, focus, follow, shownRound. */
    settings: {},
    /** Voting rounds by id: open ones without counts, closed ones with their results. */
    rounds: new Map(),
    /** Rooms by id: the plenary (`main`) and breakout rooms {id, name, kind, createdAt}. */
    rooms: new Map(),
    /** Snapshots by id: {id, name?, occasion?, subject?, takenAt, by}; their content is read over HTTP. */
    snapshots: new Map(),
  };
}

export function applyFullBoard(state, full) {
  state.board = full.board ? { ...full.board } : state.board;
  state.participants = new Map((full.participants ?? []).map((p) => [p.id, { ...p }]));
  state.online = new Set(full.online ?? []);
  state.settings = full.settings && typeof full.settings === 'object' ? { ...full.settings } : {};
  const rounds = Array.isArray(full.rounds) ? full.rounds : Object.values(full.rounds ?? {});
  state.rounds = new Map(rounds.filter((r) => r && r.id).map((r) => [r.id, { ...r }]));
  const rooms = Array.isArray(full.rooms) ? full.rooms : Object.values(full.rooms ?? {});
  state.rooms = new Map(rooms.filter((r) => r && r.id).map((r) => [r.id, { ...r }]));
  const snapshots = Array.isArray(full.snapshots) ? full.snapshots : Object.values(full.snapshots ?? {});
  state.snapshots = new Map(snapshots.filter((s) => s && s.id).map((s) => [s.id, { ...s }]));
}

export function applyFullRoom(state, full) {
  state.notes = new Map((full.notes ?? []).map((n) => [n.id, { ...n }]));
  state.sections = new Map((full.sections ?? []).map((s) => [s.id, { ...s }]));
}

export function setOnline(state, ids) {
  state.online = new Set(Array.isArray(ids) ? ids : []);
}

/** Board stream events. Unknown types are ignored so newer servers stay compatible. */
export function applyBoardEvent(state, event) {
  switch (event.type) {
    case Events.participantJoined:
      if (event.participant?.id) state.participants.set(event.participant.id, { ...event.participant });
      break;
    case Events.participantUpdated: {
      const current = state.participants.get(event.id);
      if (current) state.participants.set(event.id, { ...current, ...event.patch });
      break;
    }
    case Events.participantErased:
      // Their notes go, or stay by "a participant" (the server did the same to the stored board).
      for (const [id, note] of state.notes) {
        if (note.author !== event.id) continue;
        if (event.notesDeleted) state.notes.delete(id);
        else state.notes.set(id, { ...note, author: ANONYMOUS_AUTHOR });
      }
      state.participants.delete(event.id);
      if (state.online.has(event.id)) {
        state.online = new Set(state.online);
        state.online.delete(event.id);
      }
      break;
    case Events.participantRemoved:
      state.participants.delete(event.id);
      if (state.online.has(event.id)) {
        state.online = new Set(state.online);
        state.online.delete(event.id);
      }
      break;
    case Events.settingsUpdated:
      state.settings = applySettingsPatch(state.settings, event.patch);
      break;
    case Events.roomsCreated:
      if (Array.isArray(event.rooms)) {
        state.rooms = new Map(state.rooms);
        for (const room of event.rooms) if (room?.id) state.rooms.set(room.id, { kind: 'breakout', ...room });
      }
      break;
    case Events.roomsAssigned: {
      // The store writes each participant's room and the mode together.
      for (const [id, room] of Object.entries(event.assignments ?? {})) {
        const current = state.participants.get(id);
        if (current) state.participants.set(id, { ...current, room: room ?? null });
      }
      if (event.mode) state.settings = applySettingsPatch(state.settings, { assignMode: event.mode });
      break;
    }
    case Events.roundStarted:
    case Events.roundClosed:
      if (event.round?.id) state.rounds.set(event.round.id, { ...(state.rounds.get(event.round.id) ?? {}), ...event.round });
      break;
    case Events.snapshotTaken:
      if (event.snapshot?.id) {
        state.snapshots = new Map(state.snapshots);
        state.snapshots.set(event.snapshot.id, { ...event.snapshot });
      }
      break;
    default:
      break;
  }
}

/** settings.updated merges its patch key by key; a null value clears that setting. */
export function applySettingsPatch(settings, patch) {
  const next = { ...(settings ?? {}) };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * Room stream events: note.*, section.*, notes.revealed (hidden notes, whole) and
 * rooms.harvested (a breakout room's notes arriving in the plenary under its section; a repeated
 * harvest re-sends that section and the copies, and names the copies to remove).
 * A created note whose event says `hidden` is hidden (the note itself does not say so).
 */
export function applyRoomEvent(state, event) {
  switch (event.type) {
    case Events.noteCreated:
      if (event.note?.id) state.notes.set(event.note.id, event.hidden ? { ...event.note, hidden: true } : { ...event.note });
      break;
    case Events.sectionCreated:
      if (event.section?.id) state.sections.set(event.section.id, { ...event.section });
      break;
    case Events.noteUpdated:
      patchItem(state.notes, event);
      break;
    case Events.sectionUpdated:
      patchItem(state.sections, event);
      break;
    case Events.noteDeleted:
      state.notes.delete(event.id);
      break;
    case Events.sectionDeleted:
      state.sections.delete(event.id);
      break;
    case Events.notesRevealed:
      for (const note of event.notes ?? []) {
        if (!note?.id) continue;
        const revealed = { ...(state.notes.get(note.id) ?? {}), ...note };
        delete revealed.hidden;
        state.notes.set(note.id, revealed);
      }
      break;
    case Events.roomsHarvested:
      if (event.section?.id) state.sections.set(event.section.id, { ...event.section });
      for (const id of event.removed ?? []) state.notes.delete(id);
      for (const note of event.notes ?? []) if (note?.id) state.notes.set(note.id, { ...note });
      break;
    default:
      break;
  }
}

function patchItem(collection, event) {
  const current = collection.get(event.id);
  if (!current) return;
  const updated = { ...current, ...event.patch };
  if (event.updatedAt !== undefined) updated.updatedAt = event.updatedAt;
  // Who saved the text last: the one an editor open meanwhile names ("Anna changed it").
  if (typeof event.patch?.text === 'string' && event.by) updated.textBy = event.by;
  collection.set(event.id, updated);
}

/**
 * Turns one of our own commands into the event the server would produce, so the
 * overlay and the confirmed state share one set of rules. `notes` are the room's notes as
 * shown so far (note.duplicate copies its source from them); null when there is no event
 * to show (a command the overlay does not preview, or a duplicate of an unknown note).
 */
export function commandToEvent(command, selfId, now, notes = new Map()) {
  const stamp = { author: selfId, createdAt: now, updatedAt: now };
  switch (command.type) {
    case Commands.noteCreate:
      return { type: Events.noteCreated, room: command.room, note: { ...stamp, text: '', ...command.note } };
    case Commands.noteDuplicate: {
      // The server copies text, colour and size of the source into a note of the sender's.
      const source = notes.get(command.id);
      if (!source || !command.note?.id) return null;
      const { text = '', color, w, h } = source;
      const { id, x, y } = command.note;
      return { type: Events.noteCreated, room: command.room, note: { ...stamp, text, color, w, h, id, x, y } };
    }
    case Commands.sectionCreate:
      return { type: Events.sectionCreated, room: command.room, section: { ...stamp, title: '', ...command.section } };
    case Commands.noteUpdate:
      return { type: Events.noteUpdated, room: command.room, id: command.id, patch: command.patch, by: selfId, updatedAt: now };
    case Commands.sectionUpdate:
      return { type: Events.sectionUpdated, room: command.room, id: command.id, patch: command.patch, by: selfId, updatedAt: now };
    case Commands.noteDelete:
      return { type: Events.noteDeleted, room: command.room, id: command.id };
    case Commands.sectionDelete:
      return { type: Events.sectionDeleted, room: command.room, id: command.id };
    case Commands.participantUpdate:
      return { type: Events.participantUpdated, id: selfId, patch: command.patch };
    default:
      return null;
  }
}

/** Commands the overlay shows at once, before the server confirms them (see commandToEvent). */
const PREVIEWED_COMMANDS = new Set([
  Commands.noteCreate, Commands.noteDuplicate, Commands.noteUpdate, Commands.noteDelete,
  Commands.sectionCreate, Commands.sectionUpdate, Commands.sectionDelete, Commands.participantUpdate,
]);

/** Whether a command is shown optimistically (dispatched) rather than awaited (requested). */
export function isPreviewed(command) {
  return PREVIEWED_COMMANDS.has(command?.type);
}

/** Commands whose event lands on a room's stream; every other command's lands on the board's. */
const ROOM_STREAM_COMMANDS = new Set([
  Commands.noteCreate, Commands.noteUpdate, Commands.noteDelete, Commands.noteDuplicate,
  Commands.sectionCreate, Commands.sectionUpdate, Commands.sectionDelete,
  Commands.roomsHarvest, Commands.privateReveal,
]);

/** Which stream a command's event lands on: 'room' or 'board' (as EVENT_STREAMS names them). */
export function streamOf(command) {
  return ROOM_STREAM_COMMANDS.has(command.type) ? 'room' : 'board';
}

/**
 * The state the user sees: confirmed state plus our pending commands, in the order
 * they were issued. Returns a new object; `state` is left untouched.
 */
export function overlayPending(state, pendingCommands, selfId, now = 0) {
  if (pendingCommands.length === 0) return state;
  const view = {
    board: state.board,
    participants: new Map(state.participants),
    online: state.online,
    notes: new Map(state.notes),
    sections: new Map(state.sections),
    settings: state.settings,
    rounds: state.rounds,
    rooms: state.rooms,
    snapshots: state.snapshots,
  };
  for (const command of pendingCommands) {
    const event = commandToEvent(command, selfId, now, view.notes);
    if (!event) continue;
    if (streamOf(command) === 'board') applyBoardEvent(view, event);
    else applyRoomEvent(view, event);
  }
  return view;
}

/** Notes in reading order (top to bottom in bands, then left to right) for tab order. */
export function readingOrder(items, bandHeight = 120) {
  return [...items].sort((a, b) => {
    const bandA = Math.floor(a.y / bandHeight);
    const bandB = Math.floor(b.y / bandHeight);
    if (bandA !== bandB) return bandA - bandB;
    if (a.x !== b.x) return a.x - b.x;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
