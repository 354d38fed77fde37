// Deleting from the board: what asks first. A note with text, or a section with a title or with
// notes on it, would lose someone's work to one stray key (Tab, Backspace); empty ones go at once.

/** Whether deleting `item` ('note' or 'section') asks first; `notes` are the room's notes. */
export function deletionNeedsConfirmation(kind, item, notes) {
  if (kind === 'note') return String(item.text ?? '').trim() !== '';
  if (String(item.title ?? '').trim() !== '') return true;
  for (const note of notes) {
    if (centreInside(note, item)) return true;
  }
  return false;
}

function centreInside(note, section) {
  const cx = note.x + (note.w ?? 0) / 2;
  const cy = note.y + (note.h ?? 0) / 2;
  return cx >= section.x && cx <= section.x + section.w && cy >= section.y && cy <= section.y + section.h;
}
