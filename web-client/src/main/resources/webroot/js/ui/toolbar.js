// Tools: add note, add section, colour of the selected note, duplicate the selected note,
// delete; and the zoom controls, which sit in their own group over the canvas corner.
import { h, setAttr, setText } from './dom.js';
import { NOTE_COLORS } from '../state/limits.js';
import { mountZoomControls } from './zoom-controls.js';

export function mountToolbar(root, zoomRoot, actions) {
  const addNote = h('button', { type: 'button', className: 'button', 'data-testid': 'add-note', onclick: () => actions.addNote() });
  const addSection = h('button', { type: 'button', className: 'button button--secondary', 'data-testid': 'add-section', onclick: () => actions.addSection() });

  const colorLabel = h('span', { className: 'toolbar__label', id: 'color-label' });
  const swatches = NOTE_COLORS.map((color) => h('button', {
    type: 'button',
    className: 'swatch',
    'data-color': color,
    'data-note-color': color,
    'data-testid': `color-${color}`,
    onclick: () => actions.setColor(color),
  }));
  const colorGroup = h('div', { className: 'toolbar__group swatches', role: 'group', 'aria-labelledby': 'color-label' }, [colorLabel, ...swatches]);

  const duplicate = h('button', {
    type: 'button', className: 'button button--secondary', 'data-testid': 'duplicate', 'aria-keyshortcuts': 'Control+D Meta+D',
    onclick: () => actions.duplicateSelected(),
  });
  const remove = h('button', { type: 'button', className: 'button button--danger', 'data-testid': 'delete', onclick: () => actions.deleteSelected() });

  root.append(
    h('div', { className: 'toolbar__group' }, [addNote, addSection]),
    colorGroup,
    h('div', { className: 'toolbar__group' }, [duplicate, remove]),
  );
  const zoomControls = mountZoomControls(zoomRoot, { zoom: (direction) => actions.zoom(direction) });

  return {
    /**
     * selectedNote: the selected note or null; anything selected enables delete;
     * canDuplicate: the selected note may be copied.
     */
    update({ t, readOnly, selectedNote, hasSelection, canDuplicate, defaultColor, zoomPercent }) {
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
      setText(duplicate, t('toolbar.duplicate'));
      setAttr(duplicate, 'title', t('toolbar.duplicateHint'));
      duplicate.disabled = readOnly || !canDuplicate;
      setText(remove, t('toolbar.delete'));
      setAttr(remove, 'title', t('toolbar.deleteHint'));
      remove.disabled = readOnly || !hasSelection;
      addNote.disabled = readOnly;
      addSection.disabled = readOnly;
      zoomControls.update({ t, zoomPercent });
    },
  };
}
