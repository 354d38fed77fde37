// DOM for one note or one section: created once per id, then updated in place.
// All user text goes through textContent.
import { h, safeColor, setAttr, setText } from './dom.js';
import { NOTE_COLORS } from '../state/limits.js';

const LABEL_TEXT_LENGTH = 60;

export function createNoteElement(id) {
  const text = h('p', { className: 'note__text', 'data-testid': 'note-text' });
  const author = h('span', { className: 'note__author' });
  const handle = h('span', { className: 'resize-handle', 'aria-hidden': 'true', 'data-resize': 'true' });
  const el = h('div', {
    className: 'note',
    tabindex: '0',
    role: 'group',
    'data-testid': 'note',
    'data-note-id': id,
    'data-kind': 'note',
    'data-id': id,
  }, [text, author, handle]);
  return { el, text, author, handle, kind: 'note', id, last: {} };
}

/**
 * @param display {x,y,w,h} actually shown (may be a drag preview)
 * @param remote  the participant dragging this note right now, or null
 */
export function updateNoteElement(record, note, display, { t, authorName, selected, remote, editing }) {
  const { el, last } = record;
  placeBox(record, display);
  const color = NOTE_COLORS.includes(note.color) ? note.color : 'yellow';
  if (last.color !== color) {
    if (last.color) el.classList.remove(`note-color--${last.color}`);
    el.classList.add(`note-color--${color}`);
    last.color = color;
  }
  setText(record.text, note.text ?? '');
  setText(record.author, authorName);
  const start = (note.text ?? '').trim().replace(/\s+/g, ' ');
  const excerpt = start.length > LABEL_TEXT_LENGTH ? `${start.slice(0, LABEL_TEXT_LENGTH)}…` : start;
  setAttr(el, 'aria-label', excerpt ? t('note.label', { author: authorName, text: excerpt }) : t('note.labelEmpty', { author: authorName }));
  setAttr(el, 'aria-roledescription', t('note.role'));
  setAttr(el, 'aria-describedby', 'canvas-item-help');
  el.classList.toggle('is-selected', selected);
  el.classList.toggle('is-editing', editing);
  el.classList.toggle('is-remote-dragging', Boolean(remote));
  el.style.outlineColor = remote ? safeColor(remote.color) : '';
  setAttr(el, 'data-dragged-by', remote ? remote.id : null);
}

/** Position and size of a canvas item, written to the DOM only when they changed. */
function placeBox({ el, last }, display) {
  if (last.x !== display.x || last.y !== display.y) {
    el.style.transform = `translate(${display.x}px, ${display.y}px)`;
    last.x = display.x;
    last.y = display.y;
  }
  if (last.w !== display.w || last.h !== display.h) {
    el.style.width = `${display.w}px`;
    el.style.height = `${display.h}px`;
    last.w = display.w;
    last.h = display.h;
  }
}

export function createSectionElement(id) {
  const title = h('span', { className: 'section__title', 'data-testid': 'section-title' });
  const bar = h('div', { className: 'section__bar', 'data-move': 'true' }, [title]);
  const handle = h('span', { className: 'resize-handle', 'aria-hidden': 'true', 'data-resize': 'true' });
  const el = h('div', {
    className: 'section',
    tabindex: '0',
    role: 'group',
    'data-testid': 'section',
    'data-section-id': id,
    'data-kind': 'section',
    'data-id': id,
  }, [bar, handle]);
  return { el, title, bar, handle, kind: 'section', id, last: {} };
}

export function updateSectionElement(record, section, display, { t, selected, editing, remote }) {
  const { el } = record;
  placeBox(record, display);
  const title = section.title || t('section.untitled');
  setText(record.title, title);
  setAttr(el, 'aria-label', t('section.label', { title }));
  setAttr(el, 'aria-roledescription', t('section.role'));
  setAttr(el, 'aria-describedby', 'canvas-item-help');
  el.classList.toggle('is-selected', selected);
  el.classList.toggle('is-editing', editing);
  el.classList.toggle('is-remote-dragging', Boolean(remote));
}
