// Deleting from the board: what asks first. A note with text, or a section with a title or with
// notes on it, would lose someone's work to one stray key (Tab, Backspace); empty ones go at once.
import { centreInside } from './board-outline.js';

/** Whether deleting `item` ('note' or 'section') asks first; `notes` are the room's notes. */
export function deletionNeedsConfirmation(kind, item, notes) {
  if (kind === 'note') return String(item.text ?? '').trim() !== '';
  if (String(item.title ?? '').trim() !== '') return true;
  for (const note of notes) {
    if (centreInside(note, item)) return true;
  }
  return false;
}
