import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  closedRounds, documentParticipants, documentRoomContent, documentRooms,
} from '../../main/resources/webroot/js/state/snapshot-document.js';

const doc = {
  schemaVersion: 1,
  id: 'b1',
  title: 'Übergänge gestalten',
  snapshot: { id: 's-1', name: 'Stand', takenAt: 5000 },
  participants: [{ id: 'p1', name: 'Jörg', organisation: 'Jugendamt', role: 'facilitator' }],
  rooms: [
    {
      id: 'main', name: 'Plenum', kind: 'plenary', createdAt: 1,
      sections: [{ id: 'sec1', x: 0, y: 0, w: 600, h: 400, title: 'Stärken' }],
      notes: [{ id: 'n1', x: 10, y: 60, w: 200, h: 150, color: 'yellow', text: 'Grüße aus Köln', author: 'p1' }],
    },
    { id: 'r1', name: 'Gruppe Süd', kind: 'breakout', createdAt: 100, sections: [], notes: [{ id: 'n2', x: 0, y: 0, w: 200, h: 150, text: 'Straße' }] },
  ],
  rounds: [
    { id: 'v1', title: 'Erste', status: 'closed', startedAt: 10, closedAt: 20, results: { voters: 1, votes: 2, ranking: [{ note: 'n1', text: 'Grüße aus Köln', count: 2 }] } },
    { id: 'v2', title: 'Offen', status: 'open', startedAt: 30 },
    { id: 'v3', title: 'Zweite', status: 'closed', startedAt: 40, closedAt: 50, results: { voters: 0, votes: 0, ranking: [] } },
  ],
};

test('rooms by id, without their content', () => {
  const rooms = documentRooms(doc);
  assert.deepEqual([...rooms.keys()], ['main', 'r1']);
  assert.deepEqual(rooms.get('r1'), { id: 'r1', name: 'Gruppe Süd', kind: 'breakout', createdAt: 100 });
  assert.equal(documentRooms({}).size, 0);
});

test('a room’s notes and sections as Maps; an unknown room is empty', () => {
  const main = documentRoomContent(doc, 'main');
  assert.equal(main.notes.get('n1').text, 'Grüße aus Köln');
  assert.equal(main.sections.get('sec1').title, 'Stärken');
  assert.equal(documentRoomContent(doc, 'r1').notes.get('n2').text, 'Straße');
  const none = documentRoomContent(doc, 'gone');
  assert.equal(none.notes.size + none.sections.size, 0);
});

test('participants by id, and closed rounds with results newest first', () => {
  assert.equal(documentParticipants(doc).get('p1').name, 'Jörg');
  assert.deepEqual(closedRounds(doc).map((r) => r.id), ['v3', 'v1']);
  assert.deepEqual(closedRounds({ rounds: null }), []);
});
