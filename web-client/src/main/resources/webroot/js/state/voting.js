// Dot voting as this browser sees it: the rounds (from the board state), my own votes in
// the open round (replies to vote.cast / vote.retract, `votes.mine` on my personal address,
// `voting` in the sync reply), the facilitators' live progress, which notes a round covers,
// and the ranking shown once a round is closed. Pure functions over plain data.
import { Limits } from '../protocol.js';
import { PLENARY_ROOM } from './limits.js';

export function emptyVoting() {
  return { mine: null, progress: new Map() };
}

/**
 * Applies {round, mine: {note: count}, remaining} from a vote reply, a `votes.mine`
 * message or the sync reply's `voting` (null clears).
 */
export function applyMine(voting, message) {
  if (message === null) {
    voting.mine = null;
    return;
  }
  if (!message || typeof message !== 'object' || typeof message.round !== 'string') return;
  const mine = {};
  for (const [note, count] of Object.entries(message.mine ?? {})) {
    const n = Number(count);
    if (Number.isFinite(n) && n > 0) mine[note] = n;
  }
  const remaining = Number(message.remaining);
  voting.mine = { round: message.round, mine, remaining: Number.isFinite(remaining) ? remaining : null };
}

/** `round.progress {round, voters, votes, voted?}` (facilitators only; `voted` in named rounds). */
export function applyProgress(voting, message) {
  if (!message || typeof message.round !== 'string') return;
  voting.progress.set(message.round, {
    voters: Number(message.voters) || 0,
    votes: Number(message.votes) || 0,
    voted: Array.isArray(message.voted) ? [...message.voted] : null,
  });
}

/** The board's open round, or null. `rounds` is the Map of the board state. */
export function openRound(rounds) {
  for (const round of rounds.values()) if (round.status === 'open') return round;
  return null;
}

/** Rounds newest first. */
export function roundsNewestFirst(rounds) {
  return [...rounds.values()].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
}

/** My votes in `round`: {mine, remaining}; a round without news yet has its full budget. */
export function myVotes(voting, round) {
  if (!round) return { mine: {}, remaining: 0 };
  if (voting.mine && voting.mine.round === round.id) {
    return { mine: voting.mine.mine, remaining: voting.mine.remaining ?? votesPerParticipant(round) };
  }
  return { mine: {}, remaining: votesPerParticipant(round) };
}

export function votesPerParticipant(round) {
  return Number(round?.votesPerParticipant ?? Limits.votesDefault);
}

export function maxPerNote(round) {
  return Number(round?.maxPerNote ?? Limits.votesPerNoteDefault);
}

/** Whether a round is anonymous (the default). */
export function isAnonymous(round) {
  return round?.anonymous !== false;
}

/** The ids of `round.notes` as a Set, made once per round object (rooms hold thousands of notes). */
const scopes = new WeakMap();
function scopeOf(round) {
  let ids = scopes.get(round);
  if (!ids) {
    ids = new Set(round.notes);
    scopes.set(round, ids);
  }
  return ids;
}

/**
 * Whether `note` (in `room`) is covered by `round`. A round started with sections carries
 * `notes`, the ids of the notes that stood in those sections when it started (the server
 * decides membership once): only those. A whole-room round covers every note of its room.
 */
export function noteInScope(round, note, room) {
  if (!round || !note) return false;
  if ((round.room ?? PLENARY_ROOM) !== room) return false;
  return Array.isArray(round.notes) ? scopeOf(round).has(note.id) : true;
}

/** The round whose results the board shows: settings.shownRound, when that round is closed and no round is open. */
export function shownResults(settings, rounds) {
  const id = settings?.shownRound;
  // While a round is open people vote afresh: no earlier counts stay on the notes.
  if (!id || openRound(rounds)) return null;
  const round = rounds.get(id);
  return round && round.status === 'closed' && round.results ? round : null;
}

/** note id -> count, for the badges on notes. */
export function countsByNote(round) {
  const counts = new Map();
  for (const entry of round?.results?.ranking ?? []) counts.set(entry.note, Number(entry.count) || 0);
  return counts;
}

/**
 * Rows for a results list: rank (ties share one), note id, text (the text stored with the
 * result, else the note's current text), count, organisations sorted by count (in anonymous
 * rounds the server's group of organisations counted together last, as `other: true`), and
 * voter names for named rounds (null for anonymous ones). The figures are the server's: it
 * groups them so that none singles out a person; the page never counts per organisation itself.
 */
export function rankingRows(round, { notes = new Map(), participants = new Map(), noOrganisation = '', otherOrganisations = '' } = {}) {
  const ranking = [...(round?.results?.ranking ?? [])]
    .map((entry) => ({ ...entry, count: Number(entry.count) || 0 }))
    .sort((a, b) => b.count - a.count);
  const named = !isAnonymous(round);
  let rank = 0;
  let previous = null;
  return ranking.map((entry, index) => {
    if (entry.count !== previous) {
      rank = index + 1;
      previous = entry.count;
    }
    const organisations = Object.entries(entry.byOrganisation ?? {})
      .map(([organisation, count]) => ({ organisation: organisation || noOrganisation, count: Number(count) || 0 }))
      .sort((a, b) => b.count - a.count || a.organisation.localeCompare(b.organisation));
    const other = Number(entry.otherOrganisations) || 0;
    if (other > 0) organisations.push({ organisation: otherOrganisations, count: other, other: true });
    let voters = null;
    if (named && Array.isArray(entry.voters)) {
      voters = entry.voters.map((voter) => voterName(voter, participants));
    }
    const text = typeof entry.text === 'string' ? entry.text : (notes.get(entry.note)?.text ?? '');
    return { rank, note: entry.note, text, count: entry.count, organisations, voters };
  });
}

/**
 * What to say beside an anonymous round's figures per organisation, from the grouping the server
 * applied: {key, params} for the translation, or null (named rounds: exact figures).
 */
export function groupingNote(round) {
  const grouping = round?.results?.grouping;
  if (!grouping || !isAnonymous(round)) return null;
  return { key: grouping.withheld ? 'results.withheld' : 'results.grouped', params: { threshold: Number(grouping.threshold) || 0 } };
}

function voterName(voter, participants) {
  if (typeof voter === 'string') return participants.get(voter)?.name ?? voter;
  if (voter && typeof voter === 'object') {
    const name = voter.name ?? participants.get(voter.id ?? voter.participant)?.name ?? String(voter.id ?? '');
    return voter.count > 1 ? `${name} (${voter.count})` : name;
  }
  return String(voter);
}

/**
 * Names of the participants (not facilitators or observers) who have not voted yet in a named
 * round, sorted; null when that is not known (anonymous rounds). Worked out from the people on
 * the board now, so someone who joins during the round is listed at once.
 */
export function notVotedNames(progress, participants) {
  if (!progress?.voted) return null;
  const voted = new Set(progress.voted);
  return [...participants.values()]
    .filter((p) => (p.role ?? 'participant') === 'participant' && !voted.has(p.id))
    .map((p) => p.name ?? p.id)
    .sort((a, b) => a.localeCompare(b));
}

/** Text excerpt for lists (spotlight choice, results). */
export function excerpt(text, length = 60) {
  const flat = String(text ?? '').trim().replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}
