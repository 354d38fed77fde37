// Two people changed one note's text from the same starting text: a save must not silently
// overwrite the other's. Each side's change is taken as the one stretch of the starting text it
// replaced (everything between the common start and the common end); when the two stretches do
// neither overlap nor touch, both changes apply. Otherwise the people decide (the page offers both versions).

/** The stretch of `base` that `changed` replaced: [start, end) and what stands there now. */
function changedStretch(base, changed) {
  const most = Math.min(base.length, changed.length);
  let start = 0;
  while (start < most && base[start] === changed[start]) start += 1;
  let tail = 0;
  while (tail < most - start && base[base.length - 1 - tail] === changed[changed.length - 1 - tail]) tail += 1;
  // Never split a surrogate pair (an emoji): widen to its first half.
  if (start > 0 && isLowSurrogate(base.charCodeAt(start))) start -= 1;
  if (tail > 0 && isLowSurrogate(base.charCodeAt(base.length - tail))) tail -= 1;
  return { start, end: base.length - tail, text: changed.slice(start, changed.length - tail) };
}

function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Merges `mine` and `theirs`, both changed from `base`. {clean: true, text} when both changes
 * fit together (theirs, saved first, comes first where both add at one place); {clean: false}
 * when they changed the same words.
 */
export function mergeTexts(base, mine, theirs) {
  if (mine === theirs || theirs === base) return { clean: true, text: mine };
  if (mine === base) return { clean: true, text: theirs };
  const a = changedStretch(base, theirs);
  const b = changedStretch(base, mine);
  const [first, second] = a.start < b.start || (a.start === b.start && a.end <= b.start) ? [a, b] : [b, a];
  if (first.end > second.start) return { clean: false };
  // Changes that touch fit together only when both just add (two people appending a thought);
  // a deletion or rewrite next to the other's words is for the people to decide.
  const adds = (stretch) => stretch.start === stretch.end;
  if (first.end === second.start && !(adds(first) && adds(second))) return { clean: false };
  const text = base.slice(0, first.start) + first.text + base.slice(first.end, second.start) + second.text + base.slice(second.end);
  return { clean: true, text };
}
