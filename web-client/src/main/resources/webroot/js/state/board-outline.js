// The board as an outline: sections with the notes that lie in them, in reading order, then the
// notes outside every section. The list view reads the board this way, and so do deletion and
// placement. A note's section is the one its centre lies in (the smallest when sections
// overlap): the same rule as the server's io.werkraum.board.Sections, which decides for rounds.
import { readingOrder } from './board-state.js';

const GAP = 16;

/** Whether the centre of `note` lies in `section` (edges included). */
export function centreInside(note, section) {
  const cx = note.x + (note.w ?? 0) / 2;
  const cy = note.y + (note.h ?? 0) / 2;
  return cx >= section.x && cx <= section.x + section.w && cy >= section.y && cy <= section.y + section.h;
}

/** The section `note` belongs to, or null. */
export function sectionOf(note, sections) {
  let best = null;
  for (const section of sections) {
    if (centreInside(note, section) && (!best || section.w * section.h < best.w * best.h)) best = section;
  }
  return best;
}

/**
 * { groups: [{ section, notes }], loose: [notes] }: every section in reading order with its
 * notes in reading order, and the notes in no section.
 */
export function outline(notes, sections) {
  const ordered = readingOrder([...sections]);
  const bySection = new Map(ordered.map((section) => [section.id, []]));
  const loose = [];
  for (const note of readingOrder([...notes])) {
    const home = sectionOf(note, ordered);
    if (home) bySection.get(home.id).push(note);
    else loose.push(note);
  }
  return { groups: ordered.map((section) => ({ section, notes: bySection.get(section.id) })), loose };
}

/**
 * Where a note of `size` goes into `section`: the first free place of a note-sized grid inside
 * the section, in reading order, covering none of `notes`; when the section is full, stacked
 * slightly offset from its top left so it still lies in the section.
 */
export function spotInSection(section, size, notes) {
  const others = [...notes];
  const top = section.y + 40; // below the section's title bar
  for (let y = top; y + size.h <= section.y + section.h; y += size.h + GAP) {
    for (let x = section.x + GAP; x + size.w <= section.x + section.w; x += size.w + GAP) {
      const spot = { x, y, w: size.w, h: size.h };
      if (!others.some((other) => overlaps(spot, other))) return { x, y };
    }
  }
  // Full: centred on the section, a little offset per note already in it, so none hides another wholly.
  const room = Math.max(0, Math.min(section.w, section.h) / 2 - 1);
  const offset = Math.min(room, (others.filter((note) => centreInside(note, section)).length % 8) * 12);
  return { x: section.x + section.w / 2 - size.w / 2 + offset, y: section.y + section.h / 2 - size.h / 2 + offset };
}

function overlaps(a, b) {
  return a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;
}
