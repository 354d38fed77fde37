// The board page's steering panel for facilitators: the common actions without a second tab
// (timer presets, pause/resume, lock, reveal hidden notes, start/close a voting round, open/close
// the breakout rooms). A disclosure: the button says whether the panel is open, Escape closes it
// and returns focus to the button, a click elsewhere closes it too. On a phone it moves with the status into the bottom sheet.
// Each toggling action is one button whose label follows the state, so focus stays put.
import { h, setAttr, setText } from './dom.js';
import { formatRemaining, timerRemaining, timerStatus } from '../state/timer.js';
import { openRound } from '../state/voting.js';
import { newRound } from './steering-commands.js';

const TIMER_PRESETS = [3, 5, 10];
const TICK_MS = 250;

/** actions: the steering commands (ui/steering-commands.js), now() -> server time ms */
export function mountBoardSteering(root, actions) {
  const toggle = h('button', {
    type: 'button', className: 'button button--secondary button--small steer__toggle',
    'aria-expanded': 'false', 'aria-controls': 'steer-panel', 'data-testid': 'steer-toggle',
  });
  const heading = h('h2', { id: 'steer-heading', className: 'steer__heading' });
  const group = (key, children) => {
    const label = h('span', { id: `steer-${key}-label`, className: 'steer__label' });
    return { label, el: h('div', { className: 'steer__group', role: 'group', 'aria-labelledby': label.id }, [label, ...children]) };
  };
  const button = (testid, secondary = true) => h('button', {
    type: 'button', className: `button button--small${secondary ? ' button--secondary' : ''}`, 'data-testid': testid,
  });

  const time = h('span', { className: 'steer__time', 'data-testid': 'steer-timer' });
  const presets = TIMER_PRESETS.map((minutes) => {
    const b = button('steer-timer-preset');
    b.dataset.minutes = String(minutes);
    b.addEventListener('click', () => actions.startTimer(minutes));
    return b;
  });
  const pauseResume = button('steer-timer-pause');
  const timer = group('timer', [time, ...presets, pauseResume]);

  const lock = button('steer-lock');
  setAttr(lock, 'aria-pressed', 'false');
  const reveal = button('steer-reveal');
  const board = group('board', [lock, reveal]);

  const roundText = h('span', { className: 'steer__state', 'data-testid': 'steer-round-state' });
  const roundButton = button('steer-round', false);
  const round = group('round', [roundText, roundButton]);

  const roomsText = h('span', { className: 'steer__state', 'data-testid': 'steer-rooms-state' });
  const roomsButton = button('steer-rooms', false);
  const rooms = group('rooms', [roomsText, roomsButton]);

  const panel = h('div', { id: 'steer-panel', className: 'steer__panel', 'aria-labelledby': 'steer-heading', 'data-testid': 'steer-panel', hidden: true }, [
    heading, timer.el, board.el, round.el, rooms.el,
  ]);
  const steer = h('div', { className: 'steer' }, [toggle, panel]);
  root.append(steer);

  let model = null;
  let ticker = null;

  function setOpen(open) {
    panel.hidden = !open;
    setAttr(toggle, 'aria-expanded', String(open));
  }
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  // A click or tap elsewhere on the page closes it, as menus do (not one in a dialog it opened).
  document.addEventListener('pointerdown', (event) => {
    if (!panel.hidden && !steer.contains(event.target) && !event.target.closest?.('dialog')) setOpen(false);
  });
  // Escape on the button or anywhere in the open panel.
  steer.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || panel.hidden) return;
    event.stopPropagation();
    setOpen(false);
    toggle.focus();
  });

  pauseResume.addEventListener('click', () => {
    if (timerStatus(model.timer, actions.now()) === 'running') actions.pauseTimer();
    else actions.resumeTimer();
  });
  lock.addEventListener('click', () => actions.setLocked(!model.locked));
  reveal.addEventListener('click', () => actions.reveal(model.room));
  roundButton.addEventListener('click', async () => {
    const open = openRound(model.rounds);
    if (!open) {
      actions.startRound(newRound(model.room));
      return;
    }
    const reply = await actions.closeRound(open);
    // Closed from the board: its results show on every board at once.
    if (reply?.ok) actions.showRound(open.id);
  });
  roomsButton.addEventListener('click', () => (model.breakoutOpen ? actions.closeRooms() : actions.openRooms()));

  function renderTimer() {
    if (!model) return;
    const { t } = model;
    const st = timerStatus(model.timer, actions.now());
    setText(time, st === 'none' ? t(`fac.timer.status.${st}`) : `${formatRemaining(timerRemaining(model.timer, actions.now()) ?? 0)} · ${t(`fac.timer.status.${st}`)}`);
    setAttr(time, 'data-status', st);
    pauseResume.hidden = !(st === 'running' || st === 'paused' || st === 'idle');
    setText(pauseResume, t(st === 'running' ? 'fac.timer.pause' : st === 'idle' ? 'fac.timer.start' : 'fac.timer.resume'));
  }

  return {
    /** {t, timer, locked, privateWriting, rounds, room, roomCount, breakoutOpen} */
    update(next) {
      model = next;
      const { t } = next;
      setText(toggle, t('steer.toggle'));
      setText(heading, t('steer.heading'));
      setText(timer.label, t('fac.timer.heading'));
      for (const b of presets) {
        setText(b, t('fac.timer.minutes', { minutes: b.dataset.minutes }));
        setAttr(b, 'aria-label', t('fac.timer.presetLabel', { minutes: b.dataset.minutes }));
      }
      renderTimer();
      const running = next.timer?.status === 'running';
      if (running && !ticker) ticker = setInterval(renderTimer, TICK_MS);
      else if (!running && ticker) { clearInterval(ticker); ticker = null; }

      setText(board.label, t('steer.board'));
      setText(lock, t(next.locked ? 'steer.unlock' : 'steer.lock'));
      setAttr(lock, 'aria-pressed', String(next.locked));
      setAttr(lock, 'data-locked', String(next.locked));
      reveal.hidden = !next.privateWriting;
      setText(reveal, t('steer.reveal'));

      const open = openRound(next.rounds);
      setText(round.label, t('steer.round'));
      setText(roundText, open ? (open.title || t('voting.untitled')) : t('steer.noRound'));
      setText(roundButton, t(open ? 'fac.voting.close' : 'steer.startRound'));
      setAttr(roundButton, 'data-action', open ? 'close' : 'start');
      setAttr(roundButton, 'class', `button button--small${open ? ' button--danger' : ''}`);

      rooms.el.hidden = next.roomCount === 0;
      setText(rooms.label, t('steer.rooms'));
      setText(roomsText, t(next.breakoutOpen ? 'fac.now.roomsOpen' : 'fac.now.roomsClosed', { count: next.roomCount }));
      setText(roomsButton, t(next.breakoutOpen ? 'steer.closeRooms' : 'steer.openRooms'));
      setAttr(roomsButton, 'data-action', next.breakoutOpen ? 'close' : 'open');
    },
  };
}
