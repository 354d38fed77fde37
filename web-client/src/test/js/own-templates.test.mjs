import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOwnTemplates, createOwnTemplates } from '../../main/resources/webroot/js/state/own-templates.js';

function memoryStorage(initial = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key) => (data.has(key) ? data.get(key) : null),
    setItem: (key, value) => data.set(key, String(value)),
    removeItem: (key) => data.delete(key),
    raw: (key) => data.get(key),
  };
}

const planung = { id: 'own-a', name: 'Planungscheck Süd', ownerKey: 'key-a', savedAt: 100 };
const retro = { id: 'own-b', name: 'Rückblick', ownerKey: 'key-b', savedAt: 200 };

test('saved templates are kept in werkraum.templates, newest first; saving an id again replaces it', () => {
  const storage = memoryStorage();
  const own = createOwnTemplates(storage);
  assert.deepEqual(own.all(), []);
  own.add(planung);
  own.add(retro);
  assert.deepEqual(own.all().map((e) => e.id), ['own-b', 'own-a']);
  own.add({ ...planung, name: 'Planungscheck Nord', savedAt: 300 });
  assert.deepEqual(own.all().map((e) => e.name), ['Planungscheck Nord', 'Rückblick']);
  assert.deepEqual(JSON.parse(storage.raw('werkraum.templates')).length, 2);
  own.remove('own-b');
  assert.deepEqual(own.all().map((e) => e.id), ['own-a']);
});

test('broken or foreign storage content reads as no templates; entries without id or key are ignored', () => {
  assert.deepEqual(createOwnTemplates(memoryStorage({ 'werkraum.templates': '{oops' })).all(), []);
  assert.deepEqual(createOwnTemplates(memoryStorage({ 'werkraum.templates': '{"id":"x"}' })).all(), []);
  const own = createOwnTemplates(memoryStorage({ 'werkraum.templates': JSON.stringify([planung, { id: 'own-c', name: 'no key' }, null]) }));
  assert.deepEqual(own.all().map((e) => e.id), ['own-a']);
  own.add({ id: '', name: 'x', ownerKey: 'k' });
  assert.deepEqual(own.all().map((e) => e.id), ['own-a']);
});

test('storage that refuses writes leaves the list as it was', () => {
  const storage = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
  const own = createOwnTemplates(storage);
  own.add(planung);
  assert.deepEqual(own.all(), []);
});

test('checking drops the templates the server no longer has and keeps the rest, with the server’s details', async () => {
  const storage = memoryStorage();
  const own = createOwnTemplates(storage);
  own.add(planung);
  own.add(retro);
  own.add({ id: 'own-c', name: 'Unterwegs', ownerKey: 'key-c', savedAt: 50 });
  const notFound = Object.assign(new Error('gone'), { code: 'not_found' });
  const network = Object.assign(new Error('offline'), { code: 'network' });
  const answers = {
    'own-a': Promise.resolve({ id: 'own-a', name: 'Planungscheck Süd', sections: ['Stärken', 'Schwächen'], createdAt: 1 }),
    'own-b': Promise.reject(notFound),
    'own-c': Promise.reject(network),
  };
  const offered = await checkOwnTemplates(own, (id) => answers[id]);
  assert.deepEqual(offered.map((e) => [e.id, e.sections]), [['own-a', ['Stärken', 'Schwächen']], ['own-c', []]]);
  assert.equal(offered[0].ownerKey, 'key-a');
  assert.deepEqual(own.all().map((e) => e.id), ['own-a', 'own-c']);
});
