// A modal on a native <dialog>: focus is trapped and returns to the opener, Escape cancels.
// The one place that settles its promise: by a button (close(result)) or by the dialog closing
// (Escape: `cancelled`).

/** The dialog, appended to the page; `ask(focus)` shows it and resolves with what close() gets. */
export function createModal(dialog, cancelled) {
  document.body.append(dialog);
  let resolve = null;

  function close(result) {
    // Taken first: closing the dialog fires its 'close' event, which lands here again.
    const done = resolve;
    resolve = null;
    if (dialog.open) dialog.close();
    done?.(result);
  }
  // A close event of a dialog reopened since (ask() while open) is stale: ignored.
  dialog.addEventListener('close', () => { if (!dialog.open) close(cancelled); });

  return {
    close,
    ask(focus) {
      close(cancelled);
      return new Promise((done) => {
        resolve = done;
        dialog.showModal();
        focus.focus();
      });
    },
  };
}
