// A modal confirmation (native <dialog>: focus is trapped and returns to the opener,
// Escape cancels). Resolves true for OK, false otherwise.
import { h, setText } from './dom.js';
import { createModal } from './modal.js';

export function createConfirm(t) {
  const message = h('p', { id: 'confirm-message' });
  const ok = h('button', { type: 'button', className: 'button button--danger', 'data-testid': 'confirm-ok' });
  const cancel = h('button', { type: 'button', className: 'button button--secondary', 'data-testid': 'confirm-cancel' });
  const dialog = h('dialog', { className: 'confirm-dialog', 'aria-describedby': 'confirm-message', 'data-testid': 'confirm-dialog' }, [
    message, h('div', { className: 'confirm-dialog__actions' }, [cancel, ok]),
  ]);
  const modal = createModal(dialog, false);
  ok.addEventListener('click', () => modal.close(true));
  cancel.addEventListener('click', () => modal.close(false));

  return function confirm(text, okLabel) {
    setText(message, text);
    setText(ok, okLabel ?? t('confirm.ok'));
    setText(cancel, t('confirm.cancel'));
    dialog.setAttribute('aria-label', okLabel ?? t('confirm.ok'));
    return modal.ask(cancel);
  };
}
