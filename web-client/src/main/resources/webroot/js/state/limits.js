// Limits and defaults shared with the server (see README, "Limits").
export const PLENARY_ROOM = 'main';
export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'purple', 'blue', 'teal', 'green', 'grey'];
export const DEFAULT_NOTE_COLOR = 'yellow';
export const NOTE_TEXT_MAX = 2000;
/** The editor shows the remaining characters from this many on. */
export const NOTE_TEXT_WARN_AT = 1800;
export const NAME_MAX = 128;
export const NOTE_SIZE = { min: 40, max: 2000, defaultW: 200, defaultH: 150 };
export const SECTION_SIZE = { min: 80, max: 20000, defaultW: 600, defaultH: 400 };
export const COORD_MAX = 1000000;

export function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}

export function clampCoord(value) {
  return clamp(Math.round(value), -COORD_MAX, COORD_MAX);
}
