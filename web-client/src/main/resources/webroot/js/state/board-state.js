// The board as the server last told us (confirmed state), the functions that apply
// stored events to it, and the overlay of our own not yet confirmed commands.
// Confirmed state is mutated in place (rooms hold up to 5,000 notes; copying on every
// event would be wasteful); the overlay builds a new view object and never mutates.

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
    case 'participant.joined':
      if (event.participant?.id) state.participants.set(event.participant.id, { ...event.participant });
      break;
    case 'participant.updated': {
      const current = state.participants.get(event.id);
      if (current) state.participants.set(event.id, { ...current, ...event.patch });
      break;
    }
    case 'board.updated':
      if (state.board) state.board = { ...state.board, ...event.patch };
      break;
    case 'participant.removed':
      state.participants.delete(event.id);
      if (state.online.has(event.id)) {
        state.online = new Set(state.online);
        state.online.delete(event.id);
      }
      break;
    case 'settings.updated':
      state.settings = applySettingsPatch(state.settings, event.patch);
      break;
    case 'rooms.created':
      if (Array.isArray(event.rooms)) {
        state.rooms = new Map(state.rooms);
        for (const room of event.rooms) if (room?.id) state.rooms.set(room.id, { kind: 'breakout', ...room });
      }
      break;
    case 'rooms.assigned': {
      // The store writes each participant's room and the mode together.
      for (const [id, room] of Object.entries(event.assignments ?? {})) {
        const current = state.participants.get(id);
        if (current) state.participants.set(id, { ...current, room: room ?? null });
      }
      if (event.mode) state.settings = applySettingsPatch(state.settings, { assignMode: event.mode });
      break;
    }
    case 'round.started':
    case 'round.closed':
    case 'round.updated':
      if (event.round?.id) state.rounds.set(event.round.id, { ...(state.rounds.get(event.round.id) ?? {}), ...event.round });
      break;
    case 'snapshot.taken':
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
 * rooms.harvested (a breakout room's notes arriving in the plenary under a new section).
 * A created note whose event says `hidden` is hidden (the note itself does not say so).
 */
export function applyRoomEvent(state, event) {
  if (event.type === 'notes.revealed') {
    for (const note of event.notes ?? []) {
      if (!note?.id) continue;
      const revealed = { ...(state.notes.get(note.id) ?? {}), ...note };
      delete revealed.hidden;
      state.notes.set(note.id, revealed);
    }
    return;
  }
  if (event.type === 'rooms.harvested') {
    if (event.section?.id) state.sections.set(event.section.id, { ...event.section });
    for (const note of event.notes ?? []) if (note?.id) state.notes.set(note.id, { ...note });
    return;
  }
  const [kind, action] = String(event.type).split('.');
  const collection = kind === 'note' ? state.notes : kind === 'section' ? state.sections : null;
  if (!collection) return;
  switch (action) {
    case 'created': {
      const item = event[kind];
      if (item?.id) collection.set(item.id, event.hidden && kind === 'note' ? { ...item, hidden: true } : { ...item });
      break;
    }
    case 'updated': {
      const current = collection.get(event.id);
      if (current) {
        const updated = { ...current, ...event.patch };
        if (event.updatedAt !== undefined) updated.updatedAt = event.updatedAt;
        collection.set(event.id, updated);
      }
      break;
    }
    case 'deleted':
      collection.delete(event.id);
      break;
    default:
      break;
  }
}

/**
 * Turns one of our own commands into the event the server would produce, so the
 * overlay and the confirmed state share one set of rules.
 */
export function commandToEvent(command, selfId, now) {
  switch (command.type) {
    case 'note.create':
      return { type: 'note.created', room: command.room, note: { author: selfId, createdAt: now, updatedAt: now, text: '', ...command.note } };
    case 'section.create':
      return { type: 'section.created', room: command.room, section: { author: selfId, createdAt: now, updatedAt: now, title: '', ...command.section } };
    case 'note.update':
    case 'section.update':
      return { type: command.type.replace('update', 'updated'), room: command.room, id: command.id, patch: command.patch, by: selfId, updatedAt: now };
    case 'note.delete':
    case 'section.delete':
      return { type: command.type.replace('delete', 'deleted'), room: command.room, id: command.id };
    case 'participant.update':
      return { type: 'participant.updated', id: selfId, patch: command.patch };
    default:
      return null;
  }
}

/** Which stream a command's event lands on. */
export function streamOf(command) {
  if (command.type === 'rooms.harvest' || command.type === 'private.reveal') return 'room';
  return command.type.startsWith('note.') || command.type.startsWith('section.') ? 'room' : 'board';
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
    const event = commandToEvent(command, selfId, now);
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
