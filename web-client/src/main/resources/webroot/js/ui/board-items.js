// DOM for one note or one section: created once per id, then updated in place.
// All user text goes through textContent.
import { h, safeColor, setAttr, setText } from './dom.js';
import { noteColor } from '../state/limits.js';
import { ANONYMOUS_AUTHOR } from '../protocol.js';

const LABEL_TEXT_LENGTH = 60;

/** Who wrote a note, as shown: their name, "a participant" once erased, else "unknown". */
export function authorName(note, participants, t) {
  return participants.get(note.author)?.name
    ?? t(note.author === ANONYMOUS_AUTHOR ? 'note.anonymousAuthor' : 'note.unknownAuthor');
}

export function createNoteElement(id) {
  const text = h('p', { className: 'note__text', 'data-testid': 'note-text' });
  const author = h('span', { className: 'note__author' });
  const handle = h('span', { className: 'resize-handle', 'aria-hidden': 'true', 'data-resize': 'true' });
  const spotlight = h('span', { className: 'note__spotlight', hidden: true });
  const el = h('div', {
    className: 'note',
    id: `note-${id}`,
    tabindex: '0',
    role: 'group',
    'data-testid': 'note',
    'data-note-id': id,
    'data-kind': 'note',
    'data-id': id,
  }, [spotlight, text, author, handle]);
  return { el, text, author, handle, spotlight, vote: null, badge: null, placeholder: null, marker: null, origin: null, writing: null, kind: 'note', id, last: {} };
}

/**
 * Marks of a note, made when first needed: the placeholder of a hidden note I cannot read, the
 * marker of a hidden one I can ("only you" / "hidden"), where a harvested note came from, and
 * who is writing it now ("Anna is typing …").
 */
function updateNoteMarks(record, { t, visibility, origin, editing, writing }) {
  const { el } = record;
  setAttr(el, 'data-hidden', String(visibility !== 'visible'));
  setAttr(el, 'data-visibility', visibility);
  el.classList.toggle('is-hidden-note', visibility === 'placeholder');
  el.classList.toggle('is-private-note', visibility === 'mine' || visibility === 'facilitator');
  if (visibility === 'placeholder' && !record.placeholder) {
    record.placeholder = h('p', { className: 'note__placeholder', 'data-testid': 'note-hidden' });
    record.el.insertBefore(record.placeholder, record.text);
  }
  if (record.placeholder) {
    record.placeholder.hidden = visibility !== 'placeholder';
    setText(record.placeholder, t('private.placeholder'));
  }
  // While the editor is open it stands in place of the text: the text shows once.
  record.text.hidden = visibility === 'placeholder' || editing;
  const markerText = visibility === 'mine' ? t('private.onlyYou') : visibility === 'facilitator' ? t('private.hiddenMarker') : '';
  updateMark(record, 'marker', 'note__private', 'note-private-marker', record.text, markerText);
  updateMark(record, 'origin', 'note__origin', 'note-origin', record.author, origin ? t('note.origin', { room: origin }) : '');
  updateMark(record, 'writing', 'note__writing', 'note-writing', record.text, writing);
}

/** A small label on the note (record[field]), made when first needed, hidden while it says nothing. */
function updateMark(record, field, className, testId, before, text) {
  if (text && !record[field]) {
    record[field] = h('span', { className, 'data-testid': testId });
    record.el.insertBefore(record[field], before);
  }
  if (record[field]) {
    record[field].hidden = !text;
    setText(record[field], text);
  }
}

/** The vote controls of a note, made when a round first covers it. */
function createVoteBar(record, actions) {
  const mineText = h('span', { className: 'visually-hidden' });
  const dots = h('span', { className: 'vote__dots', 'aria-hidden': 'true' });
  const mine = h('span', { className: 'vote__mine', 'data-testid': 'vote-mine', 'data-count': '0' }, [dots, mineText]);
  const add = h('button', { type: 'button', className: 'vote__button', 'data-testid': 'vote-add' });
  const remove = h('button', { type: 'button', className: 'vote__button vote__button--remove', 'data-testid': 'vote-remove', hidden: true });
  add.addEventListener('click', () => actions.vote(record.id, 1));
  remove.addEventListener('click', () => actions.vote(record.id, -1));
  const bar = h('div', { className: 'vote' }, [mine, remove, add]);
  record.el.append(bar);
  return { bar, mine, dots, mineText, add, remove };
}

