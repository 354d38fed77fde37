// One joined board over the bridge: keeps the confirmed state in sync with the server
// (sequence numbers, gap recovery, resync on reconnect), applies our own commands
// optimistically, relays presence, and tells the UI when anything changed.
// It follows the room its participant is in (breakout rooms; facilitators choose theirs):
// when that changes it leaves the old room's address, listens on the new one and reads
// the new room in full. Texts of hidden notes (private writing) that we may read are
// kept apart, so a room event without the text does not wipe them.
// A server of a newer protocol version refuses the sync with client_outdated: the session
// keeps its unsent commands in sessionStorage and reloads the page, whose session sends them.
import { fetchTicket } from '../api/http.js';
import { randomId } from '../ids.js';
import { createBridge, BridgeError, retryAfterMs } from '../net/bridge.js';
import { sockJsUrl } from '../net/sockjs.js';
import { createThrottle } from '../net/throttle.js';
import {
  Addresses, CLOSE_BOARD_GONE, Commands, ErrorCodes, Events, Limits, Messages, PresenceKinds, PROTOCOL_VERSION,
} from '../protocol.js';
import {
  applyBoardEvent, applyFullBoard, applyFullRoom, applyRoomEvent, emptyBoardState,
  isPreviewed, overlayPending, setOnline, streamOf,
} from '../state/board-state.js';
import { applyPresenceBatch, clearDrag, emptyPresence, expirePresence, forgetParticipant } from '../state/presence.js';
import { createServerClock } from '../state/clock.js';
import { applyMine, applyProgress, emptyVoting } from '../state/voting.js';
import { SequenceTracker } from '../state/sequence.js';
import { PLENARY_ROOM } from '../state/limits.js';
import { currentRoomOf, roomAfterRefusal } from '../state/rooms.js';
import { learnFromEvent, learnFromNotes, learnFromRoomEvent, withHiddenTexts } from '../state/private-notes.js';
import { claimReloadForUpdate, saveUnsent, takeUnsent } from '../state/unsent.js';

/** How long a gap may stay open before we ask the server (events may just be late). */
const GAP_WAIT_MS = 250;
const SYNC_TIMEOUT_MS = 15000;
const PRESENCE_INTERVAL_MS = 1000 / Limits.presencePerSecond; // per kind
const VIEWPORT_INTERVAL_MS = 100; // at most 10 a second
/** How often one sync may move on to another room (refusal, or a room change it revealed). */
const SYNC_ROOM_TRIES = 4;
/** How often one sync waits out rate_limited before it gives up (and the socket starts over). */
const SYNC_RATE_LIMITED_TRIES = 10;

function browserSessionStorage() {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage blocked: nothing is kept over a reload, and no reload happens
  }
}

const wait = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/**
 * @param bridgeOptions extra options for createBridge (tests pass a fake WebSocket)
 * @param facilitatorFeed listen on the facilitators' address (live voting progress)
 * @param sendsPresence false for observers and the control view: no cursor, drag or viewport
 * @param room facilitators: the room to look at first (default the plenary); the others
 *   are wherever the board state puts them
 * @param followsRoom false keeps the session in its first room (the control view)
 * @param storage where unsent commands and the reload guard are kept (sessionStorage)
 * @param reload reloads the page (for a newer server)
 */
