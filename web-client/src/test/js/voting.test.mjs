import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyMine, applyProgress, countsByNote, emptyVoting, excerpt, groupingNote, isAnonymous, maxPerNote, myVotes, noteInScope, notVotedNames,
  openRound, rankingRows, roundsNewestFirst, shownResults, votesPerParticipant,
} from '../../main/resources/webroot/js/state/voting.js';
import { Limits } from '../../main/resources/webroot/js/protocol.js';
import { applyBoardEvent, applyFullBoard, emptyBoardState } from '../../main/resources/webroot/js/state/board-state.js';

const round = (extra = {}) => ({ id: 'r1', title: 'Priorities', votesPerParticipant: 5, maxPerNote: 3, anonymous: true, room: 'main', status: 'open', startedAt: 10, ...extra });

test('my votes come from replies, votes.mine and the sync reply; a new round has its full budget', () => {
  const voting = emptyVoting();
  const open = round();
  assert.deepEqual(myVotes(voting, open), { mine: {}, remaining: 5 });
  applyMine(voting, { ok: true, round: 'r1', mine: { n1: 2 }, remaining: 3 });
  assert.deepEqual(myVotes(voting, open), { mine: { n1: 2 }, remaining: 3 });
  applyMine(voting, { type: 'votes.mine', round: 'r1', mine: { n1: 2, n2: 1, n3: 0 }, remaining: 2 });
  assert.deepEqual(myVotes(voting, open), { mine: { n1: 2, n2: 1 }, remaining: 2 });
  // Votes of another (older) round do not count for this one.
  assert.deepEqual(myVotes(voting, round({ id: 'r2', votesPerParticipant: 7 })), { mine: {}, remaining: 7 });
  applyMine(voting, null);
  assert.equal(voting.mine, null);
  applyMine(voting, { ok: false, code: 'round_closed' });
  assert.equal(voting.mine, null, 'a refusal changes nothing');
  assert.deepEqual(myVotes(voting, null), { mine: {}, remaining: 0 });
});

test('progress per round for facilitators, names of who has not voted', () => {
  const voting = emptyVoting();
  applyProgress(voting, { type: 'round.progress', round: 'r1', voters: 1, votes: 3, voted: ['p1'] });
  assert.deepEqual(voting.progress.get('r1'), { voters: 1, votes: 3, voted: ['p1'] });
  const participants = new Map([
    ['p2', { id: 'p2', name: 'Zora', role: 'participant' }],
    ['p1', { id: 'p1', name: 'Anna', role: 'participant' }],
    ['f1', { id: 'f1', name: 'Fay', role: 'facilitator' }],
    ['o1', { id: 'o1', name: 'Olga', role: 'observer' }],
  ]);
  assert.deepEqual(notVotedNames(voting.progress.get('r1'), participants), ['Zora'], 'facilitators and observers do not vote');
  // Someone who joins while the round is open is missing at once, without a new progress message.
  participants.set('p3', { id: 'p3', name: 'Bea', role: 'participant' });
  assert.deepEqual(notVotedNames(voting.progress.get('r1'), participants), ['Bea', 'Zora']);
  applyProgress(voting, { round: 'r1', voters: 4, votes: 15 });
  assert.equal(voting.progress.get('r1').voted, null);
  assert.equal(notVotedNames(voting.progress.get('r1'), participants), null);
});

