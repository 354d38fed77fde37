// What others changed on the board, gathered for a screen reader: one polite summary per
// quiet spell ("3 new notes by Anna and Ben, 1 changed"), never one announcement per edit or
// keystroke of someone else. Pure: the caller compares views and asks when to speak.
import { sectionOf } from './board-outline.js';

/** A summary is spoken this long after the first change it holds. */
export const DIGEST_WINDOW_MS = 3000;
/** Changes to a note this person changed themselves within this time are their own, not news. */
const OWN_CHANGE_MS = 15000;

export function createChangeDigest({ windowMs = DIGEST_WINDOW_MS } = {}) {
  const own = new Map();
  let pending = null;

  function fresh(now) {
    return { since: now, created: new Set(), edited: new Set(), moved: new Set(), deleted: new Set(), authors: new Set() };
  }

  function isOwn(id, now) {
    const until = own.get(id);
    if (until === undefined) return false;
    if (until < now) {
      own.delete(id);
      return false;
    }
    return true;
  }

  return {
    /** This person changes note `id` (their own changes are not announced to them). */
    ownChange(id, now) {
      own.set(id, now + OWN_CHANGE_MS);
    },

    /**
     * Compares two views of the room's notes (Map id -> note) and notes what others did.
     * `sections` place a note, so a move into another section counts; a move within one does not.
     */
    observe(before, after, sections, selfId, now) {
      for (const [id, note] of after) {
        const old = before.get(id);
        if (old === note || isOwn(id, now)) continue;
        if (!old) {
          if (note.author === selfId) continue;
          pending ??= fresh(now);
          pending.created.add(id);
          if (note.author) pending.authors.add(note.author);
        } else if (pending?.created.has(id)) {
          continue;
        } else if ((old.text ?? '') !== (note.text ?? '') || old.color !== note.color) {
          pending ??= fresh(now);
          pending.edited.add(id);
        } else if (sectionOf(old, sections)?.id !== sectionOf(note, sections)?.id) {
          pending ??= fresh(now);
          pending.moved.add(id);
        }
      }
      for (const id of before.keys()) {
        if (after.has(id) || isOwn(id, now)) continue;
        pending ??= fresh(now);
        // Created and gone within one summary: nothing to tell.
        if (!pending.created.delete(id)) pending.deleted.add(id);
        pending.edited.delete(id);
        pending.moved.delete(id);
      }
    },

    /** When the pending summary is due (ms), or null when nothing waits. */
    dueAt() {
      return pending ? pending.since + windowMs : null;
    },

    /**
     * The summary once due: { created, edited, moved, deleted, authors: [ids] }, counts only;
     * null before, or when everything cancelled out.
     */
    take(now) {
      if (!pending || now < pending.since + windowMs) return null;
      const { created, edited, moved, deleted, authors } = pending;
      pending = null;
      const summary = { created: created.size, edited: edited.size, moved: moved.size, deleted: deleted.size, authors: [...authors] };
      return summary.created + summary.edited + summary.moved + summary.deleted > 0 ? summary : null;
    },

    /** Forget what waits (another room: its notes are not news). */
    reset() {
      pending = null;
    },
  };
}