export function createBoardSession({
  boardId, token, self, location, onUnauthorized, checkToken, bridgeOptions = {},
  ticketFor = () => fetchTicket(boardId, token).then((answer) => answer.ticket),
  facilitatorFeed = false, sendsPresence = true, now = () => Date.now(),
  room: firstRoom = null, followsRoom = true,
  storage = browserSessionStorage(), reload = () => location.reload?.(),
}) {
  const facilitator = self.role === 'facilitator';
  /** The room a facilitator chose to look at (null: the plenary). */
  let chosenRoom = facilitator && firstRoom && firstRoom !== PLENARY_ROOM ? firstRoom : null;
  let room = chosenRoom ?? PLENARY_ROOM;
  /** Set when a refused sync told us where we are before the board state did. */
  let toldRoom = null;
  const confirmed = emptyBoardState();
  /** Texts of hidden notes of the current room that we may read: note id -> text. */
  const hiddenTexts = new Map();
  const presence = emptyPresence();
  const clock = createServerClock(now);
  /** My votes in the open round and, for facilitators, the live progress. */
  const voting = emptyVoting();
  const trackers = { board: new SequenceTracker(), room: new SequenceTracker() };
  /** Our commands not yet reflected in the confirmed state: { command, stream, ackSeq } */
  let pending = [];
  let cachedView = null;
  let gapTimer = null;
  let syncing = null;
  /** The room changed while a sync was on its way: sync again when it is back. */
  let resyncAfter = false;
  /** A stream whose delta left a gap is re-read in full next time. */
  const needsFull = { board: false, room: false };
  /** The server speaks a newer protocol: this session has stopped (see onOutdated). */
  let outdated = false;
  /**
   * event: every stored board event applied (live or from a sync's delta); roomEvent: the same for
   * the events of the room in view.
   */
  const listeners = {
    change: new Set(), error: new Set(), state: new Set(), room: new Set(), event: new Set(), roomEvent: new Set(), refused: new Set(),
  };

  const bridge = createBridge({
    ...bridgeOptions,
    url: async () => sockJsUrl(location, '/eventbus', await ticketFor()),
    onConnected: () => sync(),
    onConnectFailure: async (failures) => {
      // A socket that never opens may mean the token is no longer accepted.
      if (failures === 3 && checkToken && (await checkToken()) === false) {
        bridge.close();
        onUnauthorized?.();
      }
    },
    onBridgeError: (frame) => {
      if (frame.body === 'access_denied') emit('error', ErrorCodes.notAllowed);
    },
    onClosedForGood: (code) => {
      if (code === CLOSE_BOARD_GONE) emit('error', ErrorCodes.boardGone);
      else onUnauthorized?.();
    },
  });
  bridge.onState((state) => emit('state', state));

  bridge.register(Addresses.board(boardId), onBoardMessage);
  let leaveRoomAddress = listenToRoom(room);
  // What only this participant may see: my votes (`votes.mine`), my hidden notes (`note.private`).
  bridge.register(Addresses.personal(boardId, self.id), onPersonalMessage);
  if (facilitatorFeed) bridge.register(Addresses.facilitators(boardId), onFacilitatorMessage);

  const presenceTimer = setInterval(() => {
    if (expirePresence(presence, Date.now())) changed();
  }, 1000);

  const cursorThrottle = createThrottle(PRESENCE_INTERVAL_MS, (body) => bridge.send(Addresses.presence, body));
  const dragThrottle = createThrottle(PRESENCE_INTERVAL_MS, (body) => bridge.send(Addresses.presence, body));
  const viewportThrottle = createThrottle(VIEWPORT_INTERVAL_MS, (body) => bridge.send(Addresses.presence, body));

  function sendPresence(body) {
    if (sendsPresence) bridge.send(Addresses.presence, body);
  }

  function emit(kind, value) {
    for (const listener of listeners[kind]) listener(value);
  }

  function changed() {
    cachedView = null;
    emit('change');
  }

  /** Room messages reach us only for the room they were registered for, while it is ours. */
  function listenToRoom(target) {
    return bridge.register(Addresses.room(boardId, target), (body) => {
      if (target === room) onRoomMessage(body);
    });
  }

  /** Where we should be now, from the board state (and what a refusal told us before it). */
  function derivedRoom() {
    if (!followsRoom) return room;
    if (!trackers.board.ready) return facilitator ? (chosenRoom ?? PLENARY_ROOM) : (toldRoom ?? room);
    return currentRoomOf(confirmed, self, chosenRoom, true);
  }

  /**
   * Leaves the current room for another: unregister the old address, register the new,
   * forget the old room's notes, presence, pending changes and sequence, and read the new
   * room in full (now, or after the sync on its way).
   */
  function switchRoom(next, { syncNow = true } = {}) {
    if (next === room) return;
    const previous = room;
    if (sendsPresence) bridge.send(Addresses.presence, { kind: PresenceKinds.leave, room: previous });
    leaveRoomAddress();
    room = next;
    leaveRoomAddress = listenToRoom(next);
    trackers.room.clear();
    needsFull.room = false;
    confirmed.notes = new Map();
    confirmed.sections = new Map();
    hiddenTexts.clear();
    Object.assign(presence, emptyPresence());
    pending = pending.filter((op) => op.stream !== 'room');
    emit('room', { room: next, previous });
    changed();
    if (syncNow) {
      if (syncing) resyncAfter = true;
      else if (bridge.ready) sync().catch(() => {});
    }
  }

  function followRoom() {
    const next = derivedRoom();
    if (next !== room) switchRoom(next);
  }

  function onBoardMessage(body) {
    if (!body || typeof body !== 'object') return;
    if (body.type === Messages.boardDeleted) {
      // Deleted by its facilitators or past its retention: nothing to reconnect to.
      bridge.close();
      emit('error', ErrorCodes.boardGone);
      return;
    }
    if (body.type === Messages.online) {
      setOnline(confirmed, body.participants);
      for (const id of presence.cursors.keys()) if (!confirmed.online.has(id)) forgetParticipant(presence, id);
      changed();
      return;
    }
    if (typeof body.at === 'number') clock.fromEvent(body.at, now());
    for (const event of trackers.board.offer(body)) applyBoardEventChecked(event);
    afterStreamChange();
  }

  /** A round.closed without its round (and results) is re-read from the full board state. */
  function applyBoardEventChecked(event) {
    applyBoardEvent(confirmed, event);
    // Rooms closing bring everyone back to the plenary, facilitators included.
    if (event.type === Events.settingsUpdated && event.patch?.breakout === 'closed') chosenRoom = null;
    if (event.type === Events.roundClosed && !(event.round && typeof event.round === 'object' && event.round.id)
        && event.seq !== lastIncompleteClose) {
      lastIncompleteClose = event.seq;
      needsFull.board = true;
      scheduleResync();
    }
    emit('event', event);
  }

  let lastIncompleteClose = null;
  let resyncTimer = null;
  function scheduleResync() {
    if (resyncTimer !== null) return;
    resyncTimer = setTimeout(() => {
      resyncTimer = null;
      if (bridge.ready) sync().catch(() => {});
    }, 0);
  }

  function onPersonalMessage(body) {
    if (body?.type === Messages.votesMine) {
      applyMine(voting, body);
      changed();
    } else if (body?.type === Messages.notePrivate) {
      onPrivateNote(body);
    }
  }

  function onFacilitatorMessage(body) {
    if (body?.type === Messages.roundProgress) {
      applyProgress(voting, body);
      changed();
    } else if (body?.type === Messages.notePrivate) {
      onPrivateNote(body);
    }
  }

  /** A hidden note's event, whole: only its text is taken; the room event brings the rest. */
  function onPrivateNote(body) {
    const event = body.event;
    if (!event || typeof event !== 'object') return;
    const eventRoom = event.type === Events.roomsHarvested ? PLENARY_ROOM : event.room;
    if (eventRoom !== undefined && eventRoom !== room) return;
    learnFromEvent(hiddenTexts, event);
    changed();
  }

  function onRoomMessage(body) {
    if (!body || typeof body !== 'object') return;
    if (body.type === Messages.presence) {
      applyPresenceBatch(presence, body.items, self.id, Date.now());
      changed();
      return;
    }
    // rooms.harvested names the harvested room but lands on the plenary's stream.
    if (body.type !== Events.roomsHarvested && body.room !== undefined && body.room !== room) return;
    if (typeof body.at === 'number') clock.fromEvent(body.at, now());
    for (const event of trackers.room.offer(body)) applyRoomEventAndPreview(event);
    afterStreamChange();
  }

  function applyRoomEventAndPreview(event) {
    applyRoomEvent(confirmed, event);
    learnFromRoomEvent(hiddenTexts, event, self);
    // The stored result of someone's drag replaces their live preview.
    const moved = event.type === Events.noteUpdated && ('x' in (event.patch ?? {}) || 'y' in (event.patch ?? {}));
    if (moved || event.type === Events.noteDeleted || event.type === Events.sectionDeleted) {
      clearDrag(presence, event.id);
    }
    emit('roomEvent', event);
  }

  function afterStreamChange() {
    prunePending();
    followRoom();
    changed();
    if (trackers.board.hasGap || trackers.room.hasGap) scheduleGapCheck();
  }

  function scheduleGapCheck() {
    if (gapTimer !== null) return;
    gapTimer = setTimeout(() => {
      gapTimer = null;
      if ((trackers.board.hasGap || trackers.room.hasGap) && bridge.ready) sync().catch(() => {});
    }, GAP_WAIT_MS);
  }

  function prunePending() {
    pending = pending.filter((op) => op.ackSeq === null || trackers[op.stream].seq === null || trackers[op.stream].seq < op.ackSeq);
  }

  /** Asks for everything after the seqs we hold (or the full state); one at a time. */
  function sync() {
    if (syncing) return syncing;
    syncing = runSync().finally(() => {
      syncing = null;
      if (resyncAfter) {
        resyncAfter = false;
        sync().catch(() => {});
      }
    });
    return syncing;
  }

  /**
   * One sync, moving on to another room when the answer shows we are elsewhere: a refusal
   * (not_allowed: a participant asked for a room that is not theirs) or a board state that
   * puts us in another room than the one asked for. rate_limited is waited out; client_outdated
   * stops the session (onOutdated).
   */
  async function runSync() {
    let roomTries = 0;
    let rateLimitedTries = 0;
    for (;;) {
      const forRoom = room;
      const body = { type: Commands.sync, commandId: randomId(), protocol: PROTOCOL_VERSION, room: forRoom };
      if (trackers.board.ready && !needsFull.board) body.boardSeq = trackers.board.seq;
      if (trackers.room.ready && !needsFull.room) body.roomSeq = trackers.room.seq;
      const sentAt = now();
      const reply = await bridge.request(Addresses.commands, body, SYNC_TIMEOUT_MS);
      if (!reply || reply.ok !== true) {
        const code = reply?.code ?? ErrorCodes.unavailable;
        if (code === ErrorCodes.clientOutdated) {
          onOutdated();
        } else if (code === ErrorCodes.rateLimited && rateLimitedTries < SYNC_RATE_LIMITED_TRIES) {
          rateLimitedTries += 1;
          await wait(retryAfterMs(reply));
          continue;
        } else if (code === ErrorCodes.notAllowed && !facilitator && followsRoom && roomTries < SYNC_ROOM_TRIES && forRoom === room) {
          const assigned = confirmed.participants.get(self.id)?.room ?? self.room ?? null;
          const next = roomAfterRefusal(reply.room, forRoom, assigned);
          if (next) {
            roomTries += 1;
            toldRoom = next;
            switchRoom(next, { syncNow: false });
            continue;
          }
        }
        throw new BridgeError(code, reply?.message ?? '');
      }
      if (typeof reply.serverTime === 'number') clock.fromSync(reply.serverTime, sentAt, now());
      if ('voting' in reply) applyMine(voting, reply.voting ?? null);
      if (reply.progress) applyProgress(voting, reply.progress);
      applySyncPart('board', reply.board, (s) => applyFullBoard(confirmed, s), applyBoardEventChecked);
      toldRoom = null;
      const next = derivedRoom();
      if (next !== room) switchRoom(next, { syncNow: false });
      if (forRoom === room) {
        applySyncPart('room', reply.room, (s) => {
          applyFullRoom(confirmed, s);
          hiddenTexts.clear();
          learnFromNotes(hiddenTexts, s.notes, self);
        }, applyRoomEventAndPreview);
      } else if (roomTries < SYNC_ROOM_TRIES) {
        roomTries += 1;
        afterStreamChange();
        continue;
      } else {
        resyncAfter = true;
      }
      afterStreamChange();
      return;
    }
  }

  /**
   * The server runs a newer protocol version. Keep every command of this board without a
   * reply (queued or in flight) for the next page, stop, and reload, unless this tab reloaded
   * for that within the last minute: then report client_outdated (the page shows a banner).
   * Commands stay shown as they were: they are not lost, the next page sends them.
   */
  function onOutdated() {
    if (outdated) return;
    outdated = true;
    saveUnsent(storage, boardId, bridge.unsentCommands().map((entry) => entry.body));
    const reloading = claimReloadForUpdate(storage, now());
    bridge.close();
    if (reloading) reload();
    else emit('error', ErrorCodes.clientOutdated);
  }

  function applySyncPart(stream, part, applyFull, applyEvent) {
    if (!part) return;
    const tracker = trackers[stream];
    if (part.mode === 'full') {
      applyFull(part.state ?? {});
      for (const event of tracker.reset(Number(part.seq) || 0)) applyEvent(event);
      needsFull[stream] = false;
    } else if (part.mode === 'delta') {
      if (!tracker.ready) for (const event of tracker.reset(0)) applyEvent(event);
      const events = [...(part.events ?? [])].sort((a, b) => a.seq - b.seq);
      for (const event of events) for (const ready of tracker.offer(event)) applyEvent(ready);
      // A delta that does not close the gap means the log no longer holds it.
      needsFull[stream] = needsFull[stream] || tracker.hasGap;
    }
  }

  /** Applies a command locally at once and sends it; rolls back on refusal. */
  function dispatch(fields) {
    return dispatchCommand({ ...fields, commandId: randomId() });
  }

  /** dispatch with the command as it is (a restored one keeps its commandId). */
  function dispatchCommand(command) {
    const op = { command, stream: streamOf(command), ackSeq: null };
    pending.push(op);
    changed();
    bridge.command(Addresses.commands, command).then(
      (reply) => {
        if (reply && reply.ok === true) {
          // A save finished in a room we have left since (the rooms closed) is not news of this one.
          if (!onOurStreams(op.command)) {
            pending = pending.filter((other) => other !== op);
            changed();
            return;
          }
          const tracker = trackers[op.stream];
          if (typeof reply.seq === 'number') {
            op.ackSeq = reply.seq;
            tracker.noteExists(reply.seq);
          } else {
            op.ackSeq = tracker.seq ?? 0;
          }
          afterStreamChange();
        } else {
          reject(op, reply?.code ?? ErrorCodes.unavailable, reply);
        }
      },
      (error) => {
        // Stopped for a newer server: the command was kept for the next page, so keep showing it.
        if (outdated) return;
        reject(op, error instanceof BridgeError && error.code !== 'closed' ? ErrorCodes.unavailable : null);
      },
    );
    return command;
  }

  /** @param reply the refusal as the server sent it (an edit conflict carries the text now) */
  function reject(op, code, reply = null) {
    pending = pending.filter((other) => other !== op);
    changed();
    // The page may keep what was refused (text written while the board was locked, or while
    // someone else saved the same note); an error it took care of is not reported again.
    const refusal = { command: op.command, code, reply, handled: false };
    if (code) emit('refused', refusal);
    if (code && !refusal.handled) emit('error', code);
    // Our optimistic picture may have hidden other changes: re-read the room.
    if (bridge.ready) sync().catch(() => {});
  }

  /**
   * A command whose reply the caller needs (votes, links): sent exactly once like any
   * command, nothing applied optimistically. Resolves with the reply (ok or not);
   * a refusal is also reported as an 'error' unless quiet.
   */
  function request(fields, options) {
    return requestCommand({ ...fields, commandId: randomId() }, options);
  }

  function requestCommand(command, { quiet = false } = {}) {
    return bridge.command(Addresses.commands, command).then(
      (reply) => {
        if (reply && reply.ok === true) {
          if (command.type === Commands.voteCast || command.type === Commands.voteRetract) applyMine(voting, reply);
          if (typeof reply.seq === 'number' && onOurStreams(command)) trackers[streamOf(command)].noteExists(reply.seq);
          afterStreamChange();
        } else if (!quiet) {
          emit('error', reply?.code ?? ErrorCodes.unavailable);
        }
        return reply ?? { ok: false, code: ErrorCodes.unavailable };
      },
      (error) => {
        const code = error instanceof BridgeError && error.code !== 'closed' ? ErrorCodes.unavailable : 'network';
        if (!quiet && code === ErrorCodes.unavailable) emit('error', code);
        return { ok: false, code };
      },
    );
  }

  /** Commands a previous page of this board kept over a reload: queued again as they were. */
  function restoreUnsent() {
    for (const command of takeUnsent(storage, boardId)) {
      if (isPreviewed(command)) dispatchCommand(command);
      else requestCommand(command);
    }
  }

  /** Whether a command's event lands on the board stream or the room stream we follow. */
  function onOurStreams(command) {
    if (streamOf(command) === 'board') return true;
    const target = command.type === Commands.roomsHarvest ? PLENARY_ROOM : command.room;
    return target === room;
  }

  return {
    boardId,
    /** The room we are in now (changes: the 'room' listeners are told). */
    get room() { return room; },
    /** Facilitators: look at another room (null or 'main': the plenary). */
    enterRoom(target) {
      if (!facilitator) return;
      chosenRoom = target && target !== PLENARY_ROOM ? target : null;
      switchRoom(derivedRoom());
    },
    get boardSeq() { return trackers.board.seq; },
    selfId: self.id,
    clock,
    voting,
    request,
    get connection() { return bridge.state; },
    get view() {
      if (!cachedView) {
        const ours = pending.filter((op) => op.stream === 'board' || op.command.room === room);
        cachedView = overlayPending(withHiddenTexts(confirmed, hiddenTexts), ours.map((op) => op.command), self.id, Date.now());
      }
      return cachedView;
    },
    get presence() { return presence; },
    get synced() { return trackers.room.ready && trackers.board.ready; },

    start() {
      restoreUnsent();
      bridge.start();
    },
    stop() {
      clearInterval(presenceTimer);
      clearTimeout(gapTimer);
      bridge.close();
    },
    reconnectNow() { bridge.reconnectNow(); },
    on(kind, listener) {
      listeners[kind].add(listener);
      return () => listeners[kind].delete(listener);
    },
    dispatch,
    sendCursor(x, y) {
      if (sendsPresence) cursorThrottle.push({ kind: PresenceKinds.cursor, room, x: Math.round(x), y: Math.round(y) });
    },
    sendDrag(id, x, y) {
      if (sendsPresence) dragThrottle.push({ kind: PresenceKinds.drag, room, id, x: Math.round(x), y: Math.round(y) });
    },
    /** Tells the others at once that we left, instead of waiting for presence expiry. */
    leave() {
      sendPresence({ kind: PresenceKinds.leave, room });
    },
    /** The note whose text we write (now, and every few seconds while the editor is open). */
    sendEditing(id) {
      sendPresence({ kind: PresenceKinds.editing, room, id });
    },
    sendEditEnd(id) {
      sendPresence({ kind: PresenceKinds.editEnd, room, id });
    },
    sendDragEnd(id) {
      dragThrottle.cancel();
      sendPresence({ kind: PresenceKinds.dragEnd, room, id });
    },
    /** A facilitator's view for the people following them (shared view: centre and zoom). */
    sendViewport(view) {
      if (sendsPresence) viewportThrottle.push({ kind: PresenceKinds.viewport, room, x: view.x, y: view.y, zoom: view.zoom });
    },
  };
}