test('round events and the full state keep the rounds of the board state', () => {
  const state = emptyBoardState();
  applyFullBoard(state, { board: { id: 'b' }, participants: [], online: [], settings: { locked: true }, rounds: [round({ status: 'closed', results: { voters: 0, votes: 0, ranking: [] } })] });
  assert.equal(state.rounds.size, 1);
  assert.equal(openRound(state.rounds), null);
  applyBoardEvent(state, { type: 'round.started', round: round({ id: 'r2', startedAt: 20 }), seq: 4 });
  assert.equal(openRound(state.rounds).id, 'r2');
  assert.deepEqual(roundsNewestFirst(state.rounds).map((r) => r.id), ['r2', 'r1']);
  const results = { voters: 2, votes: 4, ranking: [{ note: 'n1', text: 'A', count: 3, byOrganisation: { Kassel: 2, Fulda: 1 } }, { note: 'n2', text: 'B', count: 1, byOrganisation: { '': 1 } }] };
  applyBoardEvent(state, { type: 'round.closed', round: { ...round({ id: 'r2', startedAt: 20 }), status: 'closed', closedAt: 30, results }, seq: 5 });
  assert.equal(openRound(state.rounds), null);
  assert.equal(state.rounds.get('r2').results.votes, 4);
  // A round.closed without its round changes nothing (the session then re-reads the state).
  applyBoardEvent(state, { type: 'round.closed', round: null, seq: 6 });
  assert.equal(state.rounds.size, 2);
});

test('which round the board shows: settings.shownRound when that round is closed and none is open', () => {
  const closed = round({ id: 'r2', status: 'closed', results: { ranking: [{ note: 'n1', count: 2 }] } });
  const rounds = new Map([['r2', closed]]);
  assert.equal(shownResults({ shownRound: 'r2' }, rounds).id, 'r2');
  assert.equal(shownResults({}, rounds), null);
  assert.equal(shownResults({ shownRound: 'gone' }, rounds), null);
  assert.deepEqual([...countsByNote(rounds.get('r2'))], [['n1', 2]]);
  // While a new round is open, the last round's counts leave the notes (people vote afresh).
  rounds.set('r3', round({ id: 'r3' }));
  assert.equal(shownResults({ shownRound: 'r3' }, rounds), null, 'an open round shows no counts');
  assert.equal(shownResults({ shownRound: 'r2' }, rounds), null, 'nor does an earlier one while another is open');
});

test('ranking rows: ties share a rank, organisations by count, names only for named rounds', () => {
  const participants = new Map([['p1', { id: 'p1', name: 'Anna' }], ['p2', { id: 'p2', name: 'Ben' }]]);
  const notes = new Map([['n3', { id: 'n3', text: 'live text' }]]);
  const ranking = [
    { note: 'n2', text: 'Second', count: 2, byOrganisation: { Fulda: 1, Kassel: 1 }, voters: ['p2', 'p1'] },
    { note: 'n1', text: 'First', count: 4, byOrganisation: { Kassel: 1, '': 3 }, voters: ['p1'] },
    { note: 'n3', count: 2, byOrganisation: {}, voters: ['p9'] },
  ];
  const named = round({ status: 'closed', anonymous: false, results: { voters: 2, votes: 8, ranking } });
  const rows = rankingRows(named, { notes, participants, noOrganisation: 'none' });
  assert.deepEqual(rows.map((r) => [r.rank, r.note, r.count]), [[1, 'n1', 4], [2, 'n2', 2], [2, 'n3', 2]]);
  assert.deepEqual(rows[0].organisations, [{ organisation: 'none', count: 3 }, { organisation: 'Kassel', count: 1 }]);
  assert.deepEqual(rows[1].organisations.map((o) => o.organisation), ['Fulda', 'Kassel']);
  assert.deepEqual(rows[1].voters, ['Ben', 'Anna']);
  assert.deepEqual(rows[2].voters, ['p9'], 'unknown voters keep their id');
  assert.equal(rows[2].text, 'live text', 'falls back to the note text');
  const anonymous = round({ status: 'closed', results: { ranking } });
  assert.equal(isAnonymous(anonymous), true);
  assert.ok(rankingRows(anonymous, { participants }).every((r) => r.voters === null));
  assert.deepEqual(rankingRows(round({ status: 'closed' })), []);
});

