// Control view: what is happening now, always in sight beside the phases: who is here (per
// organisation while there are few) and who waits to be let in, raised hands (each lowered with
// one click once the person has spoken), who is ready, the timer with pause and resume, the open
// round's progress and how busy each breakout room is. Each part leads to the phase where it is
// steered. On a phone it folds into one line.
import { h, setAttr, setText } from './dom.js';
import { Commands } from '../protocol.js';
import { formatRemaining, timerRemaining, timerStatus } from '../state/timer.js';
import { minutesAgo, presenceSummary, roomsBusy, roundProgress } from '../state/live-summary.js';

const TICK_MS = 250;

/** actions: command(fields), steering (ui/steering-commands.js), now() -> server time, show(phase, focusSelector) */
export function mountFacNow(root, actions) {
  const heading = h('h2', { id: 'fac-now-heading', className: 'now__heading' });
  const toggle = h('button', {
    type: 'button', className: 'now__toggle', 'aria-expanded': 'false', 'aria-controls': 'fac-now-body', 'data-testid': 'fac-now-toggle',
  });
  const toggleText = h('span', { className: 'now__summary', 'data-testid': 'fac-now-summary' });
  toggle.append(toggleText);
  const body = h('div', { id: 'fac-now-body', className: 'now__body' });
  root.append(h('div', { className: 'now__head' }, [heading, toggle]), body);
  root.dataset.collapsed = 'true';
  toggle.addEventListener('click', () => {
    const collapsed = root.dataset.collapsed !== 'true';
    root.dataset.collapsed = String(collapsed);
    setAttr(toggle, 'aria-expanded', String(!collapsed));
  });

  /** One part: a heading, a button to the phase that steers it, and its content. */
  function part(key, phase, focus) {
    const title = h('h3', { id: `fac-now-${key}-heading`, className: 'now__title' });
    const more = h('button', { type: 'button', className: 'now__more', 'data-testid': `fac-now-open-${key}` });
    more.addEventListener('click', () => actions.show(phase, focus));
    const content = h('div', { className: 'now__content' });
    const el = h('section', { className: `now__part now__part--${key}`, 'aria-labelledby': title.id, 'data-testid': `fac-now-${key}-part` }, [
      h('div', { className: 'now__part-head' }, [title, more]), content,
    ]);
    body.append(el);
    return { el, title, more, content };
  }

  // ---- who is here ----
  const people = part('people', 'people', null);
  const count = h('p', { className: 'now__figure', 'data-testid': 'fac-now-online' });
  const ready = h('p', { className: 'now__line', 'data-testid': 'fac-now-ready' });
  const organisations = h('ul', { className: 'now__chips', 'data-testid': 'fac-now-organisations' });
  const waiting = h('button', { type: 'button', className: 'now__alert', 'data-testid': 'fac-now-waiting', hidden: true });
  waiting.addEventListener('click', () => actions.show('people', '[data-testid="fac-admit"]:not([hidden])'));
  people.content.append(h('div', { className: 'now__people' }, [count, ready]), organisations, waiting);

  // ---- hands ----
  const hands = part('hands', 'people', null);
  const handList = h('ul', { className: 'now__list now__list--hands', 'data-testid': 'fac-now-hand-list' });
  const noHands = h('p', { className: 'now__line muted', tabindex: '-1' });
  hands.content.append(handList, noHands);

  // ---- timer ----
  const timer = part('timer', 'work', '#fac-timer-custom');
  const time = h('p', { className: 'now__time', 'data-testid': 'fac-now-timer' });
  const timerState = h('span', { className: 'now__line' });
  const pause = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-now-timer-pause' });
  const resume = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-now-timer-resume' });
  pause.addEventListener('click', () => actions.steering.pauseTimer());
  resume.addEventListener('click', () => actions.steering.resumeTimer());
  timer.content.append(h('div', { className: 'now__timer' }, [time, timerState, pause, resume]));

  // ---- the open round ----
  const round = part('round', 'vote', '#fac-round-title');
  const roundTitle = h('p', { className: 'now__line now__strong', 'data-testid': 'fac-now-round-title' });
  const roundMeter = h('div', { className: 'now__meter', 'aria-hidden': 'true' }, [h('span', { className: 'now__meter-bar' })]);
  const roundProgressText = h('p', { className: 'now__line', 'data-testid': 'fac-now-round' });
  round.content.append(roundTitle, roundMeter, roundProgressText);

  // ---- rooms ----
  const rooms = part('rooms', 'rooms', null);
  const roomsState = h('p', { className: 'now__line', 'data-testid': 'fac-now-rooms-state' });
  const roomList = h('ul', { className: 'now__list now__list--rooms', 'data-testid': 'fac-now-room-list' });
  rooms.content.append(roomsState, roomList);

  let model = null;
  let ticker = null;

  function summaryText() {
    const { t } = model;
    const presence = model.presence;
    const parts = [
      t('fac.now.summaryPeople', { online: presence.online, total: presence.total }),
      t('fac.now.summaryHands', { count: presence.hands.length }),
    ];
    const st = timerStatus(model.timer, actions.now());
    if (st !== 'none') parts.push(t('fac.now.summaryTimer', { time: formatRemaining(timerRemaining(model.timer, actions.now()) ?? 0) }));
    if (model.progress) parts.push(t('fac.now.summaryRound', { voters: model.progress.voters, people: model.progress.people }));
    return parts.join(' · ');
  }

  function renderTimer() {
    if (!model) return;
    const { t } = model;
    const st = timerStatus(model.timer, actions.now());
    setText(time, st === 'none' ? '–' : formatRemaining(timerRemaining(model.timer, actions.now()) ?? 0));
    setAttr(time, 'data-status', st);
    setText(timerState, t(`fac.timer.status.${st}`));
    pause.hidden = st !== 'running';
    resume.hidden = !(st === 'paused' || st === 'idle');
    // A timer set but not started yet starts; a paused one resumes (both timer.resume).
    setText(resume, t(st === 'idle' ? 'fac.timer.start' : 'fac.timer.resume'));
    setText(toggleText, summaryText());
  }

  function renderRooms(t, busy, breakoutOpen, now) {
    setText(roomsState, busy.length === 0 ? t('fac.rooms.none')
      : t(breakoutOpen ? 'fac.now.roomsOpen' : 'fac.now.roomsClosed', { count: busy.length }));
    // Rebuilt when a room, the minute or the language changes.
    const key = JSON.stringify([t('fac.now.roomNotes', { count: 0 }), busy, Math.floor(now / 60000)]);
    if (roomList.dataset.key === key) return;
    roomList.dataset.key = key;
    roomList.replaceChildren(...busy.map((room) => {
      const facts = [t('fac.now.roomPeople', { online: room.online, total: room.people })];
      if (room.notes !== null) facts.push(t('fac.now.roomNotes', { count: room.notes }));
      if (room.level !== null) facts.push(t(`fac.now.activity.${room.level}`));
      if (room.lastActiveAt !== null) facts.push(t('fac.now.lastActive', { minutes: minutesAgo(room.lastActiveAt, now) }));
      return h('li', { className: 'now__room', 'data-testid': 'fac-now-room', 'data-room': room.id, 'data-level': room.level ?? 'unknown' }, [
        h('span', { className: 'now__room-name', text: room.name }), ' ',
        h('span', { className: 'now__room-facts', text: facts.join(' · ') }),
      ]);
    }));
  }

  return {
    /**
     * {t, participants, online, settings, rounds, progress (Map round -> progress),
     *  rooms (breakout, in order), members (Map room -> [participant]), watches (Map room -> watch)}
     */
    update(next) {
      const { t, participants, online, settings, rounds, progress, rooms: breakout, members, watches } = next;
      const presence = presenceSummary(participants, online);
      const open = roundProgress(rounds, progress, participants);
      model = { t, presence, progress: open, timer: settings.timer ?? null };

      setText(heading, t('fac.now.heading'));

      setText(people.title, t('fac.now.people'));
      setText(people.more, t('fac.now.manage'));
      setAttr(people.more, 'aria-label', t('fac.now.manageLabel', { phase: t('fac.phases.people') }));
      setText(count, t('fac.now.online', { online: presence.online, total: presence.total }));
      setAttr(count, 'data-online', String(presence.online));
      setAttr(count, 'data-total', String(presence.total));
      setText(ready, t('fac.now.ready', { ready: presence.ready, total: presence.participants }));
      setAttr(ready, 'data-ready', String(presence.ready));
      const orgs = presence.organisations ?? [];
      const orgKey = JSON.stringify([orgs, t('results.noOrganisation')]);
      if (organisations.dataset.key !== orgKey) {
        organisations.dataset.key = orgKey;
        organisations.replaceChildren(...orgs.map((o) => h('li', { className: 'now__chip' }, [
          h('span', { className: 'now__chip-name', text: o.name || t('results.noOrganisation') }),
          h('span', { className: 'now__chip-count', text: t('fac.now.orgCount', { online: o.online, total: o.total }) }),
        ])));
      }
      organisations.hidden = orgs.length === 0;
      waiting.hidden = presence.waiting.length === 0;
      setText(waiting, t('fac.now.waiting', { count: presence.waiting.length }));

      setText(hands.title, t('fac.now.hands', { count: presence.hands.length }));
      setAttr(hands.el, 'data-count', String(presence.hands.length));
      setText(hands.more, t('fac.now.manage'));
      setAttr(hands.more, 'aria-label', t('fac.now.manageLabel', { phase: t('fac.phases.people') }));
      hands.more.hidden = presence.hands.length === 0;
      const handKey = JSON.stringify([presence.hands.map((p) => [p.id, p.name, p.organisation, online.has(p.id)]), t('fac.now.lower')]);
      if (handList.dataset.key !== handKey) {
        handList.dataset.key = handKey;
        // A lowered hand leaves the list: the focus goes on to the next hand (or the empty list's note).
        const focused = [...handList.querySelectorAll('button')].indexOf(document.activeElement);
        handList.replaceChildren(...presence.hands.map((p) => {
          const lower = h('button', {
            type: 'button', className: 'now__lower', 'data-testid': 'fac-now-lower', 'data-participant-id': p.id,
            'aria-label': t('fac.now.lowerLabel', { name: p.name }), text: t('fac.now.lower'),
          });
          lower.addEventListener('click', () => actions.command({ type: Commands.handLower, id: p.id }));
          return h('li', { 'data-testid': 'fac-now-hand', 'data-participant-id': p.id }, [
            h('span', { className: 'now__hand-name', text: p.name }),
            p.organisation ? h('span', { className: 'now__hand-org', text: ` ${p.organisation}` }) : null,
            online.has(p.id) ? null : h('span', { className: 'now__hand-org', text: ` (${t('fac.participants.offline')})` }),
            ' ', lower,
          ]);
        }));
        if (focused >= 0) {
          const buttons = handList.querySelectorAll('button');
          (buttons[Math.min(focused, buttons.length - 1)] ?? noHands).focus();
        }
      }
      noHands.hidden = presence.hands.length > 0;
      setText(noHands, t('fac.now.noHands'));

      setText(timer.title, t('fac.timer.heading'));
      setText(timer.more, t('fac.now.setTimer'));
      setAttr(timer.more, 'aria-label', t('fac.now.setTimerLabel', { phase: t('fac.phases.work') }));
      setText(pause, t('fac.timer.pause'));

      setText(round.title, t('fac.now.round'));
      setText(round.more, open ? t('fac.now.manage') : t('fac.now.startRound'));
      setAttr(round.more, 'aria-label', t(open ? 'fac.now.manageLabel' : 'fac.now.startRoundLabel', { phase: t('fac.phases.vote') }));
      roundMeter.hidden = !open;
      if (open) {
        setText(roundTitle, open.round.title || t('voting.untitled'));
        setText(roundProgressText, t('fac.now.roundProgress', { voters: open.voters, people: open.people, votes: open.votes }));
        roundMeter.firstChild.style.width = `${open.people > 0 ? Math.round((100 * open.voters) / open.people) : 0}%`;
      } else {
        setText(roundTitle, '');
        setText(roundProgressText, t('fac.now.noRound'));
      }
      roundTitle.hidden = !open;
      setAttr(roundProgressText, 'data-voters', open ? String(open.voters) : null);
      setAttr(roundProgressText, 'data-people', open ? String(open.people) : null);

      setText(rooms.title, t('fac.now.rooms'));
      setText(rooms.more, t('fac.now.manage'));
      setAttr(rooms.more, 'aria-label', t('fac.now.manageLabel', { phase: t('fac.phases.rooms') }));
      renderRooms(t, roomsBusy(breakout, members, online, watches), settings.breakout === 'open', Date.now());

      renderTimer();
      const running = settings.timer?.status === 'running';
      if (running && !ticker) ticker = setInterval(renderTimer, TICK_MS);
      else if (!running && ticker) { clearInterval(ticker); ticker = null; }
    },
  };
}
