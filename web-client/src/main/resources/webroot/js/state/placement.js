// Where a new note goes: the free spot nearest to where the person looks, so notes added
// one after another sit side by side instead of hiding one another.

const GAP = 16;

function overlaps(a, b) {
  return a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;
}

/**
 * @param centre {x, y} world point the new note should be centred on when free
 * @param size   {w, h} of the new note
 * @param items  iterable of {x, y, w, h} already on the canvas
 * @returns {x, y} top-left corner of the nearest free spot on a grid of note-sized steps,
 *          searched ring by ring around the centre (the centre itself when nothing is free nearby)
 */
export function freeSpot(centre, size, items, maxRings = 6) {
  const boxes = [...items];
  const origin = { x: centre.x - size.w / 2, y: centre.y - size.h / 2 };
  const stepX = size.w + GAP;
  const stepY = size.h + GAP;
  for (let ring = 0; ring <= maxRings; ring += 1) {
    const candidates = [];
    for (let row = -ring; row <= ring; row += 1) {
      for (let col = -ring; col <= ring; col += 1) {
        if (Math.max(Math.abs(row), Math.abs(col)) !== ring) continue;
        candidates.push({ x: origin.x + col * stepX, y: origin.y + row * stepY, w: size.w, h: size.h });
      }
    }
    // Reading order within a ring: right of the centre first, then below.
    candidates.sort((a, b) => Math.hypot(a.x - origin.x, a.y - origin.y) - Math.hypot(b.x - origin.x, b.y - origin.y)
      || a.y - b.y || a.x - b.x);
    const free = candidates.find((c) => !boxes.some((box) => overlaps(c, box)));
    if (free) return { x: free.x, y: free.y };
  }
  return origin;
}
