// Loads the message catalogues, picks and remembers the language, and fills
// data-i18n / data-i18n-aria-label / data-i18n-placeholder / data-i18n-title attributes.
import { LANGUAGES, lookup, pickLanguage, translate } from './i18n/translate.js';

const STORAGE_KEY = 'werkraum.lang';
const catalogues = {};
const listeners = new Set();
let current = 'en';

/** The server no longer serves this page's build (a newer one was deployed since it loaded). */
class BuildGone extends Error {}

function remember(lang) {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* choice lasts for this page only */ }
}

function storedLanguage() {
  try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

async function load(lang) {
  if (!catalogues[lang]) {
    // Beside this module, so under the same build version as the page's scripts (and cached as long).
    const response = await fetch(new URL(`../i18n/${lang}.json`, import.meta.url));
    if (response.status === 404) throw new BuildGone();
    if (!response.ok) throw new Error(`catalogue ${lang}: ${response.status}`);
    catalogues[lang] = await response.json();
  }
  return catalogues[lang];
}

export async function initI18n() {
  current = pickLanguage(storedLanguage(), navigator.language);
  // English is the fallback for any missing German string, so load both.
  await Promise.all([load(current), load('en')]);
  applyDocument();
  return current;
}

export function language() {
  return current;
}

export function t(key, params) {
  return translate(catalogues[current], key, params, catalogues.en);
}

/** Message key for an error code; unknown codes get a generic message naming the code. */
export function errorMessageKey(code) {
  const key = `error.${code}`;
  return lookup(catalogues.en, key) !== undefined ? key : 'error.unknown';
}

export async function setLanguage(lang) {
  if (!LANGUAGES.includes(lang) || lang === current) return;
  try {
    await load(lang);
  } catch (err) {
    if (!(err instanceof BuildGone)) throw err;
    // A new Werkraum was deployed since this page loaded: the new page opens in the chosen language.
    remember(lang);
    location.reload();
    return;
  }
  current = lang;
  remember(lang);
  applyDocument();
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates static markup; dynamic parts re-render through onLanguageChange. */
export function applyTranslations(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.setAttribute('title', t(el.dataset.i18nTitle));
}

function applyDocument() {
  document.documentElement.lang = current;
  applyTranslations(document);
}
