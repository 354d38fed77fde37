// Which join token to use for a board, given what the URL fragment carries and what
// this browser stored earlier. Storage is injected so the rules are unit-testable.
import { Limits } from '../protocol.js';

const ROLE_FOR_KIND = { f: 'facilitator', j: 'participant', o: 'observer' };
const KEY_PREFIX = 'werkraum.token.';
/** One id (board, snapshot) in a path, captured. */
const ID = `(${Limits.idPattern})`;
const BOARD_PATH = new RegExp(`^/b/${ID}/?$`);
const FACILITATE_PATH = new RegExp(`^/b/${ID}/facilitate/?$`);
const SNAPSHOT_PATH = new RegExp(`^/b/${ID}/snapshot/${ID}/?$`);

/** Reads `#f=<secret>` (facilitator link), `#j=<code>` (participant link) or `#o=<code>` (observer link) from a hash. */
export function parseFragment(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  for (const kind of ['f', 'j', 'o']) {
    const value = params.get(kind);
    if (value) return { kind, value };
  }
  return null;
}

export function boardIdFromPath(pathname) {
  const match = BOARD_PATH.exec(pathname);
  return match ? match[1] : null;
}

/** The control view's path: /b/<board>/facilitate */
export function boardIdFromFacilitatePath(pathname) {
  const match = FACILITATE_PATH.exec(pathname);
  return match ? match[1] : null;
}

/** The read-only snapshot page's path: /b/<board>/snapshot/<snapshot> -> {boardId, snapshotId} */
export function snapshotPathParts(pathname) {
  const match = SNAPSHOT_PATH.exec(pathname);
  return match ? { boardId: match[1], snapshotId: match[2] } : null;
}

export function snapshotPagePath(boardId, snapshotId) {
  return `/b/${encodeURIComponent(boardId)}/snapshot/${encodeURIComponent(snapshotId)}`;
}

export function joinBodyField(credential) {
  if (credential.kind === 'f') return { facilitatorSecret: credential.value };
  if (credential.kind === 'o') return { observerCode: credential.value };
  return { joinCode: credential.value };
}

export function roleForKind(kind) {
  return ROLE_FOR_KIND[kind] ?? null;
}

/**
 * The stored entry to reuse, or null to show the join form.
 * Reused when the link has no credential, is the same link it was obtained with,
 * or grants the same role; a link for another role (e.g. a participant who now opens
 * the facilitator link) means joining anew.
 */
export function chooseStoredToken(stored, fragment) {
  if (!stored || typeof stored.token !== 'string') return null;
  if (!fragment) return stored;
  const same = stored.credential && stored.credential.kind === fragment.kind && stored.credential.value === fragment.value;
  if (same) return stored;
  return roleForKind(fragment.kind) === stored.role ? stored : null;
}

export function createTokenStore(storage) {
  const key = (boardId) => KEY_PREFIX + boardId;
  return {
    load(boardId) {
      try {
        const raw = storage.getItem(key(boardId));
        if (!raw) return null;
        const entry = JSON.parse(raw);
        return entry && typeof entry.token === 'string' ? entry : null;
      } catch {
        return null;
      }
    },
    save(boardId, entry) {
      try { storage.setItem(key(boardId), JSON.stringify(entry)); } catch { /* storage full or disabled: the session still works until reload */ }
    },
    forget(boardId) {
      try { storage.removeItem(key(boardId)); } catch { /* nothing to forget */ }
    },
  };
}
