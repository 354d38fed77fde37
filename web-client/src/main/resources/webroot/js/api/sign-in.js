// Signing in through the instance's identity provider (facilitators only; participants never
// sign in). The provider's pages are a full navigation away: a link credential this page was
// opened with is kept in sessionStorage meanwhile, never in a URL the server sees.
const AFTER_SIGN_IN_KEY = 'werkraum.afterSignIn';

/** The address that signs in and comes back to `path` (a path of this site). */
export function signInHref(path) {
  return `/auth/signin?to=${encodeURIComponent(path)}`;
}

/** Keeps the link credential of `boardId` for the page that comes back after signing in. */
export function rememberForSignIn(storage, boardId, credential) {
  try {
    storage.setItem(AFTER_SIGN_IN_KEY, JSON.stringify({ boardId, kind: credential.kind, value: credential.value }));
  } catch { /* then the link is opened again by hand */ }
}

/** The credential kept for `boardId` before signing in, once; null when there is none. */
export function takeAfterSignIn(storage, boardId) {
  try {
    const kept = JSON.parse(storage.getItem(AFTER_SIGN_IN_KEY) ?? 'null');
    storage.removeItem(AFTER_SIGN_IN_KEY);
    if (kept && kept.boardId === boardId && typeof kept.kind === 'string' && typeof kept.value === 'string') {
      return { kind: kept.kind, value: kept.value };
    }
  } catch { /* nothing kept */ }
  return null;
}
