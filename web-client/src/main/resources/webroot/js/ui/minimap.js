// The overview (minimap) in the canvas corner: the room's sections and notes as small shapes in
// their colours and the visible area as a frame, on one <canvas> (a room may hold 5,000 notes; one
// element each would cost more than the drawing). A click or drag on it moves the view there; with
// focus on it, arrow keys move the view. It draws at most once per animation frame and only when
// the notes, sections, view or sizes changed; while the view moves within the room's content, the
// shapes painted before are copied and only the frame is drawn anew. A supplementary pointer aid:
// its text alternative counts what is on the board, the canvas and the list view carry the content.
import { h, setAttr, setText } from './dom.js';
import { contentBounds, minimapView, visibleArea } from '../state/minimap-geometry.js';
import { NOTE_COLORS, NOTE_SIZE, noteColor } from '../state/limits.js';
import { PANEL_BESIDE } from './side-panel.js';
import { arrowDirection, panBy, screenToWorld, viewportFromShared, worldToScreen } from '../state/viewport.js';

/** Notes smaller than this (in overview pixels) are drawn this big, so a far-flung board still shows them. */
const MIN_SHAPE_PX = 1.5;
/** Notes get an edge when one of the usual size is drawn at least this high. */
const MIN_EDGED_PX = 4;
/** Shown or hidden, as each person chose, for every board and snapshot. */
const CHOICE_KEY = 'werkraum.minimap';
/** An arrow key moves the view by this part of the canvas (Shift: a whole canvas). */
const KEY_STEP = 0.25;

/**
 * parts: root (the overview's element, focusable), toggleRoot (where its show/hide button goes:
 * the zoom controls), canvas (the board's canvas element: its size is the visible area).
 * options: storage (where each person's choice to show or hide it is kept for every board: the
 * browser's localStorage; without a choice it is shown where the side panel lies beside the board,
 * so not on phones and tablets), setViewport(v).
 */
