// Control view: start a dot-voting round, its live progress, close it, all rounds with
// their ranked results, and which round's results the boards show.
import { h, setAttr, setText } from './dom.js';
import { excerpt, groupingNote, isAnonymous, maxPerNote, notVotedNames, openRound, rankingRows, roundsNewestFirst, votesPerParticipant } from '../state/voting.js';
import { newRound } from './steering-commands.js';
import { Limits } from '../protocol.js';
import { minutesRange, minutesToMs } from '../state/timer.js';

/** A round's time limit in whole minutes, within what the server accepts. */
const { min: MINUTES_MIN, max: MINUTES_MAX } = minutesRange(Limits.roundDurationMinMs, Limits.roundDurationMaxMs);
const VOTES_MAX = String(Limits.votesMax);

/** actions: steering (ui/steering-commands.js), room */
export function mountFacVoting(root, actions) {
  const heading = h('h2', { id: 'fac-voting-heading' });

  // ----- start form -----
  const field = (id, testid, attrs = {}) => {
    const label = h('label', { for: id });
    const input = h('input', { id, 'data-testid': testid, ...attrs });
    return { label, input, el: h('div', { className: 'fac-field' }, [label, input]) };
  };
  const formHeading = h('h3');
  const title = field('fac-round-title', 'fac-round-title', { type: 'text', maxlength: String(Limits.titleMax) });
  const votes = field('fac-round-votes', 'fac-round-votes', { type: 'number', className: 'fac-number', min: '1', max: VOTES_MAX, step: '1', value: String(Limits.votesDefault) });
  const max = field('fac-round-max', 'fac-round-max', { type: 'number', className: 'fac-number', min: '1', max: VOTES_MAX, step: '1', value: String(Limits.votesPerNoteDefault) });
  const anonymous = h('input', { type: 'checkbox', id: 'fac-round-anonymous', 'data-testid': 'fac-round-anonymous', checked: true });
  const anonymousLabel = h('label', { for: 'fac-round-anonymous' });
  const scopeLegend = h('legend');
  const scopeRoom = h('input', { type: 'radio', name: 'fac-round-scope', id: 'fac-round-scope-room', value: 'room', checked: true, 'data-testid': 'fac-round-scope-room' });
  const scopeRoomLabel = h('label', { for: 'fac-round-scope-room' });
  const scopeSections = h('input', { type: 'radio', name: 'fac-round-scope', id: 'fac-round-scope-sections', value: 'sections', 'data-testid': 'fac-round-scope-sections' });
  const scopeSectionsLabel = h('label', { for: 'fac-round-scope-sections' });
  const sectionList = h('div', { className: 'fac-sections' });
  const noSections = h('p', { className: 'hint' });
  const minutes = field('fac-round-minutes', 'fac-round-minutes', { type: 'number', className: 'fac-number', min: String(MINUTES_MIN), max: String(MINUTES_MAX), step: '1' });
  const startButton = h('button', { type: 'submit', className: 'button button--small', 'data-testid': 'fac-round-start' });
  const formError = h('p', { className: 'fac-error', role: 'alert', hidden: true });
  const form = h('form', { className: 'fac-round-form', novalidate: true }, [
    formHeading,
    title.el,
    h('div', { className: 'fac-row' }, [votes.el, max.el]),
    h('div', { className: 'fac-check' }, [anonymous, anonymousLabel]),
    h('fieldset', {}, [
      scopeLegend,
      h('div', { className: 'fac-check' }, [scopeRoom, scopeRoomLabel]),
      h('div', { className: 'fac-check' }, [scopeSections, scopeSectionsLabel]),
      sectionList, noSections,
    ]),
    minutes.el,
    formError,
    startButton,
  ]);

  // ----- open round -----
  const openBox = h('div', { className: 'fac-open-round', hidden: true });
  const openHeading = h('h3');
  const progress = h('p', { 'data-testid': 'fac-round-progress', 'aria-live': 'polite' });
  const notVotedHeading = h('h4');
  const notVoted = h('ul', { 'data-testid': 'fac-not-voted' });
  const allVoted = h('p', { className: 'hint' });
  const close = h('button', { type: 'button', className: 'button button--danger button--small', 'data-testid': 'fac-round-close' });
  openBox.append(openHeading, progress, notVotedHeading, notVoted, allVoted, close);

  // ----- all rounds -----
  const roundsHeading = h('h3');
  const roundList = h('ul', { className: 'fac-rounds' });
  const noRounds = h('p', { className: 'hint' });

  root.append(heading, openBox, form, roundsHeading, noRounds, roundList);

  let model = null;
  const sectionBoxes = new Map();

  const setScope = () => {
    for (const box of sectionBoxes.values()) box.input.disabled = false;
  };
  scopeRoom.addEventListener('change', setScope);
  scopeSections.addEventListener('change', setScope);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const t = model.t;
    const v = Number(votes.input.value);
    const m = Number(max.input.value);
    const mins = minutes.input.value.trim() === '' ? null : Number(minutes.input.value);
    const valid = Number.isInteger(v) && v >= 1 && v <= Limits.votesMax && Number.isInteger(m) && m >= 1 && m <= Limits.votesMax
      && (mins === null || (Number.isFinite(mins) && mins >= MINUTES_MIN && mins <= MINUTES_MAX));
    if (!valid) {
      formError.hidden = false;
      setText(formError, t('fac.voting.invalid'));
      return;
    }
    if (openRound(model.rounds)) {
      formError.hidden = false;
      setText(formError, t('fac.voting.openRoundExists'));
      return;
    }
    formError.hidden = true;
    const chosen = [...sectionBoxes.entries()].filter(([, box]) => box.input.checked).map(([id]) => id);
    const round = newRound(actions.room, { votesPerParticipant: v, maxPerNote: m, anonymous: anonymous.checked });
    const text = title.input.value.trim();
    if (text) round.title = text.slice(0, Limits.titleMax);
    // Checking a section implies "only these sections".
    if ((scopeSections.checked || chosen.length > 0) && chosen.length > 0) round.sections = chosen;
    if (mins !== null) round.durationMs = minutesToMs(mins);
    actions.steering.startRound(round);
  });
  close.addEventListener('click', () => {
    const open = openRound(model.rounds);
    if (open) actions.steering.closeRound(open);
  });

  function renderSections(t, sections) {
    const list = [...sections.values()].sort((a, b) => (a.y - b.y) || (a.x - b.x));
    const seen = new Set();
    for (const section of list) {
      let box = sectionBoxes.get(section.id);
      if (!box) {
        const input = h('input', { type: 'checkbox', id: `fac-sec-${section.id}`, 'data-testid': 'fac-round-section', 'data-section-id': section.id });
        input.addEventListener('change', () => { if (input.checked) scopeSections.checked = true; });
        const label = h('label', { for: `fac-sec-${section.id}` });
        box = { input, label, el: h('div', { className: 'fac-check' }, [input, label]) };
        sectionBoxes.set(section.id, box);
      }
      setText(box.label, section.title || t('section.untitled'));
      sectionList.append(box.el);
      seen.add(section.id);
    }
    for (const [id, box] of sectionBoxes) if (!seen.has(id)) { box.el.remove(); sectionBoxes.delete(id); }
    noSections.hidden = list.length > 0;
    setText(noSections, t('fac.voting.noSections'));
  }

  function roundItem(round, { t, settings, notes, participants }) {
    const open = round.status === 'open';
    const shown = settings.shownRound === round.id;
    const kind = isAnonymous(round) ? t('fac.voting.anonymousShort') : t('fac.voting.named');
    const head = h('div', { className: 'fac-round__head' }, [
      h('strong', { text: round.title || t('voting.untitled') }),
      h('span', { className: 'fac-status', text: open ? t('fac.voting.statusOpen') : t('fac.voting.statusClosed') }),
      h('span', { className: 'fac-status', text: t('fac.voting.settings', { votes: votesPerParticipant(round), max: maxPerNote(round), kind }) }),
    ]);
    const children = [head];
    if (!open) {
      const show = h('button', {
        type: 'button',
        className: 'button button--secondary button--small signal-toggle',
        'data-testid': 'fac-round-show',
        'data-round-id': round.id,
        'aria-pressed': String(shown),
      }, shown ? t('fac.voting.hide') : t('fac.voting.show'));
      show.addEventListener('click', () => actions.steering.showRound(shown ? null : round.id));
      head.append(show);
      const rows = rankingRows(round, { notes, participants, noOrganisation: t('results.noOrganisation'), otherOrganisations: t('results.otherOrganisations') });
      if (round.results) {
        children.push(h('p', { className: 'fac-status', text: t('results.summary', { voters: round.results.voters ?? 0, votes: round.results.votes ?? 0 }) }));
      }
      const grouping = groupingNote(round);
      if (grouping) children.push(h('p', { className: 'hint', 'data-testid': 'fac-results-grouping', text: t(grouping.key, grouping.params) }));
      if (rows.length === 0) children.push(h('p', { className: 'hint', text: t('results.empty') }));
      else {
        children.push(h('ol', { className: 'fac-results', 'aria-label': t('fac.voting.results') }, rows.map((row) => {
          const parts = [
            h('strong', { text: t('results.count', { count: row.count }) }), ' – ',
            h('span', { text: excerpt(row.text, 100) || t('results.emptyNote') }),
          ];
          if (row.organisations.length > 0) parts.push(h('div', { className: 'fac-status', text: `${t('results.byOrganisation')}: ${row.organisations.map((o) => `${o.organisation} ${o.count}`).join(', ')}` }));
          if (row.voters?.length) parts.push(h('div', { className: 'fac-status', text: t('results.voters', { names: row.voters.join(', ') }) }));
          return h('li', { 'data-testid': 'fac-results', 'data-note-id': row.note, 'data-count': String(row.count) }, parts);
        })));
      }
    }
    return h('li', { className: 'fac-round', 'data-testid': 'fac-round', 'data-round-id': round.id, 'data-status': round.status ?? '' }, children);
  }

  return {
    update(next) {
      model = next;
      const { t, rounds, sections, progress: progressMap, participants } = next;
      setText(heading, t('fac.voting.heading'));
      setText(formHeading, t('fac.voting.start'));
      setText(title.label, t('fac.voting.title'));
      setText(votes.label, t('fac.voting.votes'));
      setText(max.label, t('fac.voting.max'));
      setText(anonymousLabel, t('fac.voting.anonymous'));
      setText(scopeLegend, t('fac.voting.scope'));
      setText(scopeRoomLabel, t('fac.voting.scopeRoom'));
      setText(scopeSectionsLabel, t('fac.voting.scopeSections'));
      setText(minutes.label, t('fac.voting.minutes'));
      setText(startButton, t('fac.voting.start'));
      renderSections(t, sections);

      const open = openRound(rounds);
      form.hidden = Boolean(open);
      openBox.hidden = !open;
      if (open) {
        setText(openHeading, t('fac.voting.open', { title: open.title || t('voting.untitled') }));
        // No progress yet (it comes with the first vote): nobody has voted.
        const p = progressMap.get(open.id) ?? { voters: 0, votes: 0, voted: isAnonymous(open) ? null : [] };
        setText(progress, t('fac.voting.progress', { voters: p.voters, votes: p.votes }));
        setAttr(progress, 'data-voters', String(p.voters));
        setAttr(progress, 'data-votes', String(p.votes));
        const names = isAnonymous(open) ? null : notVotedNames(p, participants);
        notVotedHeading.hidden = !names;
        notVoted.hidden = !names;
        setText(notVotedHeading, t('fac.voting.notVoted'));
        const key = JSON.stringify(names);
        if (notVoted.dataset.key !== key) {
          notVoted.dataset.key = key;
          notVoted.replaceChildren(...(names ?? []).map((name) => h('li', { text: name })));
        }
        allVoted.hidden = !names || names.length > 0;
        setText(allVoted, t('fac.voting.allVoted'));
        setText(close, t('fac.voting.close'));
      }

      setText(roundsHeading, t('fac.voting.rounds'));
      const list = roundsNewestFirst(rounds);
      noRounds.hidden = list.length > 0;
      setText(noRounds, t('fac.voting.noRounds'));
      // Rebuilt when anything shown changes (few rounds; focus kept on the same button).
      const key = JSON.stringify([t('fac.voting.rounds'), next.settings.shownRound ?? null, list, [...next.notes.values()].map((n) => [n.id, n.text]).length]);
      if (roundList.dataset.key !== key) {
        roundList.dataset.key = key;
        const focusedRound = document.activeElement?.closest?.('[data-testid="fac-round"]')?.dataset.roundId;
        roundList.replaceChildren(...list.map((round) => roundItem(round, next)));
        if (focusedRound) roundList.querySelector(`[data-round-id="${CSS.escape(focusedRound)}"] [data-testid="fac-round-show"]`)?.focus();
      }
    },
  };
}
