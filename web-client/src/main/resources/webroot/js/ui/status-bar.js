// The board page's status in the top bar: the workshop timer (same time left for everyone,
// computed from endsAt and the server clock), its end signal with an optional sound,
// "board locked", and for facilitators the link to the control view.
import { h, setAttr, setText } from './dom.js';
import { createEndWatcher, formatRemaining, timerRemaining, timerStatus, timerVisible } from '../state/timer.js';

const TICK_MS = 250;

/**
 * actions: now() -> server time ms, announce(text), playSound(), setSound(on)
 */
export function mountStatusBar(root, actions) {
  const timerDisplay = h('span', { className: 'timer__time', 'data-testid': 'timer-display' });
  const timerPaused = h('span', { className: 'timer__paused' });
  const timerEnded = h('span', { className: 'timer__ended', 'data-testid': 'timer-ended', hidden: true });
  const timerBox = h('div', { className: 'timer', role: 'timer', hidden: true }, [
    timerDisplay, timerPaused, timerEnded,
  ]);
  const sound = h('button', { type: 'button', className: 'button button--secondary button--small timer__sound', 'data-testid': 'timer-sound', 'aria-pressed': 'false', hidden: true });
  const lock = h('span', { className: 'lock-indicator', 'data-testid': 'lock-indicator', hidden: true }, [
    h('span', { className: 'lock-indicator__text' }),
  ]);
  const control = h('a', { className: 'button button--secondary button--small', 'data-testid': 'control-view-link', target: '_blank', rel: 'noopener', hidden: true });
  root.append(timerBox, sound, lock, control);

  const watcher = createEndWatcher();
  let model = null;
  let ticker = null;

  sound.addEventListener('click', () => actions.setSound(!model?.soundOn));

  function renderTimer() {
    if (!model) return;
    const { timer, t } = model;
    const now = actions.now();
    const remaining = timerRemaining(timer, now);
    const status = timerStatus(timer, now);
    const visible = timerVisible(status);
    timerBox.hidden = !visible;
    sound.hidden = !visible;
    if (watcher.observe(timer, remaining)) {
      actions.announce(t('timer.endedAnnounce'));
      if (model.soundOn) actions.playSound();
    }
    if (!visible) return;
    setText(timerDisplay, formatRemaining(remaining ?? 0));
    setAttr(timerDisplay, 'data-status', status);
    setAttr(timerBox, 'data-status', status);
    setAttr(timerBox, 'aria-label', t('timer.remaining', { time: formatRemaining(remaining ?? 0) }));
    setText(timerPaused, status === 'paused' ? t('timer.paused') : '');
    timerPaused.hidden = status !== 'paused';
    timerEnded.hidden = status !== 'ended';
    setText(timerEnded, t('timer.ended'));
  }

  function schedule() {
    const running = model?.timer?.status === 'running';
    if (running && !ticker) ticker = setInterval(renderTimer, TICK_MS);
    else if (!running && ticker) {
      clearInterval(ticker);
      ticker = null;
    }
  }

  return {
    /** {t, timer, locked, soundOn, controlHref|null} */
    update(next) {
      model = next;
      const { t } = next;
      renderTimer();
      schedule();
      setText(sound, t('timer.sound'));
      setAttr(sound, 'aria-pressed', String(Boolean(next.soundOn)));
      setAttr(sound, 'title', t('timer.soundHint'));
      lock.hidden = !next.locked;
      setText(lock.firstChild, t('lock.indicator'));
      setAttr(lock, 'title', t('lock.hint'));
      control.hidden = !next.controlHref;
      if (next.controlHref) setAttr(control, 'href', next.controlHref);
      setText(control, t('control.link'));
      setAttr(control, 'title', t('control.linkHint'));
    },
  };
}