export function mountMinimap({ root, toggleRoot, canvas }, { storage, setViewport }) {
  const map = h('canvas', { className: 'minimap__map', 'aria-hidden': 'true' });
  root.append(map);
  /** Off screen: the room's shapes as last painted, kept while only the view moves. */
  const layer = document.createElement('canvas');
  // On phones "▣" stands for the word, as "⤢" does for "Fit to screen" (css/layout-small.css).
  const toggleText = h('span', { className: 'minimap-toggle__text' });
  const toggle = h('button', { type: 'button', className: 'button button--secondary minimap-toggle', 'data-testid': 'minimap-toggle' }, [
    h('span', { className: 'minimap-toggle__icon', 'aria-hidden': 'true' }, '▣'), toggleText,
  ]);
  toggleRoot.append(toggle);

  const choice = readChoice(storage);
  let shown = choice ? choice === 'shown' : window.matchMedia(PANEL_BESIDE).matches;
  /** What update() gave last: notes, sections, viewport, t. */
  let model = null;
  /** The room's shapes as last drawn (notes and sections as lists), their bounds and the map they were painted on in `layer`. */
  let content = null;
  /** The viewport the frame was last drawn for. */
  let drawnViewport = null;
  let dirty = true;
  let frame = 0;
  /** The map (world -> overview pixels) of the last drawing: where a click lands. */
  let mapView = null;
  /** A drag on the overview: its map stays fixed meanwhile, so the board does not slide under the pointer. */
  let grab = null;
  let canvasSize = { width: canvas.clientWidth, height: canvas.clientHeight };
  let mapSize = { width: 0, height: 0 };
  let colours = null;

  const sizes = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const box = entry.contentRect;
      if (entry.target === canvas) canvasSize = { width: box.width, height: box.height };
      else mapSize = { width: box.width, height: box.height };
    }
    invalidate();
  });
  sizes.observe(canvas);
  sizes.observe(root);

  toggle.addEventListener('click', () => {
    shown = !shown;
    try { storage?.setItem(CHOICE_KEY, shown ? 'shown' : 'hidden'); } catch { /* a courtesy only */ }
    showState();
    invalidate();
  });

  function showState() {
    root.hidden = !shown;
    setAttr(toggle, 'aria-pressed', String(shown));
  }
  showState();

  /** Hidden by the button, or with the canvas (the list view): nothing to draw. */
  const drawing = () => shown && !canvas.hidden;

  function invalidate() {
    dirty = true;
    schedule();
  }

  function schedule() {
    if (dirty && model && drawing() && !frame) frame = requestAnimationFrame(draw);
  }

  function draw() {
    frame = 0;
    if (!model || !drawing() || mapSize.width === 0 || canvasSize.width === 0) return;
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const width = Math.round(mapSize.width * dpr);
    const height = Math.round(mapSize.height * dpr);
    for (const el of [map, layer]) {
      if (el.width !== width || el.height !== height) {
        el.width = width;
        el.height = height;
        if (content) content.mapView = null;
      }
    }
    colours ??= readColours();
    if (!content) {
      const notes = [...model.notes.values()];
      const sections = [...model.sections.values()];
      content = { notes, sections, bounds: contentBounds([...sections, ...notes]), mapView: null };
    }
    const visible = visibleArea(model.viewport, canvasSize.width, canvasSize.height);
    mapView = grab?.mapView ?? minimapView(content.bounds, visible, mapSize.width, mapSize.height);
    // Panning within the content keeps the map: only the frame moves over the drawing kept in `layer`.
    const repaint = !sameMap(content.mapView, mapView);
    if (repaint) paintContent(dpr);

    const ctx = map.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const a = worldToScreen(mapView, visible.x, visible.y);
    ctx.fillStyle = colours.viewFill;
    ctx.fillRect(a.x, a.y, visible.w * mapView.zoom, visible.h * mapView.zoom);
    ctx.lineWidth = 2;
    ctx.strokeStyle = colours.view;
    ctx.strokeRect(a.x, a.y, visible.w * mapView.zoom, visible.h * mapView.zoom);

    drawnViewport = model.viewport;
    dirty = false;
    // The time of the last drawing, for DevTools' timeline and the browser test (MinimapBrowserTest).
    performance.clearMeasures('werkraum.minimap.draw');
    performance.measure('werkraum.minimap.draw', { start: started, detail: { content: repaint } });
  }

  /** Background, sections and notes into `layer`, on the current map. */
  function paintContent(dpr) {
    const ctx = layer.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = colours.background;
    ctx.fillRect(0, 0, mapSize.width, mapSize.height);

    ctx.beginPath();
    for (const section of content.sections) rectOf(ctx, section, 1);
    ctx.fillStyle = colours.section;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = colours.sectionEdge;
    ctx.stroke();

    // One path per colour: a few fills for thousands of notes.
    const byColour = new Map();
    for (const note of content.notes) {
      const colour = noteColor(note.color);
      let path = byColour.get(colour);
      if (!path) byColour.set(colour, (path = new Path2D()));
      rectOf(path, note, MIN_SHAPE_PX);
    }
    // A fine edge, as on the control view's room thumbnails, sets the pale tints off the background;
    // on notes a few pixels small it would cover them (and double the drawing time of a full room).
    const edged = NOTE_SIZE.defaultH * mapView.zoom >= MIN_EDGED_PX;
    ctx.lineWidth = 0.5;
    ctx.strokeStyle = colours.noteEdge;
    for (const [colour, path] of byColour) {
      ctx.fillStyle = colours.notes[colour];
      ctx.fill(path);
      if (edged) ctx.stroke(path);
    }
    content.mapView = mapView;
  }

  function sameMap(a, b) {
    return Boolean(a) && a.x === b.x && a.y === b.y && a.zoom === b.zoom;
  }

  /** Adds an item's box in overview pixels to a path, at least `min` pixels wide and high. */
  function rectOf(path, item, min) {
    const { x, y, zoom } = mapView;
    path.rect(item.x * zoom + x, item.y * zoom + y, Math.max(item.w * zoom, min), Math.max(item.h * zoom, min));
  }

  /** The page's colours (css/app.css, css/palette.css), read once. */
  function readColours() {
    const style = getComputedStyle(root);
    const value = (name) => style.getPropertyValue(name).trim();
    return {
      background: value('--minimap-bg'),
      section: value('--minimap-section'),
      sectionEdge: value('--minimap-section-edge'),
      noteEdge: value('--minimap-note-edge'),
      view: value('--minimap-view'),
      viewFill: value('--minimap-view-fill'),
      notes: Object.fromEntries(NOTE_COLORS.map((colour) => [colour, value(`--note-${colour}`)])),
    };
  }

  /** Whether the items are the ones last drawn, in the same places, sizes and colours. */
  function sameShapes(before, items) {
    if (before.length !== items.size) return false;
    let i = 0;
    for (const item of items.values()) {
      const was = before[i++];
      if (was !== item && (was.x !== item.x || was.y !== item.y || was.w !== item.w || was.h !== item.h || was.color !== item.color)) return false;
    }
    return true;
  }

  // ---------- pointer: the view jumps to where the overview is pressed, and follows a drag ----------

  function showPoint(event) {
    const box = root.getBoundingClientRect();
    const world = screenToWorld(grab.mapView, event.clientX - box.left - root.clientLeft, event.clientY - box.top - root.clientTop);
    setViewport(viewportFromShared({ ...world, zoom: model.viewport.zoom }, canvasSize.width, canvasSize.height));
  }

  root.addEventListener('pointerdown', (event) => {
    if (!model || !mapView || event.button !== 0) return;
    grab = { pointerId: event.pointerId, mapView };
    root.setPointerCapture(event.pointerId);
    showPoint(event);
  });
  root.addEventListener('pointermove', (event) => {
    if (grab?.pointerId === event.pointerId) showPoint(event);
  });
  const release = (event) => {
    if (grab?.pointerId !== event.pointerId) return;
    grab = null;
    invalidate();
  };
  root.addEventListener('pointerup', release);
  root.addEventListener('pointercancel', release);

  // ---------- keyboard: arrows move the view by a quarter of the canvas (Shift: a whole one) ----------

  root.addEventListener('keydown', (event) => {
    const direction = arrowDirection(event.key);
    if (!model || !direction || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    const part = event.shiftKey ? 1 : KEY_STEP;
    const [dx, dy] = direction;
    setViewport(panBy(model.viewport, -dx * canvasSize.width * part, -dy * canvasSize.height * part));
  });

  return {
    /** next: notes and sections of the room (Maps), viewport, t. */
    update(next) {
      const { t } = next;
      setText(toggleText, t('minimap.toggle'));
      setAttr(toggle, 'title', t('minimap.toggleHint'));
      setAttr(root, 'aria-label', t('minimap.label', { sections: next.sections.size, notes: next.notes.size }));
      // The room's Maps change in place (js/state/board-state.js): compare the shapes themselves.
      if (content && (!sameShapes(content.notes, next.notes) || !sameShapes(content.sections, next.sections))) content = null;
      if (!content || next.viewport !== drawnViewport) dirty = true;
      model = next;
      schedule();
    },
  };
}

function readChoice(storage) {
  try { return storage?.getItem(CHOICE_KEY) ?? null; } catch { return null; }
}
