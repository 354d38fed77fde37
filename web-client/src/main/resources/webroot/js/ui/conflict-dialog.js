// Someone else saved a note while I was writing it, and our changes touch the same words: both
// versions side by side, and I choose. Nothing is lost whatever I choose by accident: closing the
// dialog (Escape) keeps both.
import { h, setText } from './dom.js';
import { createModal } from './modal.js';

export const KEEP_BOTH = 'both';
export const KEEP_MINE = 'mine';
export const KEEP_THEIRS = 'theirs';

export function createConflictDialog(t) {
  const heading = h('h2', { id: 'conflict-title' });
  const message = h('p', { id: 'conflict-message' });
  const theirsHeading = h('h3');
  const theirsText = h('p', { 'data-testid': 'conflict-theirs' });
  const mineHeading = h('h3');
  const mineText = h('p', { 'data-testid': 'conflict-mine' });
  const both = h('button', { type: 'button', className: 'button', 'data-testid': 'conflict-both' });
  const mine = h('button', { type: 'button', className: 'button button--secondary', 'data-testid': 'conflict-mine-button' });
  const theirs = h('button', { type: 'button', className: 'button button--secondary', 'data-testid': 'conflict-theirs-button' });
  const dialog = h('dialog', {
    className: 'confirm-dialog conflict-dialog', 'aria-labelledby': 'conflict-title', 'aria-describedby': 'conflict-message',
    'data-testid': 'conflict-dialog',
  }, [
    heading, message,
    h('div', { className: 'conflict-dialog__versions' }, [
      h('section', { className: 'conflict-dialog__version' }, [theirsHeading, theirsText]),
      h('section', { className: 'conflict-dialog__version' }, [mineHeading, mineText]),
    ]),
    h('div', { className: 'confirm-dialog__actions confirm-dialog__actions--wrap' }, [theirs, mine, both]),
  ]);
  const modal = createModal(dialog, KEEP_BOTH);
  both.addEventListener('click', () => modal.close(KEEP_BOTH));
  mine.addEventListener('click', () => modal.close(KEEP_MINE));
  theirs.addEventListener('click', () => modal.close(KEEP_THEIRS));

  /** Resolves with KEEP_BOTH, KEEP_MINE or KEEP_THEIRS. `name`: who saved meanwhile. */
  return function offer({ name, mineText: mineVersion, theirsText: theirsVersion }) {
    setText(heading, t('conflict.title'));
    setText(message, t('conflict.message', { name }));
    setText(theirsHeading, t('conflict.theirs', { name }));
    setText(theirsText, theirsVersion);
    setText(mineHeading, t('conflict.mine'));
    setText(mineText, mineVersion);
    setText(both, t('conflict.keepBoth'));
    setText(mine, t('conflict.keepMine'));
    setText(theirs, t('conflict.keepTheirs', { name }));
    return modal.ask(both);
  };
}
