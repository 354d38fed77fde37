// Our own client for the Vert.x SockJS event bus bridge, WebSocket transport only.
// Unlike the official vertx-eventbus.js it keeps handlers across reconnects,
// reconnects by itself with jittered backoff, and keeps a queue of commands that are
// resent (same body, same commandId) until they got a reply. Flow control: at most
// Limits.commandsInFlight commands wait for a reply at once, the rest wait in order; a
// `rate_limited` reply puts its command back in its place and holds the queue for the
// reply's `retryAfterMs`.
import { CLOSE_BOARD_GONE, CLOSE_REMOVED, ErrorCodes, Limits } from '../protocol.js';
import { randomId } from '../ids.js';
import { backoffDelay } from './backoff.js';
import { bridgeFrames, encodeSockJsFrames, parseSockJsMessage } from './sockjs.js';

export const ConnectionState = Object.freeze({
  connecting: 'connecting',
  open: 'open',
  reconnecting: 'reconnecting',
  closed: 'closed',
});

export class BridgeError extends Error {
  constructor(code, detail = '') {
    super(detail ? `${code}: ${detail}` : code);
    this.code = code;
  }
}

/** How long the queue holds after a `rate_limited` reply that does not say (`retryAfterMs`). */
const RETRY_AFTER_DEFAULT_MS = 250;

/** How long a `rate_limited` reply says to wait: its `retryAfterMs`, or the default without one. */
export function retryAfterMs(reply) {
  const after = Number(reply?.retryAfterMs);
  return Number.isFinite(after) && after >= 0 ? after : RETRY_AFTER_DEFAULT_MS;
}

const defaultTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (id) => clearInterval(id),
};

/**
 * @param options.url            () => string or Promise<string>, a fresh SockJS WebSocket URL
 *                               per attempt
 * @param options.onConnected    async (bridge) => void; runs after every (re)open, before
 *                               queued commands go out (the place to sync)
 * @param options.onConnectFailure (consecutiveFailures) => void; sockets that closed before opening
 * @param options.onBridgeError  (frame) => void; `err` frames not tied to a request
 * @param options.maxInFlight    commands sent and not yet answered, at most (per socket)
 */
