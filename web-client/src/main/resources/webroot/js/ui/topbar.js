// Board title, connection state and the language switch.
import { setAttr, setText } from './dom.js';

const STATE_KEYS = {
  connecting: 'connection.connecting',
  open: 'connection.open',
  reconnecting: 'connection.reconnecting',
  closed: 'connection.closed',
};

export function mountTopbar(root, { onLanguage }) {
  const title = root.querySelector('[data-part="board-title"]');
  const connection = root.querySelector('[data-testid="connection-state"]');
  const connectionText = connection.querySelector('[data-part="connection-text"]');
  const langButtons = [...root.querySelectorAll('[data-lang]')];
  for (const button of langButtons) button.addEventListener('click', () => onLanguage(button.dataset.lang));

  return {
    update({ boardTitle, connectionState, offline, lang, t }) {
      setText(title, boardTitle ?? '');
      const state = connectionState ?? 'connecting';
      setAttr(connection, 'data-state', state);
      setAttr(connection, 'hidden', connectionState === null);
      const key = offline && state !== 'open' ? 'connection.offline' : STATE_KEYS[state];
      setText(connectionText, t(key));
      for (const button of langButtons) setAttr(button, 'aria-pressed', String(button.dataset.lang === lang));
    },
  };
}
