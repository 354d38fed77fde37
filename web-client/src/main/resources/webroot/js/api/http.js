// The HTTP part of the protocol: create a board, join it, check a token, get a socket ticket.
// Errors come back as ApiError with the server's `code` (or our own for network
// failures), so the UI can show a translated message per code.

export class ApiError extends Error {
  constructor(status, code, message = '') {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, { body, token } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const code = payload && typeof payload.code === 'string' ? payload.code : codeForStatus(response.status);
    throw new ApiError(response.status, code, payload?.message ?? '');
  }
  return payload ?? {};
}

function codeForStatus(status) {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'not_allowed';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'invalid_input';
}

/** A new board, empty or laid out from a built-in template (section titles in `language`). */
export function createBoard(title, template = null, language = 'en') {
  const body = { title };
  if (template) Object.assign(body, { template, language });
  return call('POST', '/api/boards', { body });
}

/** The built-in templates: [{id, name, sections}] in the language asked for. */
export function fetchTemplates(language) {
  return call('GET', `/api/templates?lang=${encodeURIComponent(language)}`);
}

export function joinBoard(boardId, credentialFields, name, organisation) {
  const body = { ...credentialFields, name };
  if (organisation) body.organisation = organisation;
  return call('POST', `/api/boards/${encodeURIComponent(boardId)}/join`, { body });
}

/** A socket ticket for the join token: valid for a minute, for one WebSocket URL. */
export function fetchTicket(boardId, token) {
  return call('POST', `/api/boards/${encodeURIComponent(boardId)}/ticket`, { token });
}

export function fetchSession(boardId, token) {
  return call('GET', `/api/boards/${encodeURIComponent(boardId)}/session`, { token });
}
