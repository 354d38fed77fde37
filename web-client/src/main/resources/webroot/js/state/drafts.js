// Text written while the board was locked: the server refuses the save, and without this the
// words would be gone. A refused note text is kept here (and in this browser's storage, so a
// reload keeps it too), shown on the note as a draft, and saved once the board is open again.
import { Commands } from '../protocol.js';

/** Whether a refused command carries note text worth keeping. */
function textOf(command) {
  if (command?.type === Commands.noteUpdate && typeof command.patch?.text === 'string') return command.patch.text;
  return null;
}

export function createDrafts(storage, boardId) {
  const key = `werkraum.drafts.${boardId}`;
  /** note id -> { room, text } */
  let drafts = new Map();
  try {
    drafts = new Map(Object.entries(JSON.parse(storage?.getItem(key) ?? '{}')));
  } catch { /* a damaged entry holds nothing */ }

  function persist() {
    try {
      if (drafts.size === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify(Object.fromEntries(drafts)));
    } catch { /* kept for this page at least */ }
  }

  return {
    /** Keeps the text of a refused note.update; true when it was one. */
    keep(command) {
      const text = textOf(command);
      if (text === null) return false;
      drafts.set(command.id, { room: command.room, text });
      persist();
      return true;
    },
    get size() { return drafts.size; },
    /** The notes of `room` with their drafts shown (a new map only when there are drafts). */
    overlay(notes, room) {
      let shown = notes;
      for (const [id, draft] of drafts) {
        const note = notes.get(id);
        if (draft.room !== room || !note) continue;
        if (shown === notes) shown = new Map(notes);
        shown.set(id, { ...note, text: draft.text, draft: true });
      }
      return shown;
    },
    /** The drafts as note.update commands to send (without commandId), and forgets them. */
    takeAll() {
      const commands = [...drafts].map(([id, draft]) => ({ type: Commands.noteUpdate, room: draft.room, id, patch: { text: draft.text } }));
      drafts = new Map();
      persist();
      return commands;
    },
    /** A note whose draft is no longer wanted (it was deleted, or saved again by the author). */
    forget(id) {
      if (drafts.delete(id)) persist();
    },
  };
}
