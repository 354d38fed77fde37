// Sequence tracking for one stored event stream (the board stream or a room stream).
// Events are applied strictly in order: seq == last+1 applies (and drains any buffered
// successors), seq <= last is a duplicate, a larger seq is buffered as a gap.
export class SequenceTracker {
  constructor() {
    /** Last applied sequence number; null until the first sync answered. */
    this.seq = null;
    this.buffered = new Map();
    /** Highest seq known to exist (from events or command replies). */
    this.known = 0;
  }

  get ready() {
    return this.seq !== null;
  }

  /** A gap: something exists beyond what we applied. */
  get hasGap() {
    return this.seq !== null && (this.buffered.size > 0 || this.known > this.seq);
  }

  /** Sets the position after a full state; returns buffered events that now follow. */
  reset(seq) {
    this.seq = seq;
    this.known = Math.max(this.known, seq);
    return this.#drain();
  }

  /** Offers one event; returns the events (possibly none) that are now applicable, in order. */
  offer(event) {
    if (typeof event.seq !== 'number') return [event];
    this.known = Math.max(this.known, event.seq);
    // Events before the first sync wait: the sync answer says where we stand.
    if (this.seq === null) {
      this.buffered.set(event.seq, event);
      return [];
    }
    if (event.seq <= this.seq) return [];
    this.buffered.set(event.seq, event);
    return this.#drain();
  }

  /** A command reply said an event with this seq exists. */
  noteExists(seq) {
    if (typeof seq === 'number') this.known = Math.max(this.known, seq);
  }

  /** Forget everything (e.g. the stream will be re-read in full). */
  clear() {
    this.seq = null;
    this.buffered.clear();
    this.known = 0;
  }

  #drain() {
    const ready = [];
    for (const key of this.buffered.keys()) if (key <= this.seq) this.buffered.delete(key);
    while (this.buffered.has(this.seq + 1)) {
      const next = this.buffered.get(this.seq + 1);
      this.buffered.delete(this.seq + 1);
      this.seq += 1;
      ready.push(next);
    }
    return ready;
  }
}
