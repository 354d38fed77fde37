// One joined board over the bridge: keeps the confirmed state in sync with the server
// (sequence numbers, gap recovery, resync on reconnect), applies our own commands
// optimistically, relays presence, and tells the UI when anything changed.
import { fetchTicket } from '../api/http.js';
import { randomId } from '../ids.js';
import { createBridge, BridgeError } from '../net/bridge.js';
import { sockJsUrl } from '../net/sockjs.js';
import { createThrottle } from '../net/throttle.js';
import {
  applyBoardEvent, applyFullBoard, applyFullRoom, applyRoomEvent, emptyBoardState,
  overlayPending, setOnline, streamOf,
} from '../state/board-state.js';
import { applyPresenceBatch, clearDrag, emptyPresence, expirePresence, forgetParticipant } from '../state/presence.js';
import { createServerClock } from '../state/clock.js';
import { applyMine, applyProgress, emptyVoting } from '../state/voting.js';
import { SequenceTracker } from '../state/sequence.js';
import { PLENARY_ROOM } from '../state/limits.js';
import { Addresses } from './addresses.js';

/** How long a gap may stay open before we ask the server (events may just be late). */
const GAP_WAIT_MS = 250;
const SYNC_TIMEOUT_MS = 15000;
const PRESENCE_INTERVAL_MS = 50; // at most 20 a second per kind
const VIEWPORT_INTERVAL_MS = 100; // at most 10 a second

/**
 * @param bridgeOptions extra options for createBridge (tests pass a fake WebSocket)
 * @param facilitatorFeed listen on the facilitators' address (live voting progress)
 * @param sendsPresence false for observers and the control view: no cursor, drag or viewport
 */
