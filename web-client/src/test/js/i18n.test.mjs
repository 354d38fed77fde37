import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { interpolate, lookup, pickLanguage, translate } from '../../main/resources/webroot/js/i18n/translate.js';

const catalogue = (lang) => JSON.parse(readFileSync(new URL(`../../main/resources/webroot/i18n/${lang}.json`, import.meta.url), 'utf8'));

function flatKeys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([key, value]) =>
    (typeof value === 'object' ? flatKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

test('German when the browser prefers German, else English', () => {
  assert.equal(pickLanguage(null, 'de-DE'), 'de');
  assert.equal(pickLanguage(null, 'de'), 'de');
  assert.equal(pickLanguage(null, 'en-GB'), 'en');
  assert.equal(pickLanguage(null, 'fr'), 'en');
  assert.equal(pickLanguage(null, undefined), 'en');
});

test('a stored choice wins over the browser language; junk is ignored', () => {
  assert.equal(pickLanguage('en', 'de-AT'), 'en');
  assert.equal(pickLanguage('de', 'en-US'), 'de');
  assert.equal(pickLanguage('xx', 'de-CH'), 'de');
});

test('lookup by dot path and interpolation of parameters', () => {
  const messages = { note: { label: 'Note by {author}: {text}' } };
  assert.equal(lookup(messages, 'note.label'), 'Note by {author}: {text}');
  assert.equal(translate(messages, 'note.label', { author: 'Anna', text: 'Hi' }), 'Note by Anna: Hi');
  assert.equal(interpolate('{a} and {b}', { a: 1 }), '1 and {b}');
});

test('missing keys fall back to the fallback catalogue, then to the key', () => {
  assert.equal(translate({}, 'x.y', {}, { x: { y: 'fallback' } }), 'fallback');
  assert.equal(translate({}, 'x.z'), 'x.z');
});

test('parameter values are inserted literally (no template re-expansion)', () => {
  assert.equal(translate({ k: 'Hi {name}' }, 'k', { name: '{name}<img src=x>' }), 'Hi {name}<img src=x>');
});

test('German and English catalogues have the same keys and no empty strings', () => {
  const de = catalogue('de');
  const en = catalogue('en');
  assert.deepEqual(flatKeys(de).sort(), flatKeys(en).sort());
  for (const key of flatKeys(de)) {
    assert.ok(lookup(de, key).trim().length > 0, `de ${key}`);
    assert.ok(lookup(en, key).trim().length > 0, `en ${key}`);
  }
});

// Every protocol error code has a message in both languages: see protocol-contract.test.mjs.