test('anonymous rounds: the server\'s group of other organisations comes last, with the note on the grouping', () => {
  const ranking = [{ note: 'n1', count: 9, byOrganisation: { 'Stadt Jena': 4 }, otherOrganisations: 5 }, { note: 'n2', count: 2, byOrganisation: { 'Stadt Jena': 2 } }];
  const grouped = round({ status: 'closed', results: { voters: 7, votes: 11, ranking, grouping: { threshold: 3, withheld: false } } });
  const rows = rankingRows(grouped, { otherOrganisations: 'Other organisations' });
  assert.deepEqual(rows[0].organisations, [{ organisation: 'Stadt Jena', count: 4 }, { organisation: 'Other organisations', count: 5, other: true }],
    'the group stays last even with more votes');
  assert.deepEqual(rows[1].organisations, [{ organisation: 'Stadt Jena', count: 2 }], 'no other votes, no entry');
  assert.deepEqual(groupingNote(grouped), { key: 'results.grouped', params: { threshold: 3 } });
  const withheld = round({ status: 'closed', results: { voters: 2, votes: 3, ranking: [{ note: 'n1', count: 3, byOrganisation: {} }], grouping: { threshold: 3, withheld: true } } });
  assert.deepEqual(rankingRows(withheld)[0].organisations, []);
  assert.deepEqual(groupingNote(withheld), { key: 'results.withheld', params: { threshold: 3 } });
  assert.equal(groupingNote(round({ status: 'closed', anonymous: false, results: { ranking: [] } })), null, 'named rounds: exact figures');
});

test('scope: a whole-room round covers every note of its room', () => {
  const a = { id: 'a', x: 100, y: 100, w: 200, h: 150 };
  assert.equal(noteInScope(round(), a, 'main'), true);
  assert.equal(noteInScope(round({ room: undefined }), a, 'main'), true, 'the plenary by default');
  assert.equal(noteInScope(round({ room: 'other' }), a, 'main'), false);
  assert.equal(noteInScope(round({ room: 'r1' }), a, 'r1'), true);
  assert.equal(noteInScope(null, a, 'main'), false);
  assert.equal(noteInScope(round(), null, 'main'), false);
});

test('scope: a round with sections covers exactly the notes the server listed when it started', () => {
  const inside = { id: 'a', x: 100, y: 100, w: 200, h: 150 };
  const movedIn = { id: 'late', x: 120, y: 120, w: 200, h: 150 }; // where `a` is, but not listed
  const sectioned = round({ sections: ['s1'], notes: ['a', 'b'] });
  assert.equal(noteInScope(sectioned, inside, 'main'), true);
  assert.equal(noteInScope(sectioned, { id: 'b', x: 5000, y: 5000 }, 'main'), true, 'listed: wherever it is now');
  assert.equal(noteInScope(sectioned, movedIn, 'main'), false, 'not listed: no geometry decides');
  assert.equal(noteInScope(round({ sections: ['s1'], notes: ['a'], room: 'r1' }), inside, 'main'), false, 'still only its room');
  assert.equal(noteInScope(round({ sections: ['s1'], notes: [] }), inside, 'main'), false, 'empty sections: nothing to vote on');
  // The same round object asked again (a render per note) gives the same answers.
  assert.equal(noteInScope(sectioned, inside, 'main'), true);
  assert.equal(noteInScope(sectioned, movedIn, 'main'), false);
});

test('defaults of a round come from the protocol', () => {
  assert.equal(votesPerParticipant({}), Limits.votesDefault);
  assert.equal(maxPerNote({}), Limits.votesPerNoteDefault);
  assert.equal(votesPerParticipant({ votesPerParticipant: 7 }), 7);
});

test('excerpts are flattened and cut', () => {
  assert.equal(excerpt('  a\n\n b  '), 'a b');
  assert.equal(excerpt('x'.repeat(70), 60), `${'x'.repeat(60)}…`);
  assert.equal(excerpt(undefined), '');
});
