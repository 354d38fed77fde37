// Pure message lookup: no DOM, no fetch. The DOM side lives in ../i18n.js.

export const LANGUAGES = ['de', 'en'];

/** German when the browser prefers German, else English; a stored choice wins. */
export function pickLanguage(stored, navigatorLanguage) {
  if (LANGUAGES.includes(stored)) return stored;
  return typeof navigatorLanguage === 'string' && navigatorLanguage.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/**
 * Looks up `key` (dot path or flat key) in `messages`, falling back to `fallback`,
 * then to the key itself so a missing string is visible rather than blank.
 * `{name}` placeholders are replaced by params; unknown placeholders stay as written.
 */
export function translate(messages, key, params = {}, fallback = null) {
  const template = lookup(messages, key) ?? (fallback ? lookup(fallback, key) : undefined) ?? key;
  return interpolate(template, params);
}

export function lookup(messages, key) {
  if (!messages) return undefined;
  if (typeof messages[key] === 'string') return messages[key];
  let node = messages;
  for (const part of key.split('.')) {
    if (node == null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}