export function createBridge(options) {
  const {
    url,
    onConnected = async () => {},
    onConnectFailure = () => {},
    onBridgeError = () => {},
    // The server closed the socket for good (the board no longer exists, or this person is no
    // longer on it: CLOSE_BOARD_GONE, CLOSE_REMOVED): no reconnecting; called with the code.
    onClosedForGood = () => {},
    WebSocketImpl = globalThis.WebSocket,
    timers = defaultTimers,
    random = Math.random,
    pingIntervalMs = 5000,
    openTimeoutMs = 10000,
    commandTimeoutMs = 20000,
    // The server's SockJS heartbeat comes every 25 s; silence for longer means a dead link.
    idleTimeoutMs = 60000,
    maxCommandAttempts = 4,
    maxInFlight = Limits.commandsInFlight,
  } = options;

  const handlers = new Map();      // address -> Set<handler>, survives reconnects
  const replies = new Map();       // replyAddress -> { resolve, reject, timer }
  const commands = [];             // unanswered commands, oldest first (sent or waiting)
  const stateListeners = new Set();

  let state = ConnectionState.closed;
  let socket = null;
  let socketOpen = false;          // SockJS "o" received on the current socket
  let ready = false;               // onConnected finished: commands may flow
  let everReady = false;
  let attempt = 0;
  let consecutiveFailures = 0;
  let reconnectTimer = null;
  let openTimer = null;
  let pingTimer = null;
  let lastReceived = 0;
  let stopped = true;
  /** The server asked us to hold commands until then (rate_limited). */
  let holdUntil = 0;
  let holdTimer = null;

  function setState(next) {
    if (state === next) return;
    state = next;
    for (const listener of stateListeners) listener(state);
  }

  function write(frame) {
    if (!socketOpen || !socket) return false;
    try {
      socket.send(encodeSockJsFrames([frame]));
      return true;
    } catch {
      return false;
    }
  }

  function connect() {
    reconnectTimer = null;
    if (stopped) return;
    setState(everReady ? ConnectionState.reconnecting : ConnectionState.connecting);
    let target;
    try {
      target = url();
    } catch {
      failedAttempt();
      return;
    }
    // The URL may come from a request (a fresh socket ticket per attempt).
    if (target && typeof target.then === 'function') {
      target.then(
        (resolved) => { if (!stopped && socket === null && reconnectTimer === null) open(resolved); },
        () => { if (!stopped) failedAttempt(); },
      );
    } else {
      open(target);
    }
  }

  /** An attempt that never reached a socket counts like a socket that never opened. */
  function failedAttempt() {
    consecutiveFailures += 1;
    onConnectFailure(consecutiveFailures);
    scheduleReconnect();
  }

  function open(target) {
    let ws;
    try {
      ws = new WebSocketImpl(target);
    } catch {
      failedAttempt();
      return;
    }
    socket = ws;
    socketOpen = false;
    ws.onmessage = (event) => { if (socket === ws) onMessage(event.data); };
    ws.onclose = () => { if (socket === ws) onDropped(); };
    ws.onerror = () => { /* a close event always follows */ };
    openTimer = timers.setTimeout(() => { if (socket === ws && !socketOpen) ws.close(); }, openTimeoutMs);
  }

  function onMessage(data) {
    lastReceived = timers.now();
    const message = parseSockJsMessage(data);
    switch (message.kind) {
      case 'open': onSocketOpen(); break;
      case 'frames': message.frames.forEach(onFrame); break;
      case 'close':
        if (message.code === CLOSE_BOARD_GONE || message.code === CLOSE_REMOVED) {
          api.close();
          onClosedForGood(message.code);
        } else {
          socket?.close();
        }
        break;
      default: break;
    }
  }

  function onSocketOpen() {
    timers.clearTimeout(openTimer);
    socketOpen = true;
    consecutiveFailures = 0;
    for (const address of handlers.keys()) write(bridgeFrames.register(address));
    write(bridgeFrames.ping());
    pingTimer = timers.setInterval(onPingTick, pingIntervalMs);
    const current = socket;
    Promise.resolve()
      .then(() => onConnected(api))
      .then(() => {
        if (socket !== current || !socketOpen) return;
        ready = true;
        everReady = true;
        attempt = 0;
        setState(ConnectionState.open);
        flushCommands();
      })
      .catch(() => {
        // Could not get in sync on this socket: start over with a fresh one.
        if (socket === current) current.close();
      });
  }

  function onPingTick() {
    if (timers.now() - lastReceived > idleTimeoutMs) {
      socket?.close();
      return;
    }
    write(bridgeFrames.ping());
  }

  function onFrame(frame) {
    if (frame.type === 'rec') {
      const reply = replies.get(frame.address);
      if (reply) {
        replies.delete(frame.address);
        timers.clearTimeout(reply.timer);
        reply.resolve(frame.body);
        return;
      }
      const set = handlers.get(frame.address);
      if (set) for (const handler of [...set]) handler(frame.body, frame.headers ?? {});
    } else if (frame.type === 'err') {
      const reply = frame.address ? replies.get(frame.address) : null;
      if (reply) {
        replies.delete(frame.address);
        timers.clearTimeout(reply.timer);
        reply.reject(new BridgeError(frame.failureType || frame.body || 'error', frame.message ?? ''));
        return;
      }
      onBridgeError(frame);
    }
  }

  function onDropped() {
    const wasOpen = socketOpen;
    timers.clearTimeout(openTimer);
    timers.clearInterval(pingTimer);
    socket = null;
    socketOpen = false;
    ready = false;
    for (const [address, reply] of replies) {
      timers.clearTimeout(reply.timer);
      replies.delete(address);
      reply.reject(new BridgeError('disconnected'));
    }
    if (!wasOpen) {
      consecutiveFailures += 1;
      onConnectFailure(consecutiveFailures);
    }
    // Commands without an answer stay queued; give up on those that failed too often.
    for (let i = commands.length - 1; i >= 0; i -= 1) {
      const entry = commands[i];
      entry.inFlight = false;
      if (entry.attempts >= maxCommandAttempts) {
        commands.splice(i, 1);
        entry.reject(new BridgeError(ErrorCodes.unavailable, 'no reply after several attempts'));
      }
    }
    if (stopped) {
      setState(ConnectionState.closed);
      return;
    }
    scheduleReconnect();
  }

  function scheduleReconnect() {
    setState(everReady ? ConnectionState.reconnecting : ConnectionState.connecting);
    const delay = backoffDelay(attempt, { random });
    attempt += 1;
    reconnectTimer = timers.setTimeout(connect, delay);
  }

  /**
   * Sends waiting commands in queue order while fewer than maxInFlight wait for a reply,
   * unless the server asked us to hold.
   */
  function flushCommands() {
    if (!ready) return;
    if (timers.now() < holdUntil) {
      scheduleRelease();
      return;
    }
    let inFlight = 0;
    for (const entry of commands) if (entry.inFlight) inFlight += 1;
    for (const entry of commands) {
      if (inFlight >= maxInFlight) break;
      if (entry.inFlight) continue;
      transmitCommand(entry);
      inFlight += 1;
    }
  }

  function scheduleRelease() {
    timers.clearTimeout(holdTimer);
    holdTimer = timers.setTimeout(() => {
      holdTimer = null;
      flushCommands();
    }, Math.max(0, holdUntil - timers.now()));
  }

  /** rate_limited is no refusal: the command keeps its place and goes again after the wait. */
  function holdBack(entry, body) {
    entry.inFlight = false;
    entry.attempts -= 1; // answered: this attempt does not count towards giving up
    holdUntil = Math.max(holdUntil, timers.now() + retryAfterMs(body));
    scheduleRelease();
  }

  function transmitCommand(entry) {
    entry.attempts += 1;
    entry.inFlight = true;
    const replyAddress = randomId(24);
    const timer = timers.setTimeout(() => {
      // No answer on a socket that looks open: presume it dead; reconnecting resends.
      if (replies.get(replyAddress)) socket?.close();
    }, commandTimeoutMs);
    replies.set(replyAddress, {
      timer,
      resolve: (body) => {
        if (body && body.ok === false && body.code === ErrorCodes.rateLimited) {
          holdBack(entry, body);
          return;
        }
        removeCommand(entry);
        entry.resolve(body);
        flushCommands();
      },
      reject: (error) => {
        // Disconnects keep the command queued (resent later); bridge-level refusals end it.
        if (error.code === 'disconnected') return;
        removeCommand(entry);
        entry.reject(error);
        flushCommands();
      },
    });
    write(bridgeFrames.send(entry.address, entry.body, replyAddress));
  }

  function removeCommand(entry) {
    const index = commands.indexOf(entry);
    if (index >= 0) commands.splice(index, 1);
  }

  const api = {
    get state() { return state; },
    get ready() { return ready; },
    get pendingCommandCount() { return commands.length; },
    /** Commands sent and not answered yet (at most maxInFlight). */
    get inFlightCount() { return commands.filter((entry) => entry.inFlight).length; },
    /** Every command without a reply, oldest first: {address, body} (for keeping them over a reload). */
    unsentCommands() {
      return commands.map(({ address, body }) => ({ address, body }));
    },

    start() {
      if (!stopped) return;
      stopped = false;
      connect();
    },

    /** Closes for good: no reconnect; pending work fails. */
    close() {
      stopped = true;
      timers.clearTimeout(reconnectTimer);
      reconnectTimer = null;
      timers.clearTimeout(holdTimer);
      holdTimer = null;
      for (const entry of commands.splice(0)) entry.reject(new BridgeError('closed'));
      if (socket) socket.close();
      else setState(ConnectionState.closed);
    },

    /** Skips the backoff wait (e.g. the browser says it is online again). */
    reconnectNow() {
      if (stopped || socket || reconnectTimer === null) return;
      timers.clearTimeout(reconnectTimer);
      attempt = 0;
      connect();
    },

    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },

    /** Listens on an address; kept and re-registered across reconnects. */
    register(address, handler) {
      let set = handlers.get(address);
      if (!set) {
        set = new Set();
        handlers.set(address, set);
        write(bridgeFrames.register(address));
      }
      set.add(handler);
      return () => {
        set.delete(handler);
        if (set.size === 0 && handlers.get(address) === set) {
          handlers.delete(address);
          write(bridgeFrames.unregister(address));
        }
      };
    },

    /** Fire and forget; dropped when not connected (for ephemeral presence). */
    send(address, body) {
      return ready && write(bridgeFrames.send(address, body));
    },

    /** A request on the current socket, not queued (used for sync while connecting). */
    request(address, body, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        if (!socketOpen) {
          reject(new BridgeError('disconnected'));
          return;
        }
        const replyAddress = randomId(24);
        const timer = timers.setTimeout(() => {
          if (replies.delete(replyAddress)) reject(new BridgeError('timeout'));
        }, timeoutMs);
        replies.set(replyAddress, { resolve, reject, timer });
        write(bridgeFrames.send(address, body, replyAddress));
      });
    },

    /**
     * A command that must arrive exactly once: queued while offline or syncing, resent
     * with the same body after a reconnect until a reply comes. The body's commandId
     * makes resending safe. Resolves with the reply (never with a rate_limited one: that
     * command is sent again after the wait).
     */
    command(address, body) {
      return new Promise((resolve, reject) => {
        commands.push({ address, body, resolve, reject, attempts: 0, inFlight: false });
        flushCommands();
      });
    },
  };
  return api;
}
