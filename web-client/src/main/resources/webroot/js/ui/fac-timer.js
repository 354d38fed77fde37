// Control view: the workshop timer. Presets start at once; a custom number of minutes,
// pause/resume, one more minute and reset. Shows the same time left as every board.
import { h, setAttr, setText } from './dom.js';
import { Limits } from '../protocol.js';
import { formatRemaining, MINUTE_MS, minutesRange, timerRemaining, timerStatus } from '../state/timer.js';

const PRESETS = [1, 3, 5, 10];
/** The custom duration in whole minutes, within what the server accepts. */
const { min: MINUTES_MIN, max: MINUTES_MAX } = minutesRange(Limits.timerMinMs, Limits.timerMaxMs);
const TICK_MS = 250;

/** actions: steering (ui/steering-commands.js), now() -> server time */
export function mountFacTimer(root, actions) {
  const heading = h('h2', { id: 'fac-timer-heading' });
  const time = h('p', { className: 'fac-timer-time', 'data-testid': 'fac-timer-display', role: 'timer' });
  const status = h('p', { className: 'fac-status', 'data-testid': 'fac-timer-status' });
  const presetsLabel = h('span', { id: 'fac-timer-presets', className: 'toolbar__label' });
  const presets = PRESETS.map((minutes) => {
    const b = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-timer-preset', 'data-minutes': String(minutes) });
    b.addEventListener('click', () => {
      custom.value = String(minutes);
      start(minutes);
    });
    return b;
  });
  const customLabel = h('label', { for: 'fac-timer-custom' });
  const custom = h('input', { id: 'fac-timer-custom', type: 'number', className: 'fac-number', min: String(MINUTES_MIN), max: String(MINUTES_MAX), step: '1', value: '5', 'data-testid': 'fac-timer-custom' });
  const startButton = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-timer-start' });
  const pause = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-timer-pause' });
  const resume = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-timer-resume' });
  const add = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-timer-add' });
  const reset = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-timer-reset' });
  const error = h('p', { className: 'fac-error', role: 'alert', hidden: true });
  root.append(
    heading, time, status,
    h('div', { className: 'fac-row', role: 'group', 'aria-labelledby': 'fac-timer-presets' }, [presetsLabel, ...presets]),
    h('div', { className: 'fac-row' }, [customLabel, custom, startButton]),
    error,
    h('div', { className: 'fac-row' }, [pause, resume, add, reset]),
  );

  let model = null;
  let ticker = null;

  function start(minutes) {
    const value = Number(minutes);
    if (!Number.isFinite(value) || value < MINUTES_MIN || value > MINUTES_MAX) {
      error.hidden = false;
      setText(error, model.t('fac.timer.invalid'));
      custom.setAttribute('aria-invalid', 'true');
      custom.focus();
      return;
    }
    error.hidden = true;
    custom.removeAttribute('aria-invalid');
    actions.steering.startTimer(value);
  }
  startButton.addEventListener('click', () => start(custom.value));
  custom.addEventListener('keydown', (event) => { if (event.key === 'Enter') start(custom.value); });
  pause.addEventListener('click', () => actions.steering.pauseTimer());
  resume.addEventListener('click', () => actions.steering.resumeTimer());
  add.addEventListener('click', () => actions.steering.addToTimer(MINUTE_MS));
  reset.addEventListener('click', () => actions.steering.resetTimer());

  function renderTime() {
    if (!model) return;
    const now = actions.now();
    const st = timerStatus(model.timer, now);
    setText(time, formatRemaining(timerRemaining(model.timer, now) ?? 0));
    setAttr(time, 'data-status', st);
    setText(status, model.t(`fac.timer.status.${st}`));
    return st;
  }

  return {
    update(next) {
      model = next;
      const { t, timer } = next;
      setText(heading, t('fac.timer.heading'));
      setText(presetsLabel, t('fac.timer.presets'));
      for (const b of presets) {
        setText(b, t('fac.timer.minutes', { minutes: b.dataset.minutes }));
        setAttr(b, 'aria-label', t('fac.timer.presetLabel', { minutes: b.dataset.minutes }));
      }
      setText(customLabel, t('fac.timer.custom'));
      setText(startButton, t('fac.timer.start'));
      setText(pause, t('fac.timer.pause'));
      setText(resume, t('fac.timer.resume'));
      setText(add, t('fac.timer.add'));
      setText(reset, t('fac.timer.reset'));
      const st = renderTime();
      pause.hidden = st !== 'running';
      resume.hidden = !(st === 'paused' || st === 'idle');
      add.disabled = st === 'none';
      reset.disabled = st === 'none' || st === 'idle';
      const running = timer?.status === 'running';
      if (running && !ticker) ticker = setInterval(renderTime, TICK_MS);
      else if (!running && ticker) { clearInterval(ticker); ticker = null; }
    },
  };
}
