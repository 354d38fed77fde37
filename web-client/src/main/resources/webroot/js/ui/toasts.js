// Short messages (mostly errors) in a polite live region; each disappears on its own
// after a while or when dismissed.
import { h } from './dom.js';

const VISIBLE_MS = 7000;

export function mountToasts(container, { t }) {
  function dismiss(el) {
    el.remove();
  }
  return {
    show(message, kind = 'error') {
      const close = h('button', { type: 'button', className: 'toast__close', 'aria-label': t('toast.dismiss') }, '×');
      const el = h('div', { className: `toast toast--${kind}`, 'data-testid': 'toast' }, [h('span', { className: 'toast__text', text: message }), close]);
      close.addEventListener('click', () => dismiss(el));
      container.append(el);
      // Many errors in a burst (e.g. a flaky network) should not flood the screen.
      while (container.children.length > 4) container.firstElementChild.remove();
      setTimeout(() => dismiss(el), VISIBLE_MS);
    },
  };
}