/**
 * vote: {mine: count, actions} while an open round covers the note and I may vote, else null;
 * resultCount: the count shown for the board's shown results, else null.
 */
export function updateNoteVoting(record, { t, vote, resultCount, spotlit }) {
  record.el.classList.toggle('is-spotlight', Boolean(spotlit));
  record.spotlight.hidden = !spotlit;
  setText(record.spotlight, spotlit ? t('spotlight.badge') : '');
  if (vote && !record.vote) record.vote = createVoteBar(record, vote.actions);
  if (record.vote) {
    const v = record.vote;
    v.bar.hidden = !vote;
    if (vote) {
      const count = vote.mine ?? 0;
      setAttr(v.mine, 'data-count', String(count));
      setText(v.dots, '●'.repeat(Math.min(count, 10)));
      setText(v.mineText, t('voting.mine', { count }));
      v.mine.hidden = count === 0;
      // One row of small buttons, so they take no lines from the note's text; the full
      // words are their names (and tooltips).
      setText(v.add, '+');
      setAttr(v.add, 'aria-label', t('voting.voteLabel'));
      setAttr(v.add, 'title', t('voting.voteLabel'));
      setText(v.remove, '−');
      setAttr(v.remove, 'aria-label', t('voting.takeBackLabel'));
      setAttr(v.remove, 'title', t('voting.takeBackLabel'));
      v.remove.hidden = count === 0;
    }
  }
  if (resultCount !== null && resultCount !== undefined && !record.badge) {
    record.badge = h('span', { className: 'vote-count', 'data-testid': 'vote-count' });
    record.el.append(record.badge);
  }
  if (record.badge) {
    const show = resultCount !== null && resultCount !== undefined;
    record.badge.hidden = !show;
    if (show) {
      setText(record.badge, String(resultCount));
      setAttr(record.badge, 'data-count', String(resultCount));
      setAttr(record.badge, 'aria-label', t('voting.count', { count: resultCount }));
      setAttr(record.badge, 'title', t('voting.count', { count: resultCount }));
    }
  }
}

/**
 * @param display {x,y,w,h} actually shown (may be a drag preview)
 * @param remote  the participant dragging this note right now, or null
 * @param writing who else is writing it now, as said ("Anna is typing …"), or ''
 */
export function updateNoteElement(record, note, display, {
  t, authorName, selected, remote, editing, visibility = 'visible', origin = null, writing = '',
}) {
  const { el, last } = record;
  placeBox(record, display);
  // The fill comes from the generated palette.css: [data-note-color="<name>"] sets --note-fill.
  const color = noteColor(note.color);
  if (last.color !== color) {
    el.setAttribute('data-note-color', color);
    last.color = color;
  }
  const placeholder = visibility === 'placeholder';
  setText(record.text, placeholder ? '' : note.text ?? '');
  setText(record.author, authorName);
  updateNoteMarks(record, { t, visibility, origin, editing, writing });
  const start = placeholder ? '' : (note.text ?? '').trim().replace(/\s+/g, ' ');
  const excerpt = start.length > LABEL_TEXT_LENGTH ? `${start.slice(0, LABEL_TEXT_LENGTH)}…` : start;
  let label = placeholder ? t('note.labelHidden', { author: authorName })
    : excerpt ? t('note.label', { author: authorName, text: excerpt }) : t('note.labelEmpty', { author: authorName });
  if (visibility === 'mine') label += ` (${t('private.onlyYou')})`;
  else if (visibility === 'facilitator') label += ` (${t('private.hiddenMarker')})`;
  if (origin) label += ` (${t('note.origin', { room: origin })})`;
  if (note.draft) label += ` (${t('lock.draftMarker')})`;
  if (writing) label += ` (${writing})`;
  el.classList.toggle('is-draft', note.draft === true);
  setAttr(el, 'aria-label', label);
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
