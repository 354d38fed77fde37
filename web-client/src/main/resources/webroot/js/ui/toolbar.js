// Tools: add note, add section, duplicate the selected note, delete, colour of the selected
// note; and the zoom controls, which sit in their own group over the canvas corner. On tablets
// and phones (css/layout-small.css) add section, duplicate and delete fold into a "More" menu,
// so the toolbar stays one row.
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

  // On phones the word gives way to an ellipsis (css/layout-small.css); its name stays the word.
  const moreText = h('span', { className: 'toolbar__more-text' });
  const more = h('button', {
    type: 'button', className: 'button button--secondary toolbar__more', 'data-testid': 'toolbar-more',
    'aria-expanded': 'false', 'aria-controls': 'toolbar-menu',
  }, [h('span', { className: 'toolbar__more-icon', 'aria-hidden': 'true' }, '⋯'), moreText]);
  const menu = h('div', { className: 'toolbar__group toolbar__menu', id: 'toolbar-menu' }, [addSection, duplicate, remove]);
  const setMenuOpen = (open) => setAttr(more, 'aria-expanded', String(open));
  const menuOpen = () => more.getAttribute('aria-expanded') === 'true';
  more.addEventListener('click', () => {
    setMenuOpen(!menuOpen());
    if (menuOpen()) menu.querySelector('button:not(:disabled)')?.focus();
  });
  // A chosen tool closes the menu; so do Escape (back to "More") and a tap elsewhere.
  menu.addEventListener('click', (event) => { if (event.target.closest('button')) setMenuOpen(false); });
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menuOpen()) {
      event.preventDefault();
      setMenuOpen(false);
      more.focus();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (menuOpen() && !more.contains(event.target) && !menu.contains(event.target)) setMenuOpen(false);
  });

  const moreGroup = h('div', { className: 'toolbar__group toolbar__group--more' }, [more, menu]);
  // Tabbing on past the menu closes it (a click that moves no focus is handled on pointerdown).
  moreGroup.addEventListener('focusout', (event) => {
    if (event.relatedTarget && !moreGroup.contains(event.relatedTarget)) setMenuOpen(false);
  });

  root.append(
    h('div', { className: 'toolbar__group toolbar__group--add' }, [addNote]),
    moreGroup,
    colorGroup,
  );
  const zoomControls = mountZoomControls(zoomRoot, { zoom: (direction) => actions.zoom(direction), fit: () => actions.fit() });

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
      setText(moreText, t('board.mobile.moreTools'));
      setText(remove, t('toolbar.delete'));
      setAttr(remove, 'title', t('toolbar.deleteHint'));
      remove.disabled = readOnly || !hasSelection;
      addNote.disabled = readOnly;
      addSection.disabled = readOnly;
      zoomControls.update({ t, zoomPercent });
    },
  };
}
