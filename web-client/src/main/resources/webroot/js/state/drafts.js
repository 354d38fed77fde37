// Text written but not saved must not be gone. Two cases keep it here (and in this browser's
// storage, so a reload or a crashed tab keeps it too):
// - the server refused the save because the board was locked: the text stays on the note as a
//   draft and is saved once the board is open again;
// - the page ended while a note's editor was open: what was typed so far becomes a draft, saved
//   when the page opens again.
// A draft is saved with the text it began from, so it never silently overwrites someone else's.
import { Commands } from '../protocol.js';

/** Whether a refused command carries note text worth keeping. */
function textOf(command) {
  if (command?.type === Commands.noteUpdate && typeof command.patch?.text === 'string') return command.patch.text;
  return null;
}

function read(storage, key) {
  try {
    return JSON.parse(storage?.getItem(key) ?? 'null');
  } catch {
    return null; // a damaged entry holds nothing
  }
}

function write(storage, key, value) {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch { /* kept for this page at least */ }
}

export function createDrafts(storage, boardId) {
  const key = `werkraum.drafts.${boardId}`;
  const writingKey = `werkraum.writing.${boardId}`;
  /** note id -> { room, text, baseText } */
  const drafts = new Map(Object.entries(read(storage, key) ?? {}));
  // An editor that was open when the page ended: its text is a draft now.
  const leftOpen = read(storage, writingKey);
  if (leftOpen && typeof leftOpen.id === 'string' && typeof leftOpen.text === 'string' && leftOpen.text !== leftOpen.baseText) {
    drafts.set(leftOpen.id, { room: leftOpen.room, text: leftOpen.text, baseText: leftOpen.baseText });
  }
  write(storage, writingKey, null);
  persist();

  function persist() {
    write(storage, key, drafts.size === 0 ? null : Object.fromEntries(drafts));
  }

  return {
    /** Keeps the text of a refused note.update; true when it was one. */
    keep(command) {
      const text = textOf(command);
      if (text === null) return false;
      // A second refused save of the same note began from the first draft: the draft still
      // begins where the first one did.
      const baseText = drafts.has(command.id) ? drafts.get(command.id).baseText : command.baseText;
      drafts.set(command.id, { room: command.room, text, baseText });
      persist();
      return true;
    },
    /** The open editor's text as typed: {id, room, text, baseText}. */
    writing(entry) {
      write(storage, writingKey, entry);
    },
    /** The editor closed (its text was handed on to be saved, or left as it was). */
    doneWriting() {
      write(storage, writingKey, null);
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
      const commands = [...drafts].map(([id, draft]) => ({
        type: Commands.noteUpdate, room: draft.room, id, patch: { text: draft.text },
        ...(typeof draft.baseText === 'string' ? { baseText: draft.baseText } : {}),
      }));
      drafts.clear();
      persist();
      return commands;
    },
  };
}
