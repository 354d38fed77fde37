// Erasing someone's data (GDPR Art. 17): a modal that asks what becomes of their notes (deleted,
// or kept by "a participant") before anything is erased. Native <dialog>: focus stays inside
// and returns to the opener; Escape cancels. Resolves 'delete', 'anonymise' or null.
import { h, setText } from './dom.js';
import { createModal } from './modal.js';

export function createEraseDialog(t) {
  const heading = h('h2', { id: 'erase-heading' });
  const text = h('p', { id: 'erase-text' });
  const legend = h('legend');
  const deleteInput = h('input', { type: 'radio', name: 'erase-notes', id: 'erase-notes-delete', value: 'delete', 'data-testid': 'erase-notes-delete' });
  const keepInput = h('input', { type: 'radio', name: 'erase-notes', id: 'erase-notes-anonymise', value: 'anonymise', 'data-testid': 'erase-notes-anonymise' });
  const deleteLabel = h('label', { for: 'erase-notes-delete' });
  const keepLabel = h('label', { for: 'erase-notes-anonymise' });
  const ok = h('button', { type: 'button', className: 'button button--danger', 'data-testid': 'erase-ok' });
  const cancel = h('button', { type: 'button', className: 'button button--secondary', 'data-testid': 'erase-cancel' });
  const dialog = h('dialog', { className: 'confirm-dialog', 'aria-labelledby': 'erase-heading', 'aria-describedby': 'erase-text', 'data-testid': 'erase-dialog' }, [
    heading, text,
    h('fieldset', { className: 'erase-choice' }, [legend,
      h('div', { className: 'erase-choice__option' }, [deleteInput, deleteLabel]),
      h('div', { className: 'erase-choice__option' }, [keepInput, keepLabel])]),
    h('div', { className: 'confirm-dialog__actions' }, [cancel, ok]),
  ]);
  const modal = createModal(dialog, null);
  ok.addEventListener('click', () => modal.close(deleteInput.checked ? 'delete' : 'anonymise'));
  cancel.addEventListener('click', () => modal.close(null));

  /** self: the person erases their own data; name: whose data, for a facilitator. */
  return function askErase({ self, name }) {
    setText(heading, self ? t('erase.headingSelf') : t('erase.heading', { name }));
    setText(text, self ? t('erase.textSelf') : t('erase.text', { name }));
    setText(legend, t('erase.notesLegend'));
    setText(deleteLabel, t('erase.notesDelete'));
    setText(keepLabel, t('erase.notesAnonymise'));
    setText(ok, t('erase.confirm'));
    setText(cancel, t('confirm.cancel'));
    deleteInput.checked = true;
    return modal.ask(cancel);
  };
}
