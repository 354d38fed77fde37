// The facilitator's common steering commands, shared by the control view and the board page's
// steering panel: both send the same commands with the same defaults and ask the same questions
// before the destructive ones.
import { Commands, Limits } from '../protocol.js';
import { randomId } from '../ids.js';
import { minutesToMs } from '../state/timer.js';

/** A new voting round in `room`: the control view's defaults, overridden by `choices`. */
export function newRound(room, choices = {}) {
  return {
    id: randomId(),
    votesPerParticipant: Limits.votesDefault,
    maxPerNote: Limits.votesPerNoteDefault,
    anonymous: true,
    room,
    ...choices,
  };
}

/** command(fields) -> Promise<reply>; confirm(text, okLabel) -> Promise<boolean>; t(key, params) */
export function createSteering({ command, confirm, t }) {
  return {
    startTimer: (minutes) => command({ type: Commands.timerStart, durationMs: minutesToMs(minutes) }),
    pauseTimer: () => command({ type: Commands.timerPause }),
    /** A timer set but not started yet starts; a paused one resumes. */
    resumeTimer: () => command({ type: Commands.timerResume }),
    addToTimer: (ms) => command({ type: Commands.timerAdd, ms }),
    resetTimer: () => command({ type: Commands.timerReset }),
    setLocked: (locked) => command({ type: Commands.boardLock, locked }),
    startRound: (round) => command({ type: Commands.roundStart, round }),
    /** Asks first (nobody can vote afterwards); resolves with the reply, or null when cancelled. */
    async closeRound(round) {
      if (!(await confirm(t('fac.voting.closeConfirm', { title: round.title || t('voting.untitled') }), t('fac.voting.close')))) return null;
      return command({ type: Commands.roundClose, round: round.id });
    },
    showRound: (roundId) => command({ type: Commands.roundShow, round: roundId }),
    openRooms: () => command({ type: Commands.roomsOpen }),
    closeRooms: () => command({ type: Commands.roomsClose }),
    reveal: (roomId) => command({ type: Commands.privateReveal, room: roomId }),
  };
}
