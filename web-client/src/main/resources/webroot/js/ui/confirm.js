// A modal confirmation (native <dialog>: focus is trapped and returns to the opener,
// Escape cancels). Resolves true for OK, false otherwise.
import { h, setText } from './dom.js';

export function createConfirm(t) {
  const message = h('p', { id: 'confirm-message' });
  const ok = h('button', { type: 'button', className: 'button button--danger', 'data-testid': 'confirm-ok' });
  const cancel = h('button', { type: 'button', className: 'button button--secondary', 'data-testid': 'confirm-cancel' });
  const dialog = h('dialog', { className: 'confirm-dialog', 'aria-describedby': 'confirm-message', 'data-testid': 'confirm-dialog' }, [
    message, h('div', { className: 'confirm-dialog__actions' }, [cancel, ok]),
  ]);
  document.body.append(dialog);
  let resolve = null;

  function close(result) {
    // Taken first: closing the dialog fires its 'close' event, which lands here again.
    const done = resolve;
    resolve = null;
    if (dialog.open) dialog.close();
    done?.(result);
  }
  ok.addEventListener('click', () => close(true));
  cancel.addEventListener('click', () => close(false));
  dialog.addEventListener('close', () => close(false));

  return function confirm(text, okLabel) {
    close(false);
    setText(message, text);
    setText(ok, okLabel ?? t('confirm.ok'));
    setText(cancel, t('confirm.cancel'));
    dialog.setAttribute('aria-label', okLabel ?? t('confirm.ok'));
    return new Promise((done) => {
      resolve = done;
      dialog.showModal();
      cancel.focus();
    });
  };
}
