// Writing a note's text with others on the board: they see who is writing which note, what is
// typed survives a crashed tab (as a draft), and a save never silently overwrites what someone
// else saved meanwhile. Each save names the text it began from; the server refuses it inside the
// write when that text changed (edit_conflict). Both changes are then merged when they fit
// together, else both versions are offered.
import { Commands, ErrorCodes } from '../protocol.js';
import { NOTE_TEXT_MAX } from '../state/limits.js';
import { mergeTexts } from '../state/text-merge.js';
import { KEEP_BOTH, KEEP_MINE } from '../ui/conflict-dialog.js';

/** Someone writing repeats it this often; the others drop it after presence.EDITING_TTL_MS. */
const WRITING_HEARTBEAT_MS = 3000;

/**
 * @param session the board session (view, dispatch through `dispatch`, presence)
 * @param dispatch sends a command (the page's own, which notes its own changes)
 * @param drafts the page's drafts (state/drafts.js): the open editor's text is kept there
 * @param offerConflict shows both versions; resolves with KEEP_BOTH, KEEP_MINE or KEEP_THEIRS
 * @param tell says a short message to everyone at the screen (live region and toast)
 */
export function createNoteWriting({ session, dispatch, drafts, offerConflict, tell, t }) {
  let writingNote = null;
  let heartbeat = null;

  function nameOf(participantId) {
    return session.view.participants.get(participantId)?.name ?? t('note.someone');
  }

  /** `mine` and `theirs` both changed from `baseText`: the text to save, merged or chosen. */
  async function settle({ id, room, baseText, mine, theirs, by }) {
    const name = nameOf(by);
    const merged = mergeTexts(baseText, mine, theirs);
    let text;
    if (merged.clean) {
      text = merged.text;
      tell(t('conflict.merged', { name }));
    } else {
      const choice = await offerConflict({ name, mineText: mine, theirsText: theirs });
      text = choice === KEEP_MINE ? mine : choice === KEEP_BOTH ? `${theirs}\n\n${mine}`.slice(0, NOTE_TEXT_MAX) : theirs;
    }
    if (text !== theirs) dispatch({ type: Commands.noteUpdate, room, id, patch: { text }, baseText: theirs });
  }

  return {
    /** Saves text written from `baseText`; someone else's save meanwhile is merged or offered. */
    save({ id, room, text, baseText }) {
      const now = room === session.room ? session.view.notes.get(id) : null;
      if (now && (now.text ?? '') !== baseText) {
        // Once the editor has closed and given the focus back to its note: a dialog opened
        // before that would return the focus to an editor that is gone.
        queueMicrotask(() => settle({ id, room, baseText, mine: text, theirs: now.text ?? '', by: now.textBy }));
        return;
      }
      dispatch({ type: Commands.noteUpdate, room, id, patch: { text }, baseText });
    },

    /** A refused command: true when it was a save that met someone else's (settled here). */
    refused({ command, code, reply }) {
      if (code !== ErrorCodes.editConflict || command.type !== Commands.noteUpdate) return false;
      // The text of a note hidden from me is not told: nothing to merge with, the error says why.
      if (typeof reply?.text !== 'string') return false;
      const note = command.room === session.room ? session.view.notes.get(command.id) : null;
      settle({
        id: command.id, room: command.room, baseText: command.baseText ?? '', mine: command.patch.text,
        theirs: reply.text, by: note?.textBy,
      });
      return true;
    },

    /** The open editor as typed: kept for a crashed tab, and the others see who writes. */
    writing(entry) {
      drafts.writing(entry);
      if (writingNote === entry.id) return;
      writingNote = entry.id;
      session.sendEditing(entry.id);
      clearInterval(heartbeat);
      heartbeat = setInterval(() => session.sendEditing(writingNote), WRITING_HEARTBEAT_MS);
    },

    /** The editor closed. */
    writingDone(id) {
      drafts.doneWriting();
      if (writingNote !== id) return;
      clearInterval(heartbeat);
      heartbeat = null;
      writingNote = null;
      session.sendEditEnd(id);
    },
  };
}
