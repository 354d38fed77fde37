// The client and the generated protocol (js/protocol.js and css/palette.css, written from the
// Java package io.werkraum.protocol when the client is built) agree: no message type, error code,
// limit or note colour is copied by hand into the client's modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as protocol from '../../main/resources/webroot/js/protocol.js';
import * as limits from '../../main/resources/webroot/js/state/limits.js';
import { commandToEvent, isPreviewed, streamOf } from '../../main/resources/webroot/js/state/board-state.js';
import { lookup } from '../../main/resources/webroot/js/i18n/translate.js';

const {
  Commands, ErrorCodes, EVENT_STREAMS, Events, Limits, Messages, PresenceKinds, NOTE_COLORS, DEFAULT_NOTE_COLOR,
} = protocol;

const webroot = fileURLToPath(new URL('../../main/resources/webroot/', import.meta.url));
const builtPalette = fileURLToPath(new URL('../../../target/classes/webroot/css/palette.css', import.meta.url));

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every client module: name (relative to webroot) and source. protocol.js itself is only in the build output. */
const modules = filesUnder(join(webroot, 'js'))
  .filter((path) => path.endsWith('.js') && !path.endsWith(`${join('js', 'protocol.js')}`))
  .map((path) => ({ name: relative(webroot, path), source: readFileSync(path, 'utf8') }));

const lineOf = (source, index) => source.slice(0, index).split('\n').length;

const GROUPS = { Commands, Events, Messages, PresenceKinds, ErrorCodes };
/** Message types as they travel: commands, stored events, ephemeral messages, presence kinds. */
const messageTypes = new Set([Commands, Events, Messages, PresenceKinds].flatMap((group) => Object.values(group)));
const errorCodes = new Set(Object.values(ErrorCodes));

test('the generated protocol is the one the tests read (built with the client)', () => {
  assert.equal(typeof protocol.PROTOCOL_VERSION, 'number');
  assert.ok(Object.keys(Commands).length > 0 && Object.keys(Events).length > 0);
  assert.ok(modules.length > 20, 'the client modules were found');
  assert.ok(!modules.some((m) => m.name.endsWith(join('board', 'addresses.js'))), 'addresses come from protocol.js only');
});

