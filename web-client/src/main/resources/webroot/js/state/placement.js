// Where a new note goes: the free spot nearest to where the person looks, so notes added
// one after another sit side by side instead of hiding one another; and where a copy of a
// note goes: beside it, covering no other note.

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

/**
 * Where a copy of `box` ({x, y, w, h}) goes: right beside it when that is free, else below,
 * left or above it, else the nearest free spot around it (as freeSpot). `items` are the notes
 * on the canvas (`box` among them may be). Returns the top-left corner {x, y}.
 */
export function spotBeside(box, items) {
  const boxes = [...items];
  const size = { w: box.w, h: box.h };
  const neighbours = [
    { x: box.x + box.w + GAP, y: box.y },
    { x: box.x, y: box.y + box.h + GAP },
    { x: box.x - box.w - GAP, y: box.y },
    { x: box.x, y: box.y - box.h - GAP },
  ];
  const free = neighbours.find((spot) => !boxes.some((other) => overlaps({ ...spot, ...size }, other)));
  return free ?? freeSpot({ x: box.x + box.w / 2, y: box.y + box.h / 2 }, size, boxes);
}
