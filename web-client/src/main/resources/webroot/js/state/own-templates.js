// Own templates this browser saved (from a board's control view): {id, name, ownerKey, savedAt}
// in localStorage under `werkraum.templates`. The server lists saved templates to nobody, so
// this list is how the start page offers them; the owner key deletes one. Storage is injected
// so the rules are unit-testable.
import { ErrorCodes } from '../protocol.js';

const STORAGE_KEY = 'werkraum.templates';

function valid(entry) {
  return Boolean(entry) && typeof entry.id === 'string' && entry.id !== '' && typeof entry.ownerKey === 'string'
    && typeof entry.name === 'string';
}

export function createOwnTemplates(storage) {
  function read() {
    try {
      const list = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(list) ? list.filter(valid) : [];
    } catch {
      return [];
    }
  }
  function write(list) {
    try { storage.setItem(STORAGE_KEY, JSON.stringify(list)); } catch { /* storage full or disabled: the list lasts for this page */ }
  }
  return {
    /** The saved templates, newest first. */
    all() {
      return read().sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
    },
    /** Remembers a template the server saved (a template saved again under the same id replaces it). */
    add({ id, name, ownerKey, savedAt }) {
      const entry = { id, name, ownerKey, savedAt };
      if (!valid(entry)) return;
      write([...read().filter((other) => other.id !== id), entry]);
    },
    remove(id) {
      write(read().filter((entry) => entry.id !== id));
    },
  };
}

/**
 * Asks the server about every saved template (`describe(id)`, GET /api/templates/<id>) and
 * forgets those it no longer has (not_found); on any other failure a template stays, as the
 * server may only be out of reach. Resolves with the ones to offer, with the server's name
 * and section titles where it answered.
 */
export async function checkOwnTemplates(ownTemplates, describe) {
  const checked = await Promise.all(ownTemplates.all().map((entry) => describe(entry.id).then(
    (found) => ({ entry, found, gone: false }),
    (error) => ({ entry, found: null, gone: error?.code === ErrorCodes.notFound }),
  )));
  for (const { entry, gone } of checked) if (gone) ownTemplates.remove(entry.id);
  return checked.filter(({ gone }) => !gone).map(({ entry, found }) => ({
    ...entry,
    name: typeof found?.name === 'string' && found.name ? found.name : entry.name,
    sections: Array.isArray(found?.sections) ? found.sections : [],
  }));
}