test('(a) no module spells a message type or an error code: they go through the constants of protocol.js', () => {
  const found = [];
  for (const { name, source } of modules) {
    // Any quoted 'x.y' that is a wire name, and any quoted error code.
    for (const match of source.matchAll(/(['"])([a-z][a-z_]*(?:\.[a-z][a-z_]*)*)\1/g)) {
      const value = match[2];
      if ((value.includes('.') && messageTypes.has(value)) || errorCodes.has(value)) {
        found.push(`${name}:${lineOf(source, match.index)} ${match[0]}`);
      }
    }
    // One-word types and kinds ('sync', 'online', 'cursor', ...) where a message is built or read.
    for (const match of source.matchAll(/\b(?:type|kind|code)\s*(?::|[!=]==)\s*(['"])([^'"]+)\1/g)) {
      if (messageTypes.has(match[2]) || errorCodes.has(match[2])) found.push(`${name}:${lineOf(source, match.index)} ${match[0]}`);
    }
  }
  assert.deepEqual(found, []);
});

test('(b) every type, kind and code the client uses exists in protocol.js, imported from there', () => {
  const missing = [];
  for (const { name, source } of modules) {
    const used = new Set();
    for (const match of source.matchAll(/\b(Commands|Events|Messages|PresenceKinds|ErrorCodes)\.([A-Za-z]\w*)/g)) {
      used.add(match[1]);
      if (!Object.hasOwn(GROUPS[match[1]], match[2])) missing.push(`${name}:${lineOf(source, match.index)} ${match[0]}`);
    }
    for (const group of used) {
      const imported = new RegExp(`import\\s*\\{[^}]*\\b${group}\\b[^}]*\\}\\s*from\\s*'[./]*protocol\\.js'`);
      if (!imported.test(source)) missing.push(`${name}: uses ${group} without importing it from protocol.js`);
    }
  }
  assert.deepEqual(missing, []);
});

test('(b) what the client shows at once is the event the server sends, on the stream the server uses', () => {
  const notes = new Map([['src', { id: 'src', x: 0, y: 0, w: 200, h: 150, color: DEFAULT_NOTE_COLOR, text: 't' }]]);
  const samples = {
    [Commands.noteCreate]: { note: { id: 'n', x: 0, y: 0 } },
    [Commands.noteDuplicate]: { id: 'src', note: { id: 'copy', x: 216, y: 0 } },
    [Commands.sectionCreate]: { section: { id: 's', x: 0, y: 0, w: 600, h: 400 } },
  };
  let previewed = 0;
  for (const type of Object.values(Commands)) {
    const command = { type, room: limits.PLENARY_ROOM, id: 'src', patch: {}, ...(samples[type] ?? {}) };
    const event = commandToEvent(command, 'me', 1, notes);
    assert.equal(Boolean(event), isPreviewed(command), `${type}: previewed iff it has an event`);
    if (!event) continue;
    previewed += 1;
    assert.ok(Object.values(Events).includes(event.type), `${type} -> ${event.type}`);
    assert.equal(streamOf(command), EVENT_STREAMS[event.type], `${type}: the stream of ${event.type}`);
  }
  assert.ok(previewed >= 8);
  // Commands whose events are room events are awaited on the room stream (harvest, reveal).
  assert.equal(streamOf({ type: Commands.roomsHarvest }), EVENT_STREAMS[Events.roomsHarvested]);
  assert.equal(streamOf({ type: Commands.privateReveal }), EVENT_STREAMS[Events.notesRevealed]);
  assert.equal(streamOf({ type: Commands.linksRenew }), EVENT_STREAMS[Events.linksRenewed]);
});

test('(c) the limits of limits.js are the protocol\'s Limits', () => {
  assert.equal(limits.PLENARY_ROOM, Limits.mainRoom);
  assert.equal(limits.NOTE_TEXT_MAX, Limits.noteTextMax);
  assert.equal(limits.NAME_MAX, Limits.nameMax);
  assert.equal(limits.COORD_MAX, Limits.coordinateMax);
  assert.deepEqual({ ...limits.NOTE_SIZE }, {
    min: Limits.noteSizeMin, max: Limits.noteSizeMax, defaultW: Limits.noteWidthDefault, defaultH: Limits.noteHeightDefault,
  });
  assert.deepEqual({ ...limits.SECTION_SIZE }, {
    min: Limits.sectionSizeMin, max: Limits.sectionSizeMax, defaultW: Limits.sectionWidthDefault, defaultH: Limits.sectionHeightDefault,
  });
  assert.deepEqual(limits.NOTE_COLORS, NOTE_COLORS);
  assert.equal(limits.DEFAULT_NOTE_COLOR, DEFAULT_NOTE_COLOR);
  assert.equal(limits.NOTE_SIZE.defaultH, 150);
  // Only UI values of its own beyond those (and helpers).
  assert.ok(limits.NOTE_TEXT_WARN_AT > 0 && limits.NOTE_TEXT_WARN_AT < limits.NOTE_TEXT_MAX);
  const known = ['PLENARY_ROOM', 'NOTE_TEXT_MAX', 'NAME_MAX', 'COORD_MAX', 'NOTE_SIZE', 'SECTION_SIZE', 'NOTE_COLORS', 'DEFAULT_NOTE_COLOR', 'NOTE_TEXT_WARN_AT'];
  const values = Object.entries(limits).filter(([, value]) => typeof value !== 'function').map(([key]) => key);
  assert.deepEqual(values.sort(), known.sort(), 'a new value in limits.js: take it from protocol.js');
  assert.equal(limits.clampCoord(Limits.coordinateMax + 10), Limits.coordinateMax);
  assert.equal(limits.noteColor('chartreuse'), DEFAULT_NOTE_COLOR);
});

test('(d) every error code has a message in German and English', () => {
  for (const lang of ['de', 'en']) {
    const messages = JSON.parse(readFileSync(join(webroot, 'i18n', `${lang}.json`), 'utf8'));
    for (const code of Object.values(ErrorCodes)) {
      const text = lookup(messages, `error.${code}`);
      assert.ok(typeof text === 'string' && text.trim().length > 0, `${lang} error.${code}`);
    }
    for (const color of NOTE_COLORS) assert.ok(lookup(messages, `color.${color}`), `${lang} color.${color}`);
  }
});

test('note colours: no palette name or tint outside protocol.js and palette.css; every page links palette.css first', () => {
  const palette = readFileSync(builtPalette, 'utf8');
  const tints = [...palette.matchAll(/--note-[a-z]+:\s*(#[0-9a-fA-F]{3,8})/g)].map((m) => m[1].toLowerCase());
  assert.equal(tints.length, NOTE_COLORS.length + 1, 'one tint per colour and the note text');
  for (const color of NOTE_COLORS) assert.match(palette, new RegExp(`\\[data-note-color="${color}"\\] \\{ --note-fill:`));
  const fills = tints.slice(0, NOTE_COLORS.length);
  const sources = [...modules, { name: 'css/app.css', source: readFileSync(join(webroot, 'css', 'app.css'), 'utf8') }];
  const found = [];
  for (const { name, source } of sources) {
    for (const color of NOTE_COLORS) {
      for (const match of source.matchAll(new RegExp(`\\b${color}\\b`, 'g'))) found.push(`${name}:${lineOf(source, match.index)} ${color}`);
    }
    for (const fill of fills) if (source.toLowerCase().includes(fill)) found.push(`${name}: ${fill}`);
  }
  assert.deepEqual(found, []);
  for (const page of ['index.html', 'board.html', 'facilitate.html', 'snapshot.html']) {
    const html = readFileSync(join(webroot, page), 'utf8');
    const paletteAt = html.indexOf('href="/css/palette.css"');
    assert.ok(paletteAt > 0, `${page} links palette.css`);
    assert.ok(paletteAt < html.indexOf('href="/css/app.css"'), `${page}: palette.css before app.css`);
  }
});
