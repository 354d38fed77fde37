// What the control view's status area says about the live session, pure: who is here (per
// organisation while there are few), raised hands, who is ready or waiting, the open round's
// progress and how busy each breakout room is. Worked out from what the control view already
// receives (participants, online set, rounds, vote progress, room polls); nothing is asked for.
import { isAnonymous, openRound } from './voting.js';
import { activityLevel } from './room-overview.js';

/** More organisations than this are not listed one by one in the status area (it would not fit). */
export const ORGANISATIONS_LISTED = 6;

const roleOf = (p) => p.role ?? 'participant';
const byName = (a, b) => String(a.name ?? '').localeCompare(String(b.name ?? ''));

/**
 * Who is here. People waiting in the waiting room are counted apart: they are not on the board yet.
 * @returns {online, total, waiting: [people], ready, participants, hands: [people, by name],
 *   organisations: [{name, online, total}] | null}; `name` '' is "no organisation"
 */
export function presenceSummary(participants, online) {
  const everyone = [...(participants?.values() ?? [])];
  const admitted = everyone.filter((p) => p.waiting !== true);
  const byOrganisation = new Map();
  for (const p of admitted) {
    const name = String(p.organisation ?? '').trim();
    const entry = byOrganisation.get(name) ?? { name, online: 0, total: 0 };
    entry.total += 1;
    if (online.has(p.id)) entry.online += 1;
    byOrganisation.set(name, entry);
  }
  const organisations = [...byOrganisation.values()]
    .sort((a, b) => b.total - a.total || (a.name === '') - (b.name === '') || a.name.localeCompare(b.name));
  return {
    online: admitted.filter((p) => online.has(p.id)).length,
    total: admitted.length,
    waiting: everyone.filter((p) => p.waiting === true).sort(byName),
    participants: admitted.filter((p) => roleOf(p) === 'participant').length,
    ready: admitted.filter((p) => p.ready === true).length,
    hands: admitted.filter((p) => p.hand === true).sort(byName),
    organisations: organisations.length <= ORGANISATIONS_LISTED ? organisations : null,
  };
}

/**
 * The open round's progress: voters out of the participants who may vote (admitted
 * participants; facilitators and observers steer or watch), and dots given. Null without an
 * open round. Before its first vote no progress has come: nobody has voted.
 */
export function roundProgress(rounds, progress, participants) {
  const round = openRound(rounds);
  if (!round) return null;
  const p = progress?.get(round.id) ?? { voters: 0, votes: 0 };
  const people = [...(participants?.values() ?? [])].filter((x) => roleOf(x) === 'participant' && x.waiting !== true).length;
  const voters = Number(p.voters) || 0;
  return { round, voters, votes: Number(p.votes) || 0, people: Math.max(people, voters), anonymous: isAnonymous(round) };
}

/**
 * How busy each breakout room is: its members (and how many are online), its notes and its
 * activity from the polls, and when it last changed (null: not seen changing since this view opened).
 * @param rooms breakout rooms in order; members: Map room -> [participant]; watches: Map room -> watch
 */
export function roomsBusy(rooms, members, online, watches) {
  return rooms.map((room) => {
    const people = members.get(room.id) ?? [];
    const watch = watches.get(room.id);
    const polled = Boolean(watch && watch.polls > 0);
    return {
      id: room.id,
      name: room.name || room.id,
      people: people.length,
      online: people.filter((p) => online.has(p.id)).length,
      notes: polled ? watch.notes.size : null,
      level: polled ? activityLevel(watch.activity) : null,
      lastActiveAt: watch?.lastActiveAt ?? null,
    };
  });
}

/** "How long ago", in whole minutes (0: just now), for a time on the local clock. */
export function minutesAgo(at, now) {
  return Math.max(0, Math.floor((now - at) / 60000));
}
