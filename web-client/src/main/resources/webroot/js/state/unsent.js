// Work kept over a reload for a newer server (a sync refused with client_outdated): the
// commands of a board that had no reply yet, as they were sent (bodies with their commandIds,
// so the server applies each at most once), in sessionStorage under `werkraum.unsent.<board>`;
// and when this tab last reloaded for that, so a server that keeps saying so cannot make the
// page reload over and over. Storage is injected (sessionStorage in the browser), so the rules
// are unit-testable; a storage that fails keeps nothing and allows no reload.
import { Commands } from '../protocol.js';
import { isValidId } from '../ids.js';

const UNSENT_KEY_PREFIX = 'werkraum.unsent.';
export const RELOADED_KEY = 'werkraum.reloadedForUpdate';
/** After a reload for a newer server, the page does not reload itself again for this long. */
export const RELOAD_GUARD_MS = 60000;

const COMMAND_TYPES = new Set(Object.values(Commands));

export function unsentKey(boardId) {
  return `${UNSENT_KEY_PREFIX}${boardId}`;
}

/** A command body worth sending again: a known command type (not a sync) with a valid commandId. */
function isCommandBody(body) {
  return Boolean(body) && typeof body === 'object' && !Array.isArray(body)
    && COMMAND_TYPES.has(body.type) && body.type !== Commands.sync && isValidId(body.commandId);
}

/**
 * Keeps `bodies` (oldest first) for the next page of this board, replacing what was kept
 * before (a page took that over when it started). Returns whether they were stored.
 */
export function saveUnsent(storage, boardId, bodies) {
  const list = (Array.isArray(bodies) ? bodies : []).filter(isCommandBody);
  try {
    if (list.length === 0) storage.removeItem(unsentKey(boardId));
    else storage.setItem(unsentKey(boardId), JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/** The commands kept for this board, oldest first; the stored copy is removed. */
export function takeUnsent(storage, boardId) {
  let raw;
  try {
    raw = storage.getItem(unsentKey(boardId));
    if (raw === null || raw === undefined) return [];
    storage.removeItem(unsentKey(boardId));
  } catch {
    return [];
  }
  try {
    const list = JSON.parse(raw);
    return Array.isArray(list) ? list.filter(isCommandBody) : [];
  } catch {
    return [];
  }
}

/**
 * Whether the page may reload itself for a newer server now: not when it did so within the
 * last RELOAD_GUARD_MS (then the caller shows a banner instead). A yes is remembered.
 */
export function claimReloadForUpdate(storage, now) {
  try {
    const last = Number(storage.getItem(RELOADED_KEY));
    if (Number.isFinite(last) && last > 0 && now - last < RELOAD_GUARD_MS) return false;
    storage.setItem(RELOADED_KEY, String(now));
    return true;
  } catch {
    return false;
  }
}
