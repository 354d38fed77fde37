// Tools: add note, add section, colour of the selected note, delete; and the zoom
// controls, which sit in their own group over the canvas corner.
import { h, setAttr, setText } from './dom.js';
import { NOTE_COLORS } from '../state/limits.js';

export function mountToolbar(root, zoomRoot, actions) {
  const addNote = h('button', { type: 'button', className: 'button', 'data-testid': 'add-note', onclick: () => actions.addNote() });
  const addSection = h('button', { type: 'button', className: 'button button--secondary', 'data-testid': 'add-section', onclick: () => actions.addSection() });

  const colorLabel = h('span', { className: 'toolbar__label', id: 'color-label' });
  const swatches = NOTE_COLORS.map((color) => h('button', {
    type: 'button',
    className: `swatch note-color--${color}`,
    'data-color': color,
    'data-testid': `color-${color}`,
    onclick: () => actions.setColor(color),
  }));
  const colorGroup = h('div', { className: 'toolbar__group swatches', role: 'group', 'aria-labelledby': 'color-label' }, [colorLabel, ...swatches]);

  const remove = h('button', { type: 'button', className: 'button button--danger', 'data-testid': 'delete', onclick: () => actions.deleteSelected() });

  const zoomOut = h('button', { type: 'button', className: 'button button--icon', 'data-testid': 'zoom-out', onclick: () => actions.zoom(-1) }, '−');
  const zoomValue = h('output', { className: 'zoom-value', 'aria-live': 'polite', 'data-testid': 'zoom-value' });
  const zoomIn = h('button', { type: 'button', className: 'button button--icon', 'data-testid': 'zoom-in', onclick: () => actions.zoom(1) }, '+');
  const zoomReset = h('button', { type: 'button', className: 'button button--secondary', 'data-testid': 'zoom-reset', onclick: () => actions.zoom(0) });

  root.append(
    h('div', { className: 'toolbar__group' }, [addNote, addSection]),
    colorGroup,
    h('div', { className: 'toolbar__group' }, [remove]),
  );
  const zoomLabel = h('span', { className: 'visually-hidden', id: 'zoom-label' });
  zoomRoot.setAttribute('aria-labelledby', 'zoom-label');
  zoomRoot.append(zoomLabel, zoomOut, zoomValue, zoomIn, zoomReset);

  return {
    /** selectedNote: the selected note or null; anything selected enables delete. */
    update({ t, readOnly, selectedNote, hasSelection, defaultColor, zoomPercent }) {
      setText(addNote, t('toolbar.addNote'));
      setAttr(addNote, 'title', t('toolbar.addNoteHint'));
      setText(addSection, t('toolbar.addSection'));
      setText(colorLabel, t('toolbar.color'));
      const activeColor = selectedNote ? selectedNote.color : defaultColor;
      for (const swatch of swatches) {
        const color = swatch.dataset.color;
        setAttr(swatch, 'aria-label', t(`color.${color}`));
        setAttr(swatch, 'title', t(`color.${color}`));
        setAttr(swatch, 'aria-pressed', String(color === activeColor));
        swatch.disabled = readOnly;
      }
      setText(remove, t('toolbar.delete'));
      setAttr(remove, 'title', t('toolbar.deleteHint'));
      remove.disabled = readOnly || !hasSelection;
      addNote.disabled = readOnly;
      addSection.disabled = readOnly;
      setText(zoomLabel, t('toolbar.zoom'));
      setAttr(zoomOut, 'aria-label', t('toolbar.zoomOut'));
      setAttr(zoomOut, 'title', t('toolbar.zoomOut'));
      setAttr(zoomIn, 'aria-label', t('toolbar.zoomIn'));
      setAttr(zoomIn, 'title', t('toolbar.zoomIn'));
      setText(zoomValue, t('toolbar.zoomValue', { percent: zoomPercent }));
      setText(zoomReset, t('toolbar.zoomReset'));
      setAttr(zoomReset, 'title', t('toolbar.zoomResetHint'));
    },
  };
}
