// A WebSocket stand-in for session tests: records the bridge frames the client sends and lets
// the test play the server.
export function fakeSockets() {
  const sockets = [];
  class FakeWebSocket {
    constructor(url) { this.url = url; this.sent = []; this.closed = false; sockets.push(this); }
    send(data) { for (const s of JSON.parse(data)) this.sent.push(JSON.parse(s)); }
    close() { if (!this.closed) { this.closed = true; this.onclose?.({}); } }
    open() { this.onmessage({ data: 'o' }); }
    push(...frames) { this.onmessage({ data: `a${JSON.stringify(frames.map((f) => JSON.stringify(f)))}` }); }
    sends() { return this.sent.filter((f) => f.type === 'send'); }
    lastSend() { return this.sends().at(-1); }
    lastSync() { return this.sends().filter((f) => f.body?.type === 'sync').at(-1); }
    registrations() { return this.sent.filter((f) => f.type === 'register' || f.type === 'unregister').map((f) => `${f.type} ${f.address}`); }
    reply(frame, body) { this.push({ type: 'rec', address: frame.replyAddress, body }); }
  }
  return { sockets, FakeWebSocket };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
