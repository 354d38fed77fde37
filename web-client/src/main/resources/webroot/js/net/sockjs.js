// Pure SockJS WebSocket-transport framing for the Vert.x event bus bridge.
// Server -> client: "o" open, "h" heartbeat, "a[...]" array of JSON strings,
// "m\"...\"" single message (old servers), "c[code,\"reason\"]" close.
// Client -> server: a JSON array of strings, each one a JSON bridge frame.
import { randomDigits, randomId } from '../ids.js';

/** The socket URL; it carries a short-lived ticket, never the join token (URLs get logged). */
export function sockJsUrl(location, basePath, ticket, random = globalThis.crypto) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // Server id: 3 digits; session id: 8 characters (SockJS convention).
  const server = randomDigits(3, random);
  const session = randomId(8, random).replace(/[-_]/g, 'x');
  return `${scheme}://${location.host}${basePath}/${server}/${session}/websocket?ticket=${encodeURIComponent(ticket)}`;
}

export function parseSockJsMessage(data) {
  if (typeof data !== 'string' || data.length === 0) return { kind: 'unknown' };
  const type = data[0];
  const rest = data.slice(1);
  switch (type) {
    case 'o': return { kind: 'open' };
    case 'h': return { kind: 'heartbeat' };
    case 'a': return { kind: 'frames', frames: parseFrameStrings(safeJson(rest)) };
    case 'm': return { kind: 'frames', frames: parseFrameStrings([safeJson(rest)]) };
    case 'c': {
      const payload = safeJson(rest);
      const [code, reason] = Array.isArray(payload) ? payload : [];
      return { kind: 'close', code: Number(code) || 0, reason: typeof reason === 'string' ? reason : '' };
    }
    default: return { kind: 'unknown' };
  }
}

function parseFrameStrings(strings) {
  if (!Array.isArray(strings)) return [];
  const frames = [];
  for (const s of strings) {
    const frame = typeof s === 'string' ? safeJson(s) : s;
    if (frame && typeof frame === 'object') frames.push(frame);
  }
  return frames;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return undefined; }
}

export function encodeSockJsFrames(frames) {
  return JSON.stringify(frames.map((frame) => JSON.stringify(frame)));
}

export const bridgeFrames = {
  send: (address, body, replyAddress) => (replyAddress
    ? { type: 'send', address, body, headers: {}, replyAddress }
    : { type: 'send', address, body, headers: {} }),
  register: (address) => ({ type: 'register', address, headers: {} }),
  unregister: (address) => ({ type: 'unregister', address }),
  ping: () => ({ type: 'ping' }),
};
