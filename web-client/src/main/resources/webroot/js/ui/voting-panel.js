// The board page's voting panel: while a round is open, its scope and my remaining dots
// (nobody's counts); once the shown round is closed, its ranking with counts, the
// breakdown by organisation and, for named rounds only, who voted.
import { h, setAttr, setText } from './dom.js';
import { excerpt, groupingNote, isAnonymous, maxPerNote, rankingRows, votesPerParticipant } from '../state/voting.js';

export function mountVotingPanel(root) {
  const openBox = h('section', { className: 'voting-open', 'aria-labelledby': 'voting-open-heading', hidden: true });
  const openHeading = h('h2', { className: 'panel__heading', id: 'voting-open-heading' });
  const remainingLabel = h('span');
  const remainingValue = h('strong', { className: 'votes-remaining', 'data-testid': 'votes-remaining' });
  const remainingOf = h('span');
  const remaining = h('p', { className: 'voting-open__remaining', 'aria-live': 'polite' }, [remainingLabel, ' ', remainingValue, ' ', remainingOf]);
  const scope = h('p', { className: 'hint' });
  const rules = h('p', { className: 'hint' });
  const endsAt = h('p', { className: 'hint' });
  const observer = h('p', { className: 'hint' });
  openBox.append(openHeading, remaining, scope, rules, endsAt, observer);

  const results = h('section', { className: 'results', 'data-testid': 'results-panel', 'aria-labelledby': 'results-heading', hidden: true });
  const resultsHeading = h('h2', { className: 'panel__heading', id: 'results-heading' });
  const resultsSummary = h('p', { className: 'panel__count' });
  const resultsNote = h('p', { className: 'hint' });
  const groupingHint = h('p', { className: 'hint', 'data-testid': 'results-grouping' });
  const list = h('ol', { className: 'results__list' });
  const empty = h('p', { className: 'hint' });
  results.append(resultsHeading, resultsSummary, resultsNote, groupingHint, list, empty);
  root.append(openBox, results);

  return {
    /**
     * {t, lang, open: round|null, mine: {remaining}, canVote, sectionTitles: [..], shown: round|null,
     *  notes, participants}
     */
    update({ t, lang, open, remainingVotes, canVote, sectionTitles, shown, notes, participants }) {
      openBox.hidden = !open;
      if (open) {
        setText(openHeading, t('voting.open', { title: open.title || t('voting.untitled') }));
        remaining.hidden = !canVote;
        setText(remainingLabel, t('voting.remaining'));
        setText(remainingValue, String(remainingVotes));
        setAttr(remainingValue, 'data-remaining', String(remainingVotes));
        setText(remainingOf, t('voting.remainingOf', { total: votesPerParticipant(open) }));
        setText(scope, sectionTitles.length > 0 ? t('voting.scopeSections', { sections: sectionTitles.join(', ') }) : t('voting.scopeRoom'));
        setText(rules, `${t('voting.maxPerNote', { max: maxPerNote(open) })} ${t('voting.countsHidden')}`);
        const ends = Number(open.endsAt);
        endsAt.hidden = !Number.isFinite(ends) || ends <= 0;
        if (!endsAt.hidden) {
          const time = new Date(ends).toLocaleTimeString(lang === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
          setText(endsAt, t('voting.endsAt', { time }));
        }
        observer.hidden = canVote;
        setText(observer, t('voting.observer'));
      }

      results.hidden = !shown;
      if (!shown) return;
      setText(resultsHeading, `${t('results.heading')}: ${shown.title || t('voting.untitled')}`);
      setText(resultsSummary, t('results.summary', { voters: shown.results?.voters ?? 0, votes: shown.results?.votes ?? 0 }));
      setText(resultsNote, isAnonymous(shown) ? t('results.anonymous') : '');
      resultsNote.hidden = !isAnonymous(shown);
      const grouping = groupingNote(shown);
      groupingHint.hidden = !grouping;
      setText(groupingHint, grouping ? t(grouping.key, grouping.params) : '');
      const rows = rankingRows(shown, { notes, participants, noOrganisation: t('results.noOrganisation'), otherOrganisations: t('results.otherOrganisations') });
      empty.hidden = rows.length > 0;
      setText(empty, t('results.empty'));
      // Few rows (one per note with dots): rebuilt whole, which keeps the order right.
      const key = JSON.stringify([t('results.heading'), rows]);
      if (list.dataset.key === key) return;
      list.dataset.key = key;
      const top = Math.max(0, ...rows.map((row) => row.count));
      list.replaceChildren(...rows.map((row) => resultRow(row, top, t)));
    },
  };
}

/** One ranked note: its text over the whole width, a bar for its share of the top count, then per organisation. */
function resultRow(row, top, t) {
  const text = excerpt(row.text, 120) || t('results.emptyNote');
  const fill = h('span', { className: 'result__fill' });
  // Through the CSSOM: the content security policy allows no style attributes.
  fill.style.width = `${top > 0 ? Math.round((row.count / top) * 100) : 0}%`;
  const children = [
    h('div', { className: 'result__head' }, [
      h('span', { className: 'result__rank', text: `${row.rank}.` }),
      h('span', { className: 'result__text', text }),
    ]),
    h('div', { className: 'result__score' }, [
      h('span', { className: 'result__bar', 'aria-hidden': 'true' }, [fill]),
      h('span', { className: 'result__count', text: t('results.count', { count: row.count }) }),
    ]),
  ];
  if (row.organisations.length > 0) {
    children.push(h('table', { className: 'result__orgs' }, [
      h('caption', { className: 'visually-hidden', text: t('results.byOrganisation') }),
      h('tbody', {}, row.organisations.map((o) => h('tr', {}, [
        h('th', { scope: 'row', text: o.organisation }), h('td', { text: String(o.count) }),
      ]))),
    ]));
  }
  if (row.voters && row.voters.length > 0) {
    children.push(h('p', { className: 'result__voters', text: t('results.voters', { names: row.voters.join(', ') }) }));
  }
  return h('li', { className: 'result', 'data-testid': 'result-row', 'data-note-id': row.note, 'data-count': String(row.count) }, children);
}
