// The banner shown when the server runs a newer Werkraum and the page did not reload itself
// (it already did a moment ago): says so, with a button that reloads the page. It shows once
// the session reported client_outdated (take), and stays.
import { h, setText } from './dom.js';
import { errorMessageKey } from '../i18n.js';
import { ErrorCodes } from '../protocol.js';

/** actions: reload() */
export function mountUpdateBanner(root, actions) {
  const text = h('span', { className: 'banner__text' });
  const reload = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'update-reload' });
  const banner = h('div', { className: 'banner banner--update', role: 'alert', 'data-testid': 'update-banner', hidden: true }, [text, reload]);
  reload.addEventListener('click', () => actions.reload());
  root.append(banner);
  /** The server runs a newer Werkraum and this page already reloaded for it. */
  let outdated = false;

  return {
    /**
     * A session error code: true when it is client_outdated, which this banner shows from the
     * next update on (the caller renders); false for any other code (the caller reports it).
     */
    take(code) {
      if (code !== ErrorCodes.clientOutdated) return false;
      outdated = true;
      return true;
    },
    /** {t} */
    update({ t }) {
      banner.hidden = !outdated;
      setText(text, outdated ? t(errorMessageKey(ErrorCodes.clientOutdated)) : '');
      setText(reload, t('connection.reload'));
    },
  };
}
