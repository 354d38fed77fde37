// Control view: lock, broadcast, spotlight, bring everyone to my view, follow me.
import { h, setAttr, setText } from './dom.js';
import { excerpt } from '../state/voting.js';
import { readingOrder } from '../state/board-state.js';
import { Commands, Limits } from '../protocol.js';

/** actions: command(fields), steering (ui/steering-commands.js), bring(), room */
export function mountFacBoard(root, actions) {
  const heading = h('h2', { id: 'fac-board-heading' });
  const lock = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-lock', 'aria-pressed': 'false' });
  const lockState = h('p', { className: 'fac-status', 'aria-live': 'polite' });

  const broadcastHeading = h('h3');
  const broadcastLabel = h('label', { for: 'fac-broadcast-text', className: 'visually-hidden' });
  const broadcastText = h('textarea', { id: 'fac-broadcast-text', rows: '3', maxlength: String(Limits.broadcastMax), 'data-testid': 'fac-broadcast-text', 'aria-describedby': 'fac-broadcast-hint' });
  const broadcastHint = h('p', { className: 'hint', id: 'fac-broadcast-hint' });
  const broadcastSend = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-broadcast-send' });
  const broadcastClear = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-broadcast-clear' });
  const broadcastCurrent = h('p', { className: 'fac-status', 'data-testid': 'fac-broadcast-current' });

  const spotlightHeading = h('h3');
  const spotlightLabel = h('label', { for: 'fac-spotlight', className: 'visually-hidden' });
  const spotlight = h('select', { id: 'fac-spotlight', 'data-testid': 'fac-spotlight' });
  const spotlightClear = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-spotlight-clear' });

  const viewHeading = h('h3');
  const bring = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-bring', 'aria-describedby': 'fac-bring-hint' });
  const bringHint = h('p', { className: 'hint', id: 'fac-bring-hint' });
  const follow = h('button', { type: 'button', className: 'button button--secondary button--small signal-toggle', 'data-testid': 'fac-follow', 'aria-pressed': 'false', 'aria-describedby': 'fac-follow-hint' });
  const followHint = h('p', { className: 'hint', id: 'fac-follow-hint' });

  root.append(
    heading, h('div', { className: 'fac-row' }, [lock]), lockState,
    broadcastHeading, broadcastLabel, broadcastText, broadcastHint,
    h('div', { className: 'fac-row' }, [broadcastSend, broadcastClear]), broadcastCurrent,
    spotlightHeading, spotlightLabel, h('div', { className: 'fac-row' }, [spotlight, spotlightClear]),
    viewHeading, h('div', { className: 'fac-row' }, [bring]), bringHint,
    h('div', { className: 'fac-row' }, [follow]), followHint,
  );

  let model = null;
  lock.addEventListener('click', () => actions.steering.setLocked(!model?.settings.locked));
  broadcastSend.addEventListener('click', () => {
    const text = broadcastText.value.trim().slice(0, Limits.broadcastMax);
    if (text) actions.command({ type: Commands.broadcastSend, text });
  });
  broadcastClear.addEventListener('click', () => {
    broadcastText.value = '';
    actions.command({ type: Commands.broadcastClear });
  });
  spotlight.addEventListener('change', () => {
    if (spotlight.value) actions.command({ type: Commands.spotlightSet, room: actions.room, id: spotlight.value });
    else actions.command({ type: Commands.spotlightClear });
  });
  spotlightClear.addEventListener('click', () => actions.command({ type: Commands.spotlightClear }));
  bring.addEventListener('click', () => actions.bring());
  follow.addEventListener('click', () => actions.command({ type: Commands.viewFollow, on: model?.settings.follow !== model?.selfId }));

  return {
    update(next) {
      model = next;
      const { t, settings, notes, selfId } = next;
      setText(heading, t('fac.board.heading'));
      const locked = settings.locked === true;
      setText(lock, locked ? t('fac.board.unlock') : t('fac.board.lock'));
      setAttr(lock, 'aria-pressed', String(locked));
      setAttr(lock, 'data-locked', String(locked));
      setText(lockState, locked ? t('fac.board.locked') : t('fac.board.unlocked'));

      setText(broadcastHeading, t('fac.board.broadcast'));
      setText(broadcastLabel, t('fac.board.broadcast'));
      setText(broadcastHint, t('fac.board.broadcastHint'));
      setText(broadcastSend, t('fac.board.broadcastSend'));
      setText(broadcastClear, t('fac.board.broadcastClear'));
      broadcastClear.disabled = !settings.broadcast;
      setText(broadcastCurrent, settings.broadcast?.text ? t('fac.board.broadcastCurrent', { text: settings.broadcast.text }) : '');
      broadcastCurrent.hidden = !settings.broadcast?.text;

      setText(spotlightHeading, t('fac.board.spotlight'));
      setText(spotlightLabel, t('fac.board.spotlight'));
      setText(spotlightClear, t('fac.board.spotlightClear'));
      const current = settings.spotlight?.id ?? '';
      const options = [['', t('fac.board.spotlightNone')],
        ...readingOrder([...notes.values()]).map((n) => [n.id, excerpt(n.text, 70) || t('fac.board.spotlightEmptyNote')])];
      const key = JSON.stringify(options);
      if (spotlight.dataset.key !== key && document.activeElement !== spotlight) {
        spotlight.dataset.key = key;
        spotlight.replaceChildren(...options.map(([value, label]) => h('option', { value, text: label })));
      }
      if (spotlight.value !== current && document.activeElement !== spotlight) spotlight.value = current;
      spotlightClear.disabled = !current;

      setText(viewHeading, t('fac.board.view'));
      setText(bring, t('fac.board.bring'));
      setText(bringHint, t('fac.board.bringHint'));
      const following = settings.follow === selfId;
      setText(follow, t('fac.board.follow'));
      setAttr(follow, 'aria-pressed', String(following));
      setText(followHint, t('fac.board.followHint'));
    },
  };
}
