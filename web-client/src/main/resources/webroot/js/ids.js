// Client-chosen identifiers for commands, notes and sections.
// The server accepts ids of Limits.idPattern (1-64 characters of A-Za-z0-9_-); 20 random
// characters of a 64-letter alphabet give 120 bits, so collisions are not a practical concern.
import { Limits } from './protocol.js';

const ID = new RegExp(`^(?:${Limits.idPattern})$`);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export function randomId(length = 20, source = globalThis.crypto) {
  const bytes = new Uint8Array(length);
  source.getRandomValues(bytes);
  let id = '';
  // 64 letters: masking a byte to 6 bits keeps the distribution uniform.
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}

export function randomDigits(count, source = globalThis.crypto) {
  const bytes = new Uint8Array(count);
  source.getRandomValues(bytes);
  return Array.from(bytes, (b) => String(b % 10)).join('');
}

export function isValidId(id) {
  return typeof id === 'string' && ID.test(id);
}
