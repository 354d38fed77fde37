// The HTTP part of the protocol: create a board, join it, check a token, get a socket ticket,
// read snapshots, download exports, own templates. Errors come back as ApiError with the
// server's `code` (or our own for network failures), so the UI can show a translated message
// per code. `network` and `unauthorized` are the client's own codes (no protocol error codes).
import { ErrorCodes } from '../protocol.js';

export class ApiError extends Error {
  constructor(status, code, message = '') {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

/** The response to a request, whatever its status; ApiError 'network' when there is none. */
async function send(method, path, { body, token, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network');
  }
}

/** The ApiError for a refused request: the server's {code, message}, else a code for the status. */
async function refusal(response) {
  const payload = await response.json().catch(() => null);
  const code = payload && typeof payload.code === 'string' ? payload.code : codeForStatus(response.status);
  return new ApiError(response.status, code, payload?.message ?? '');
}

async function call(method, path, options = {}) {
  const response = await send(method, path, options);
  if (!response.ok) throw await refusal(response);
  return (await response.json().catch(() => null)) ?? {};
}

function codeForStatus(status) {
  if (status === 401) return 'unauthorized';
  if (status === 403) return ErrorCodes.notAllowed;
  if (status === 404) return ErrorCodes.notFound;
  if (status === 410) return ErrorCodes.boardGone;
  if (status === 429) return ErrorCodes.rateLimited;
  if (status >= 500) return ErrorCodes.unavailable;
  return ErrorCodes.invalidInput;
}

const boardPath = (boardId) => `/api/boards/${encodeURIComponent(boardId)}`;

/**
 * A new board, empty or laid out from a template: a built-in one (section titles in
 * `language`) or an own one (as it was saved). `timeZone` (an IANA id) is the zone its exports
 * show times in; without one the server's configured zone applies.
 */
export function createBoard(title, template = null, language = 'en', timeZone = null) {
  const body = { title };
  if (template) Object.assign(body, { template, language });
  if (timeZone) body.timeZone = timeZone;
  return call('POST', '/api/boards', { body });
}

/** The built-in templates: [{id, name, sections}] in the language asked for. */
export function fetchTemplates(language) {
  return call('GET', `/api/templates?lang=${encodeURIComponent(language)}`);
}

/**
 * What this instance says about people's data before they join: {retentionDays, privacyUrl,
 * operatorName, operatorContact, anonymityThreshold}.
 */
export function fetchPrivacy() {
  return call('GET', '/api/privacy');
}

/** Whom to tell about barriers, for the accessibility statement: {operatorName, contactEmail, contactUrl, contactAddress}. */
export function fetchAccessibility() {
  return call('GET', '/api/accessibility');
}

export function joinBoard(boardId, credentialFields, name, organisation, passphrase = null) {
  const body = { ...credentialFields, name };
  if (organisation) body.organisation = organisation;
  if (passphrase) body.passphrase = passphrase;
  return call('POST', `${boardPath(boardId)}/join`, { body });
}

/** A socket ticket for the join token: valid for a minute, for one WebSocket URL. */
export function fetchTicket(boardId, token) {
  return call('POST', `${boardPath(boardId)}/ticket`, { token });
}

export function fetchSession(boardId, token) {
  return call('GET', `${boardPath(boardId)}/session`, { token });
}

/** A snapshot's content: the board as it was, as an export document. */
export function fetchSnapshot(boardId, token, snapshotId) {
  return call('GET', `${boardPath(boardId)}/snapshots/${encodeURIComponent(snapshotId)}`, { token });
}

/** A new board that starts as the snapshot shows the board (facilitators): {boardId, title, facilitatorLink, participantLink}. */
export function createBoardFromSnapshot(boardId, token, snapshotId) {
  return call('POST', `${boardPath(boardId)}/snapshots/${encodeURIComponent(snapshotId)}/board`, { token });
}

/** The path of an export: the live board or a snapshot; `room` for pictures; headings in `lang`. */
export function exportPath(boardId, format, { room = null, snapshot = null, lang = 'en' } = {}) {
  const query = new URLSearchParams();
  if (room) query.set('room', room);
  if (snapshot) query.set('snapshot', snapshot);
  query.set('lang', lang === 'de' ? 'de' : 'en');
  return `${boardPath(boardId)}/export/${encodeURIComponent(format)}?${query}`;
}

/** An export as a file to save: {blob, fileName} (the name the server gives it). */
export function downloadExport(boardId, token, format, options = {}) {
  return download(exportPath(boardId, format, options), token, `werkraum.${format}`);
}

/** The board's audit log (facilitators): {entries, keptDays}, newest first. */
export function fetchAudit(boardId, token) {
  return call('GET', `${boardPath(boardId)}/audit`, { token });
}

/** The board's audit log as a CSV file to save, with headings in `lang`. */
export function downloadAudit(boardId, token, lang) {
  return download(`${boardPath(boardId)}/audit?format=csv&lang=${lang === 'de' ? 'de' : 'en'}`, token, 'audit.csv');
}

async function download(path, token, fallbackName) {
  const response = await send('GET', path, { token, accept: '*/*' });
  if (!response.ok) throw await refusal(response);
  let blob;
  try {
    blob = await response.blob();
  } catch {
    throw new ApiError(0, 'network');
  }
  return { blob, fileName: fileNameFromDisposition(response.headers.get('Content-Disposition'), fallbackName) };
}

/**
 * The file name of a Content-Disposition header (RFC 6266): `filename*=UTF-8''...` before
 * `filename="..."`; any folder part dropped. `fallback` when it names none.
 */
export function fileNameFromDisposition(header, fallback) {
  const value = String(header ?? '');
  let name = null;
  const extended = /filename\*\s*=\s*utf-8'[^']*'([^;]+)/i.exec(value);
  if (extended) {
    try { name = decodeURIComponent(extended[1].trim()); } catch { name = null; }
  }
  if (!name) {
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(value);
    const bare = /filename\s*=\s*([^";\s]+)/.exec(value);
    name = quoted ? quoted[1].replace(/\\(.)/g, '$1') : bare ? bare[1] : null;
  }
  const base = name ? name.split(/[\\/]/).pop().trim() : '';
  return base && base !== '.' && base !== '..' ? base : fallback;
}

/** Saves the board as an own template (facilitators): {id, name, ownerKey, sections, createdAt}. */
export function saveAsTemplate(boardId, token, { name, notes }) {
  return call('POST', `${boardPath(boardId)}/templates`, { token, body: { name, notes: Boolean(notes) } });
}

/** A saved template's description: {id, name, sections, createdAt}; ApiError not_found when it is gone. */
export function fetchOwnTemplate(templateId) {
  return call('GET', `/api/templates/${encodeURIComponent(templateId)}`);
}

/** Deletes a saved template; only its owner key may. */
export function deleteOwnTemplate(templateId, ownerKey) {
  return call('DELETE', `/api/templates/${encodeURIComponent(templateId)}`, { token: ownerKey });
}

/** Sign-in on this instance: {available, required, user: {name, email} or null}. */
export function fetchSignIn() {
  return call('GET', '/api/signin');
}

/** Ends this browser's sign-in. */
export async function signOut() {
  const response = await send('POST', '/auth/signout');
  if (!response.ok) throw await refusal(response);
}

/** For facilitators: the board's owners ({name, email}) and whether this facilitator is one (`mine`). */
export function fetchOwners(boardId, token) {
  return call('GET', `${boardPath(boardId)}/owners`, { token });
}
