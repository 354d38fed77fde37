// The limits and defaults the client works with. Every one shared with the server comes from
// the generated protocol (js/protocol.js, written from the Java package io.werkraum.protocol);
// only what the UI decides on its own is set here.
import { DEFAULT_NOTE_COLOR, Limits, NOTE_COLORS } from '../protocol.js';

export { DEFAULT_NOTE_COLOR, NOTE_COLORS };
export const PLENARY_ROOM = Limits.mainRoom;
export const NOTE_TEXT_MAX = Limits.noteTextMax;
/** UI only: the editor shows the remaining characters for the last 200. */
export const NOTE_TEXT_WARN_AT = Limits.noteTextMax - 200;
export const NAME_MAX = Limits.nameMax;
export const NOTE_SIZE = Object.freeze({
  min: Limits.noteSizeMin, max: Limits.noteSizeMax, defaultW: Limits.noteWidthDefault, defaultH: Limits.noteHeightDefault,
});
export const SECTION_SIZE = Object.freeze({
  min: Limits.sectionSizeMin, max: Limits.sectionSizeMax, defaultW: Limits.sectionWidthDefault, defaultH: Limits.sectionHeightDefault,
});
export const COORD_MAX = Limits.coordinateMax;

export function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}

export function clampCoord(value) {
  return clamp(Math.round(value), -COORD_MAX, COORD_MAX);
}

/** A colour of the palette: the note's own, else the default. */
export function noteColor(color) {
  return NOTE_COLORS.includes(color) ? color : DEFAULT_NOTE_COLOR;
}
