// The canvas: a focusable viewport with a transformed "world" holding sections (below),
// notes and other people's cursors. It owns only transient interaction state (a drag in
// progress, a keyboard nudge not yet committed, the open editor); everything else comes
// in through update(model) and leaves through the actions.
// Touch (phones, tablets): one finger pans, also over notes, so the board scrolls like a page;
// a long press picks a note (or a section by its title bar) up to move it; two fingers pinch
// to zoom about their midpoint. A tap selects, a tap on the selected note edits it. Mouse and
// pen work as on a desktop: a drag on a note moves it.
import { h, setAttr } from './dom.js';
import { authorName, createNoteElement, createSectionElement, updateNoteElement, updateNoteVoting, updateSectionElement } from './board-items.js';
import { mountCursors } from './cursors.js';
import { outline, sectionOf } from '../state/board-outline.js';
import { deletionNeedsConfirmation } from '../state/deletion.js';
import { noteVisibility } from '../state/private-notes.js';
import { writerNames } from '../state/presence.js';
import {
  NOTE_COLORS, NOTE_SIZE, NOTE_TEXT_MAX, NOTE_TEXT_WARN_AT, NAME_MAX, SECTION_SIZE, clamp, clampCoord, noteColor,
} from '../state/limits.js';
import {
  arrowDirection, boxVisible, initialViewport, panBy, pinchViewport, screenToWorld, sharedView, steppedZoom, viewportCentre,
  viewportFromShared, viewportFitting, viewportShowing, viewportTransform, wheelZoomFactor, zoomAt,
} from '../state/viewport.js';

const DRAG_THRESHOLD_PX = 3;
/** A finger moves a little while it rests; beyond this it pans. */
const TOUCH_SLOP_PX = 10;
const LONG_PRESS_MS = 500;
const NUDGE_COMMIT_MS = 600;
const KEY_PAN_PX = 60;

/**
 * actions: setViewport(v), select({kind,id}|null), createNoteAt({x,y}) -> id, addNoteInView(),
 * updateItem(kind, id, patch), saveNoteText({id, room, text, baseText}), writing({id, room, text,
 * baseText}) (the open editor, as typed), writingDone(id), rescueNoteText({text, x, y}) (a note deleted
 * while being written), deleteItem(kind, id), duplicateNote(id)
 * (optional), cursor(x, y), drag(kind, id, x, y), dragEnd(kind, id), requestRender(), renderNow(),
 * announce(text) (optional)
 */
