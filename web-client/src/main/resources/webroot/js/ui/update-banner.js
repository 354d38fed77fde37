// The banner shown when the server runs a newer Werkraum and the page did not reload itself
// (it already did a moment ago): says so, with a button that reloads the page.
import { h, setText } from './dom.js';
import { ErrorCodes } from '../protocol.js';

const MESSAGE_KEY = `error.${ErrorCodes.clientOutdated}`;

/** actions: reload() */
export function mountUpdateBanner(root, actions) {
  const text = h('span', { className: 'banner__text' });
  const reload = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'update-reload' });
  const banner = h('div', { className: 'banner banner--update', role: 'alert', 'data-testid': 'update-banner', hidden: true }, [text, reload]);
  reload.addEventListener('click', () => actions.reload());
  root.append(banner);

  return {
    /** {t, shown} */
    update({ t, shown }) {
      banner.hidden = !shown;
      setText(text, shown ? t(MESSAGE_KEY) : '');
      setText(reload, t('connection.reload'));
    },
  };
}