export function createBoardSession({
  boardId, token, self, location, onUnauthorized, checkToken, bridgeOptions = {},
  ticketFor = () => fetchTicket(boardId, token).then((answer) => answer.ticket),
  facilitatorFeed = false, sendsPresence = true, now = () => Date.now(),
}) {
  const room = PLENARY_ROOM;
  const confirmed = emptyBoardState();
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
  /** A stream whose delta left a gap is re-read in full next time. */
  const needsFull = { board: false, room: false };
  const listeners = { change: new Set(), error: new Set(), state: new Set() };

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
      if (frame.body === 'access_denied') emit('error', 'not_allowed');
    },
  });
  bridge.onState((state) => emit('state', state));

  bridge.register(Addresses.board(boardId), onBoardMessage);
  bridge.register(Addresses.room(boardId, room), onRoomMessage);
  // What only this participant may see: my votes (`votes.mine`).
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

  function onBoardMessage(body) {
    if (!body || typeof body !== 'object') return;
    if (body.type === 'online') {
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
    if (event.type === 'round.closed' && !(event.round && typeof event.round === 'object' && event.round.id)
        && event.seq !== lastIncompleteClose) {
      lastIncompleteClose = event.seq;
      needsFull.board = true;
      scheduleResync();
    }
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
    if (body?.type === 'votes.mine') {
      applyMine(voting, body);
      changed();
    }
  }

  function onFacilitatorMessage(body) {
    if (body?.type === 'round.progress') {
      applyProgress(voting, body);
      changed();
    }
  }

  function onRoomMessage(body) {
    if (!body || typeof body !== 'object') return;
    if (body.type === 'presence') {
      applyPresenceBatch(presence, body.items, self.id, Date.now());
      changed();
      return;
    }
    if (body.room !== undefined && body.room !== room) return;
    if (typeof body.at === 'number') clock.fromEvent(body.at, now());
    for (const event of trackers.room.offer(body)) applyRoomEventAndPreview(event);
    afterStreamChange();
  }

  function applyRoomEventAndPreview(event) {
    applyRoomEvent(confirmed, event);
    // The stored result of someone's drag replaces their live preview.
    if (event.type.endsWith('.deleted') || (event.type === 'note.updated' && ('x' in (event.patch ?? {}) || 'y' in (event.patch ?? {})))) {
      clearDrag(presence, event.id);
    }
  }

  function afterStreamChange() {
    prunePending();
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
    const body = { type: 'sync', commandId: randomId(), room };
    if (trackers.board.ready && !needsFull.board) body.boardSeq = trackers.board.seq;
    if (trackers.room.ready && !needsFull.room) body.roomSeq = trackers.room.seq;
    const sentAt = now();
    syncing = bridge.request(Addresses.commands, body, SYNC_TIMEOUT_MS)
      .then((reply) => {
        if (!reply || reply.ok !== true) throw new BridgeError(reply?.code ?? 'unavailable', reply?.message ?? '');
        if (typeof reply.serverTime === 'number') clock.fromSync(reply.serverTime, sentAt, now());
        if ('voting' in reply) applyMine(voting, reply.voting ?? null);
        if (reply.progress) applyProgress(voting, reply.progress);
        applySyncPart('board', reply.board, (s) => applyFullBoard(confirmed, s), applyBoardEventChecked);
        applySyncPart('room', reply.room, (s) => applyFullRoom(confirmed, s), applyRoomEventAndPreview);
        afterStreamChange();
      })
      .finally(() => { syncing = null; });
    return syncing;
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
    const command = { ...fields, commandId: randomId() };
    const op = { command, stream: streamOf(command), ackSeq: null };
    pending.push(op);
    changed();
    bridge.command(Addresses.commands, command).then(
      (reply) => {
        if (reply && reply.ok === true) {
          const tracker = trackers[op.stream];
          if (typeof reply.seq === 'number') {
            op.ackSeq = reply.seq;
            tracker.noteExists(reply.seq);
          } else {
            op.ackSeq = tracker.seq ?? 0;
          }
          afterStreamChange();
        } else {
          reject(op, reply?.code ?? 'unavailable');
        }
      },
      (error) => reject(op, error instanceof BridgeError && error.code !== 'closed' ? 'unavailable' : null),
    );
    return command;
  }

  function reject(op, code) {
    pending = pending.filter((other) => other !== op);
    changed();
    if (code) emit('error', code);
    // Our optimistic picture may have hidden other changes: re-read the room.
    if (bridge.ready) sync().catch(() => {});
  }

  /**
   * A command whose reply the caller needs (votes, links): sent exactly once like any
   * command, nothing applied optimistically. Resolves with the reply (ok or not);
   * a refusal is also reported as an 'error' unless quiet.
   */
  function request(fields, { quiet = false } = {}) {
    const command = { ...fields, commandId: randomId() };
    return bridge.command(Addresses.commands, command).then(
      (reply) => {
        if (reply && reply.ok === true) {
          if (command.type === 'vote.cast' || command.type === 'vote.retract') applyMine(voting, reply);
          if (typeof reply.seq === 'number') trackers[streamOf(command)].noteExists(reply.seq);
          afterStreamChange();
        } else if (!quiet) {
          emit('error', reply?.code ?? 'unavailable');
        }
        return reply ?? { ok: false, code: 'unavailable' };
      },
      (error) => {
        const code = error instanceof BridgeError && error.code !== 'closed' ? 'unavailable' : 'network';
        if (!quiet && code === 'unavailable') emit('error', code);
        return { ok: false, code };
      },
    );
  }

  return {
    boardId,
    room,
    selfId: self.id,
    clock,
    voting,
    request,
    get connection() { return bridge.state; },
    get view() {
      if (!cachedView) cachedView = overlayPending(confirmed, pending.map((op) => op.command), self.id, Date.now());
      return cachedView;
    },
    get presence() { return presence; },
    get synced() { return trackers.room.ready && trackers.board.ready; },

    start() { bridge.start(); },
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
      if (sendsPresence) cursorThrottle.push({ kind: 'cursor', room, x: Math.round(x), y: Math.round(y) });
    },
    sendDrag(id, x, y) {
      if (sendsPresence) dragThrottle.push({ kind: 'drag', room, id, x: Math.round(x), y: Math.round(y) });
    },
    /** Tells the others at once that we left, instead of waiting for presence expiry. */
    leave() {
      sendPresence({ kind: 'leave', room });
    },
    sendDragEnd(id) {
      dragThrottle.cancel();
      sendPresence({ kind: 'drag.end', room, id });
    },
    /** A facilitator's view for the people following them (shared view: centre and zoom). */
    sendViewport(view) {
      if (sendsPresence) viewportThrottle.push({ kind: 'viewport', room, x: view.x, y: view.y, zoom: view.zoom });
    },
  };
}