export function mountCanvas(root, actions) {
  // Sections and notes share one layer in outline order (a section, then the notes in it), so
  // Tab reaches a section's notes right after it; CSS keeps every section below every note.
  const itemsLayer = h('div', { className: 'layer layer--items' });
  const cursorsLayer = h('div', { className: 'layer layer--cursors', 'aria-hidden': 'true' });
  const world = h('div', { className: 'world' }, [itemsLayer, cursorsLayer]);
  const emptyHint = h('p', { className: 'canvas__empty' });
  root.append(world, emptyHint);
  const cursors = mountCursors(cursorsLayer);

  const records = { note: new Map(), section: new Map() };
  let model = null;
  /** Pointer gesture in progress: pan, move, resize, or a finger resting on an item (press). */
  let gesture = null;
  /** A tap on the selected note: the note whose editor the following click opens. */
  let tapToEdit = null;
  /** Fingers on the canvas: pointerId -> client {x, y}. */
  const touches = new Map();
  /** Two fingers zooming: where they started and the viewport then. */
  let pinch = null;
  /** Keyboard move/resize shown locally, committed after a pause. */
  let nudge = null;
  /**
   * Open inline editor: { kind, id, room, base (the text it began from), input, counter, hint, done }.
   * It keeps its room: a note being written when the rooms close is saved where it was begun.
   */
  let editor = null;
  let pendingEdit = null;
  let spaceHeld = false;
  /** Tab order and section membership need refreshing (items were added or moved). */
  let orderDirty = true;
  /** The outline worked out for the last change of positions, until the DOM follows it. */
  let shape = null;

  const itemsOf = (kind) => (kind === 'note' ? model.notes : model.sections);
  const recordOf = (el) => (el ? records[el.dataset.kind]?.get(el.dataset.id) : null);
  const canvasSize = () => ({ width: root.clientWidth, height: root.clientHeight });
  const localPoint = (event) => {
    const rect = root.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const isLifted = (kind, id) => Boolean(gesture?.lifted && gesture.kind === kind && gesture.id === id);

  // ---------- geometry shown for an item ----------

  function displayOf(kind, item) {
    if (gesture && gesture.kind === kind && gesture.id === item.id && gesture.active) return { ...item, ...gesture.current };
    if (nudge && nudge.kind === kind && nudge.id === item.id) return { ...item, ...nudge.patch };
    const remote = model.presence.drags.get(item.id);
    if (remote) return { ...item, x: remote.x, y: remote.y };
    return item;
  }

  function remoteDragger(id) {
    const drag = model.presence.drags.get(id);
    if (!drag) return null;
    const participant = model.participants.get(drag.p);
    return participant ? { id: participant.id, color: participant.color } : { id: drag.p, color: null };
  }

  // ---------- rendering ----------

  function render() {
    const { t } = model;
    world.style.transform = viewportTransform(model.viewport);
    root.style.setProperty('--zoom', String(model.viewport.zoom));
    renderKind('section', (record, item) => {
      updateSectionElement(record, item, displayOf('section', item), {
        t,
        selected: isSelected('section', item.id),
        editing: editor?.kind === 'section' && editor.id === item.id,
        remote: remoteDragger(item.id),
      });
      record.el.classList.toggle('is-lifted', isLifted('section', item.id));
    });
    renderKind('note', (record, item) => {
      const writers = writerNames(model.presence, item.id, model.participants, t('note.someone'));
      const mine = editor?.kind === 'note' && editor.id === item.id;
      updateNoteElement(record, item, displayOf('note', item), {
        t,
        writing: writers && !mine ? t('note.writing', { names: writers }) : '',
        authorName: authorName(item, model.participants, t),
        visibility: noteVisibility(item, model.self),
        origin: item.origin ? (item.origin.roomName || item.origin.room || null) : null,
        selected: isSelected('note', item.id),
        editing: editor?.kind === 'note' && editor.id === item.id,
        remote: remoteDragger(item.id),
      });
      record.el.classList.toggle('is-lifted', isLifted('note', item.id));
      if (mine) updateEditorHint(editor, item, writers);
      const voting = model.voting;
      updateNoteVoting(record, {
        t,
        vote: voting?.canVote?.(item) ? { mine: voting.mine?.[item.id] ?? 0, actions: voting.actions } : null,
        resultCount: voting?.results ? (voting.results.get(item.id) ?? 0) : null,
        spotlit: model.spotlight === item.id,
      });
    });
    arrangeItems();
    cursors.update({ presenceCursors: model.presence.cursors, participants: model.participants, zoom: model.viewport.zoom });
    const empty = model.notes.size === 0 && model.sections.size === 0;
    emptyHint.textContent = empty ? t(model.readOnly ? 'canvas.emptyReadOnly' : 'canvas.empty') : '';
    emptyHint.hidden = !emptyHint.textContent;
    root.setAttribute('aria-label', t('canvas.label'));
    root.classList.toggle('is-panning', gesture?.type === 'pan' && gesture.active);
    root.classList.toggle('is-space-held', spaceHeld);

    if (editor && !itemsOf(editor.kind).has(editor.id)) closeEditor(false);
    if (pendingEdit && records[pendingEdit.kind].has(pendingEdit.id)) {
      const { kind, id } = pendingEdit;
      pendingEdit = null;
      openEditor(kind, id);
    }
  }

  function isSelected(kind, id) {
    return model.selected?.kind === kind && model.selected.id === id;
  }

  function renderKind(kind, updateOne) {
    const map = records[kind];
    const items = itemsOf(kind);
    for (const item of items.values()) {
      let record = map.get(item.id);
      if (!record) {
        record = kind === 'note' ? createNoteElement(item.id) : createSectionElement(item.id);
        map.set(item.id, record);
        itemsLayer.append(record.el);
      }
      const orderKey = `${item.x},${item.y},${item.w},${item.h}`;
      if (record.orderKey !== orderKey) {
        record.orderKey = orderKey;
        orderDirty = true;
        shape = null;
      }
      updateOne(record, item);
    }
    for (const [id, record] of map) {
      if (!items.has(id)) {
        const hadFocus = record.el.contains(document.activeElement);
        record.el.remove();
        map.delete(id);
        orderDirty = true;
        shape = null;
        if (hadFocus) root.focus({ preventScroll: true });
      }
    }
  }

  /**
   * Screen readers find each note inside its section (aria-owns), and Tab goes section by
   * section in reading order. The DOM is reordered only when focus is elsewhere, so moving
   * nodes never steals focus from the item someone is working on.
   */
  function arrangeItems() {
    if (!orderDirty) return;
    // Work out the outline once per change of positions, not on every frame while focus stays
    // on the canvas (the reordering waits for focus to leave; drags and cursors render 20 a second).
    if (!shape) {
      shape = outline(model.notes.values(), model.sections.values());
      for (const { section, notes } of shape.groups) {
        setAttr(records.section.get(section.id).el, 'aria-owns', notes.map((note) => records.note.get(note.id).el.id).join(' ') || null);
      }
    }
    if (itemsLayer.contains(document.activeElement) || gesture) return;
    orderDirty = false;
    const sequence = [];
    for (const { section, notes } of shape.groups) {
      sequence.push(records.section.get(section.id).el, ...notes.map((note) => records.note.get(note.id).el));
    }
    sequence.push(...shape.loose.map((note) => records.note.get(note.id).el));
    shape = null;
    let ref = itemsLayer.firstChild;
    for (const el of sequence) {
      if (el !== ref) itemsLayer.insertBefore(el, ref);
      else ref = ref.nextSibling;
    }
  }


  // ---------- inline editing ----------

  function openEditor(kind, id) {
    if (model.readOnly) return;
    // A hidden note I cannot read has no text to edit (saving would overwrite it).
    if (kind === 'note' && noteVisibility(model.notes.get(id), model.self) === 'placeholder') return;
    const record = records[kind].get(id);
    const item = itemsOf(kind).get(id);
    if (!record || !item) {
      pendingEdit = { kind, id };
      return;
    }
    if (editor && editor.kind === kind && editor.id === id) return;
    if (editor) closeEditor(true);
    const t = model.t;
    let input;
    let counter = null;
    let hint = null;
    if (kind === 'note') {
      input = h('textarea', { className: 'note__editor', 'data-testid': 'note-editor', maxlength: String(NOTE_TEXT_MAX), 'aria-label': t('note.editLabel'), 'aria-describedby': 'note-editor-help' });
      input.value = item.text ?? '';
      counter = h('span', { className: 'note__counter', 'aria-live': 'polite', hidden: true });
      hint = h('p', { className: 'note__editor-hint', 'data-testid': 'note-editor-hint', role: 'status', hidden: true });
      record.text.hidden = true;
      record.text.after(input, counter, hint);
    } else {
      input = h('input', { type: 'text', className: 'section__title-input', 'data-testid': 'section-title-input', maxlength: String(NAME_MAX), 'aria-label': t('section.editLabel') });
      input.value = item.title ?? '';
      record.title.hidden = true;
      record.bar.append(input);
    }
    const base = kind === 'note' ? item.text ?? '' : null;
    editor = { kind, id, room: model.room, base, input, counter, hint, record, done: false };
    const current = editor;
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        closeEditor(false, true);
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || kind === 'section')) {
        event.preventDefault();
        closeEditor(true, true);
      }
    });
    input.addEventListener('input', () => {
      updateCounter(current);
      if (kind === 'note') actions.writing?.({ id, room: current.room, text: input.value, baseText: base });
    });
    input.addEventListener('blur', () => { if (editor === current) closeEditor(true, false); });
    input.addEventListener('pointerdown', (event) => event.stopPropagation());
    input.addEventListener('dblclick', (event) => event.stopPropagation());
    updateCounter(current);
    record.el.classList.add('is-editing');
    input.focus({ preventScroll: true });
    input.setSelectionRange(input.value.length, input.value.length);
    if (kind === 'note') actions.writing?.({ id, room: current.room, text: input.value, baseText: base });
  }

  /** Tells the writer that others write here too, or saved meanwhile (their save will be merged). */
  function updateEditorHint(current, item, writers) {
    if (!current.hint) return;
    const { t } = model;
    const parts = [];
    if (writers) parts.push(t('note.writingToo', { names: writers }));
    if ((item.text ?? '') !== current.base) {
      parts.push(t('note.changedMeanwhile', { name: model.participants.get(item.textBy)?.name ?? t('note.someone') }));
    }
    const text = parts.join(' ');
    if (current.hint.textContent !== text) current.hint.textContent = text;
    current.hint.hidden = !text;
  }

  function updateCounter(current) {
    if (!current.counter) return;
    const remaining = NOTE_TEXT_MAX - current.input.value.length;
    const show = current.input.value.length >= NOTE_TEXT_WARN_AT;
    current.counter.hidden = !show;
    current.counter.textContent = show ? model.t('note.remaining', { count: remaining }) : '';
  }

  /** save: send the change; refocus: return focus to the item (not when focus moved on). */
  function closeEditor(save, refocus = false) {
    const current = editor;
    if (!current || current.done) return;
    current.done = true;
    editor = null;
    const { kind, id, input, counter, hint, record } = current;
    const item = itemsOf(kind).get(id);
    if (kind === 'note') {
      const text = input.value.slice(0, NOTE_TEXT_MAX);
      // The page decides whether someone else saved meanwhile (merge, or offer both versions).
      if (save && item && text !== current.base) actions.saveNoteText({ id, room: current.room, text, baseText: current.base });
      // Deleted by someone else while being written: what was typed goes on in a new note.
      if (!item && text !== current.base) actions.rescueNoteText?.({ text, x: record.last.x, y: record.last.y });
      actions.writingDone?.(id);
    }
    if (save && item && kind === 'section') {
      const title = input.value.trim().slice(0, NAME_MAX);
      if (title !== (item.title ?? '')) actions.updateItem('section', id, { title });
    }
    input.remove();
    counter?.remove();
    hint?.remove();
    if (kind === 'note') record.text.hidden = false;
    else record.title.hidden = false;
    record.el.classList.remove('is-editing');
    if (refocus && record.el.isConnected) record.el.focus({ preventScroll: true });
  }

  // ---------- pointer: pan, move, resize, cursor presence ----------

  root.addEventListener('pointerdown', (event) => {
    if (!model || event.target.closest('textarea, input, button')) return;
    if (event.pointerType === 'touch') {
      touchDown(event);
      return;
    }
    const middle = event.button === 1;
    if (event.button !== 0 && !middle) return;
    const itemEl = event.target.closest('[data-kind]');
    const record = recordOf(itemEl);
    const start = { x: event.clientX, y: event.clientY };
    if (!middle && !spaceHeld && record && !model.readOnly) {
      const item = itemsOf(record.kind).get(record.id);
      if (!item) return;
      const resizing = Boolean(event.target.closest('[data-resize]'));
      // Sections move by their title bar; their body behaves like empty canvas.
      const moving = record.kind === 'note' || Boolean(event.target.closest('[data-move]'));
      if (resizing || moving) {
        commitNudge();
        gesture = { type: resizing ? 'resize' : 'move', kind: record.kind, id: record.id, start, origin: { x: item.x, y: item.y, w: item.w, h: item.h }, current: {}, active: false, pointerId: event.pointerId };
        return;
      }
    } else if (record && !middle && !spaceHeld) {
      return; // read-only: focus and select only
    }
    gesture = { type: 'pan', start, origin: model.viewport, active: false, pointerId: event.pointerId };
    if (middle) event.preventDefault();
  });

  root.addEventListener('pointermove', (event) => {
    if (!model) return;
    const touch = event.pointerType === 'touch';
    if (touch) {
      if (!touches.has(event.pointerId)) return;
      touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pinch) {
        pinchTo();
        return;
      }
    } else {
      // A finger is no pointer others need to follow on their screens.
      const point = localPoint(event);
      const worldPoint = screenToWorld(model.viewport, point.x, point.y);
      actions.cursor(worldPoint.x, worldPoint.y);
    }
    if (!gesture || gesture.pointerId !== event.pointerId) return;
    const dx = event.clientX - gesture.start.x;
    const dy = event.clientY - gesture.start.y;
    if (gesture.type === 'press') {
      if (Math.hypot(dx, dy) < TOUCH_SLOP_PX) return;
      // Moved before the long press: the board scrolls, the note stays where it is.
      clearTimeout(gesture.timer);
      gesture = { type: 'pan', start: gesture.start, origin: model.viewport, active: false, pointerId: event.pointerId };
    }
    if (!gesture.active) {
      if (Math.hypot(dx, dy) < (touch ? TOUCH_SLOP_PX : DRAG_THRESHOLD_PX)) return;
      // Capture only once it is a drag: captured clicks would retarget dblclick to the canvas.
      gesture.active = true;
      root.setPointerCapture(event.pointerId);
    }
    if (gesture.type === 'pan') {
      actions.setViewport(panBy(gesture.origin, dx, dy));
      return;
    }
    const zoom = model.viewport.zoom;
    const { origin } = gesture;
    if (gesture.type === 'move') {
      gesture.current = { x: clampCoord(origin.x + dx / zoom), y: clampCoord(origin.y + dy / zoom) };
      actions.drag(gesture.kind, gesture.id, gesture.current.x, gesture.current.y);
    } else {
      const limits = gesture.kind === 'note' ? NOTE_SIZE : SECTION_SIZE;
      gesture.current = {
        w: clamp(Math.round(origin.w + dx / zoom), limits.min, limits.max),
        h: clamp(Math.round(origin.h + dy / zoom), limits.min, limits.max),
      };
    }
    actions.requestRender();
  });

  function endGesture(event, cancelled) {
    if (event.pointerType === 'touch') {
      touches.delete(event.pointerId);
      if (pinch && touches.size < 2) pinch = null;
    }
    if (!gesture || gesture.pointerId !== event.pointerId) return;
    const finished = gesture;
    gesture = null;
    clearTimeout(finished.timer);
    if (root.hasPointerCapture(event.pointerId)) root.releasePointerCapture(event.pointerId);
    if (finished.type === 'press' && !cancelled && finished.wasSelected && finished.kind === 'note') {
      // A tap on the note already selected edits it, as a double click does: on the click that
      // follows, once the tap has moved focus, so the editor keeps it.
      tapToEdit = finished.id;
    } else if (finished.active && finished.type === 'move') {
      actions.dragEnd(finished.kind, finished.id);
      if (!cancelled) actions.updateItem(finished.kind, finished.id, finished.current);
    } else if (finished.active && finished.type === 'resize' && !cancelled) {
      actions.updateItem(finished.kind, finished.id, finished.current);
    }
    actions.requestRender();
  }
  root.addEventListener('pointerup', (event) => endGesture(event, false));
  root.addEventListener('pointercancel', (event) => endGesture(event, true));

  /** A finger comes down: a second one starts a pinch; on a note (or a section's bar) it may become a long press. */
  function touchDown(event) {
    tapToEdit = null;
    touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (touches.size === 2) {
      startPinch();
      return;
    }
    if (touches.size > 2 || gesture) return;
    const start = { x: event.clientX, y: event.clientY };
    const record = recordOf(event.target.closest('[data-kind]'));
    const item = record ? itemsOf(record.kind).get(record.id) : null;
    const movable = item && (record.kind === 'note' || event.target.closest('[data-move]'));
    if (movable && !model.readOnly) {
      const press = {
        type: 'press', kind: record.kind, id: record.id, start, origin: { x: item.x, y: item.y },
        current: {}, active: false, pointerId: event.pointerId, wasSelected: isSelected(record.kind, record.id),
      };
      press.timer = setTimeout(() => liftItem(press), LONG_PRESS_MS);
      gesture = press;
      return;
    }
    gesture = { type: 'pan', start, origin: model.viewport, active: false, pointerId: event.pointerId };
  }

  /** The finger rested long enough: the item is picked up and follows the finger from here. */
  function liftItem(press) {
    if (gesture !== press || !itemsOf(press.kind).has(press.id)) return;
    commitNudge();
    press.type = 'move';
    press.active = true;
    press.lifted = true;
    try { root.setPointerCapture(press.pointerId); } catch { /* the finger has gone */ }
    records[press.kind].get(press.id)?.el.focus({ preventScroll: true });
    actions.renderNow();
  }

  function startPinch() {
    if (gesture) {
      // The first finger's gesture gives way: a picked-up item goes back where it was.
      clearTimeout(gesture.timer);
      if (gesture.active && gesture.type === 'move') actions.dragEnd(gesture.kind, gesture.id);
      gesture = null;
    }
    const [a, b] = [...touches.values()];
    pinch = { from: midpoint(a, b), distance: Math.hypot(a.x - b.x, a.y - b.y), origin: model.viewport };
    actions.requestRender();
  }

  function pinchTo() {
    const [a, b] = [...touches.values()];
    actions.setViewport(pinchViewport(pinch.origin, pinch.from, pinch.distance, midpoint(a, b), Math.hypot(a.x - b.x, a.y - b.y)));
  }

  /** Midpoint of two fingers, relative to the canvas. */
  function midpoint(a, b) {
    const rect = root.getBoundingClientRect();
    return { x: (a.x + b.x) / 2 - rect.left, y: (a.y + b.y) / 2 - rect.top };
  }

  root.addEventListener('click', (event) => {
    const id = tapToEdit;
    tapToEdit = null;
    if (id && event.target.closest('[data-kind]')?.dataset.id === id) openEditor('note', id);
  });

  // A long press would open the browser's context menu over the note being picked up.
  root.addEventListener('contextmenu', (event) => { if (touches.size > 0) event.preventDefault(); });

  root.addEventListener('wheel', (event) => {
    if (!model || event.target.closest('textarea')) return;
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
      const point = localPoint(event);
      actions.setViewport(zoomAt(model.viewport, model.viewport.zoom * wheelZoomFactor(event.deltaY, event.deltaMode), point.x, point.y));
    } else {
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? root.clientHeight : 1;
      const dx = event.shiftKey && !event.deltaX ? event.deltaY : event.deltaX;
      const dy = event.shiftKey && !event.deltaX ? 0 : event.deltaY;
      actions.setViewport(panBy(model.viewport, -dx * unit, -dy * unit));
    }
  }, { passive: false });

  root.addEventListener('dblclick', (event) => {
    if (!model || model.readOnly || event.target.closest('textarea, input, button')) return;
    const record = recordOf(event.target.closest('[data-kind]'));
    if (record && (record.kind === 'note' || event.target.closest('[data-move]'))) {
      openEditor(record.kind, record.id);
      return;
    }
    // Empty canvas or a section's body: a new note centred where the user clicked.
    const point = localPoint(event);
    const world = screenToWorld(model.viewport, point.x, point.y);
    createNoteAt(world);
  });

  root.addEventListener('pointerleave', () => { spaceHeld = false; });

  // ---------- focus = selection ----------

  root.addEventListener('focusin', (event) => {
    if (!model) return;
    if (event.target === root) {
      if (model.selected) actions.select(null);
      return;
    }
    const record = recordOf(event.target.closest('[data-kind]'));
    if (record && !isSelected(record.kind, record.id)) actions.select({ kind: record.kind, id: record.id });
  });
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget)) {
      commitNudge();
      if (orderDirty) actions.requestRender();
    }
  });

  // ---------- keyboard ----------

  root.addEventListener('keydown', (event) => {
    // Buttons inside a note (voting) keep their own Enter and Space.
    if (!model || event.target.closest('textarea, input, button')) return;
    const record = recordOf(event.target.closest('[data-kind]'));
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;

    if (event.key === ' ' && plain) {
      spaceHeld = true;
      event.preventDefault();
      return;
    }
    if (record) {
      if (handleItemKey(event, record)) event.preventDefault();
      return;
    }
    if (event.target === root && event.key.startsWith('Arrow') && plain) {
      const step = event.shiftKey ? KEY_PAN_PX * 4 : KEY_PAN_PX;
      const [dx, dy] = arrowDirection(event.key);
      actions.setViewport(panBy(model.viewport, -dx * step, -dy * step));
      event.preventDefault();
      return;
    }
    if (handleCanvasKey(event)) event.preventDefault();
  });
  root.addEventListener('keyup', (event) => {
    if (event.key === ' ') spaceHeld = false;
  });

  /** Keys that work anywhere on the canvas: new note and zoom. */
  function handleCanvasKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    if ((event.key === 'n' || event.key === 'N') && !model.readOnly) {
      actions.addNoteInView();
      return true;
    }
    if (event.key === '+' || event.key === '=') { api.zoomStep(1); return true; }
    if (event.key === '-' || event.key === '_') { api.zoomStep(-1); return true; }
    if (event.key === '0') { api.zoomStep(0); return true; }
    return false;
  }

  function handleItemKey(event, record) {
    const { kind, id } = record;
    const item = itemsOf(kind).get(id);
    if (!item) return false;
    if (event.key === 'Escape') {
      commitNudge();
      root.focus({ preventScroll: true });
      return true;
    }
    if (model.readOnly) return handleCanvasKey(event);
    if (event.key === 'Enter' || event.key === 'F2') {
      openEditor(kind, id);
      return true;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      deleteItem(kind, id);
      return true;
    }
    if ((event.key === 'd' || event.key === 'D') && (event.ctrlKey || event.metaKey) && !event.altKey && kind === 'note') {
      // Ctrl+D (Cmd+D) instead of the browser's bookmark: a copy beside the note.
      commitNudge();
      actions.duplicateNote?.(id);
      return true;
    }
    if ((event.key === 'c' || event.key === 'C') && !event.ctrlKey && !event.metaKey && !event.altKey && kind === 'note') {
      // C (Shift+C backwards): the next colour, said aloud; the toolbar is many Tabs away.
      const step = event.shiftKey ? NOTE_COLORS.length - 1 : 1;
      const color = NOTE_COLORS[(NOTE_COLORS.indexOf(noteColor(item.color)) + step) % NOTE_COLORS.length];
      actions.updateItem('note', id, { color });
      actions.announce?.(model.t('canvas.colorNow', { color: model.t(`color.${color}`) }));
      return true;
    }
    if (event.key.startsWith('Arrow') && !event.ctrlKey && !event.metaKey) {
      const [dx, dy] = arrowDirection(event.key);
      const step = event.shiftKey ? 50 : 10;
      const resize = event.altKey;
      if (nudge && (nudge.kind !== kind || nudge.id !== id || nudge.resize !== resize)) commitNudge();
      if (!nudge) nudge = { kind, id, resize, patch: resize ? { w: item.w, h: item.h } : { x: item.x, y: item.y }, timer: null };
      const limits = kind === 'note' ? NOTE_SIZE : SECTION_SIZE;
      if (resize) {
        nudge.patch = { w: clamp(nudge.patch.w + dx * step, limits.min, limits.max), h: clamp(nudge.patch.h + dy * step, limits.min, limits.max) };
      } else {
        const before = { ...item, ...nudge.patch };
        nudge.patch = { x: clampCoord(nudge.patch.x + dx * step), y: clampCoord(nudge.patch.y + dy * step) };
        if (kind === 'note') sayWhereNoteIs(before, { ...item, ...nudge.patch });
      }
      clearTimeout(nudge.timer);
      nudge.timer = setTimeout(commitNudge, NUDGE_COMMIT_MS);
      actions.requestRender();
      return true;
    }
    return handleCanvasKey(event);
  }

  /** A note moved by keyboard says when it enters or leaves a section (the step a sighted person sees). */
  function sayWhereNoteIs(before, after) {
    const sections = [...model.sections.values()];
    const from = sectionOf(before, sections);
    const to = sectionOf(after, sections);
    if (from?.id === to?.id) return;
    actions.announce?.(to ? model.t('canvas.inSection', { title: to.title || model.t('section.untitled') }) : model.t('canvas.outsideSections'));
  }

  function commitNudge() {
    if (!nudge) return;
    const { kind, id, patch, timer } = nudge;
    clearTimeout(timer);
    nudge = null;
    if (itemsOf(kind).has(id)) actions.updateItem(kind, id, patch);
  }

  /** Deletes an item; one with content asks first (a stray key must not lose someone's work). */
  async function deleteItem(kind, id) {
    const item = itemsOf(kind).get(id);
    if (item && deletionNeedsConfirmation(kind, item, itemsOf('note').values())
        && !(await actions.confirmDelete(kind, item))) {
      records[kind].get(id)?.el.focus({ preventScroll: true });
      return;
    }
    const record = records[kind].get(id);
    // Keep keyboard users in place: focus moves to the next item, else the canvas.
    const next = record?.el.nextElementSibling ?? record?.el.previousElementSibling;
    if (nudge?.id === id) { clearTimeout(nudge.timer); nudge = null; }
    if (editor?.id === id) closeEditor(false);
    actions.deleteItem(kind, id);
    if (next && next.dataset.kind) next.focus({ preventScroll: true });
    else root.focus({ preventScroll: true });
  }

  /** Jumps to show the item fully, unless the view shows it already. */
  function reveal(item) {
    if (!item) return;
    const { width, height } = canvasSize();
    const next = viewportShowing(model.viewport, item, width, height);
    if (next !== model.viewport) actions.setViewport(next);
  }

  function createNoteAt(point) {
    const id = actions.createNoteAt(point);
    if (id) api.edit('note', id);
  }

  const api = {
    update(next) {
      model = next;
      render();
    },
    /** Zoom one step in (1), out (-1) or back to 100 % (0), around the canvas centre. */
    zoomStep(direction) {
      const { width, height } = canvasSize();
      const v = model?.viewport ?? initialViewport();
      const zoom = direction === 0 ? 1 : steppedZoom(v.zoom, direction);
      actions.setViewport(zoomAt(v, zoom, width / 2, height / 2));
    },
    /**
     * Shows everything on the board (at most at 100 %); `unlessShown`: leaves a view that shows
     * it all already as it is.
     */
    fitAll({ unlessShown = false } = {}) {
      if (!model || (model.notes.size === 0 && model.sections.size === 0)) return;
      const { width, height } = canvasSize();
      const items = [...model.sections.values(), ...model.notes.values()];
      if (unlessShown && items.every((item) => boxVisible(model.viewport, item, width, height))) return;
      actions.setViewport(viewportFitting(items, width, height));
    },
    centre() {
      const { width, height } = canvasSize();
      return viewportCentre(model?.viewport ?? initialViewport(), width, height);
    },
    /** The current view as shared with others: world centre and zoom. */
    sharedView(v = model?.viewport ?? initialViewport()) {
      const { width, height } = canvasSize();
      return sharedView(v, width, height);
    },
    /** Moves the view to a shared view (focus, follow). */
    showShared(view) {
      const { width, height } = canvasSize();
      actions.setViewport(viewportFromShared(view, width, height));
    },
    /** Centres a note when it is not fully in view (spotlight, a copy); keeps the zoom if it fits. */
    revealNote(id) {
      reveal(model?.notes.get(id));
    },
    /** As revealNote, for a section (a harvest of mine arrived). */
    revealSection(id) {
      reveal(model?.sections.get(id));
    },
    /** The note whose editor is open, or null. */
    get editingNote() {
      return editor?.kind === 'note' ? editor.id : null;
    },
    /** Saves and closes the open editor (the room is about to change under it). */
    finishEditing() {
      if (editor) closeEditor(true);
    },
    /** Opens the editor now, so keystrokes right after "add note" land in it. */
    edit(kind, id) {
      pendingEdit = { kind, id };
      actions.renderNow();
    },
    /** Renders at once and moves keyboard focus to the item (it becomes selected). */
    focusItem(kind, id) {
      actions.renderNow();
      records[kind].get(id)?.el.focus({ preventScroll: true });
    },
    deleteSelected() {
      const sel = model?.selected;
      if (sel && itemsOf(sel.kind).has(sel.id)) deleteItem(sel.kind, sel.id);
    },
    focus() {
      root.focus({ preventScroll: true });
    },
  };
  return api;
}
