import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  boardIdFromFacilitatePath, boardIdFromPath, chooseStoredToken, createTokenStore, joinBodyField, parseFragment, roleForKind,
  snapshotPagePath, snapshotPathParts,
} from '../../main/resources/webroot/js/api/credentials.js';

test('fragments and paths are parsed', () => {
  assert.deepEqual(parseFragment('#f=s3cr3t'), { kind: 'f', value: 's3cr3t' });
  assert.deepEqual(parseFragment('#j=abc'), { kind: 'j', value: 'abc' });
  assert.equal(parseFragment(''), null);
  assert.equal(parseFragment('#x=1'), null);
  assert.deepEqual(parseFragment('#o=obs'), { kind: 'o', value: 'obs' });
  assert.equal(boardIdFromPath('/b/abc_DEF-1'), 'abc_DEF-1');
  assert.equal(boardIdFromPath('/b/'), null);
  assert.equal(boardIdFromPath('/b/a/b'), null);
});

test('join bodies carry the right credential field', () => {
  assert.deepEqual(joinBodyField({ kind: 'f', value: 'x' }), { facilitatorSecret: 'x' });
  assert.deepEqual(joinBodyField({ kind: 'j', value: 'y' }), { joinCode: 'y' });
});

const participantEntry = { token: 't', role: 'participant', credential: { kind: 'j', value: 'code' } };

test('a stored token is reused for the same link, no link, or a link of the same role', () => {
  assert.equal(chooseStoredToken(participantEntry, { kind: 'j', value: 'code' }), participantEntry);
  assert.equal(chooseStoredToken(participantEntry, null), participantEntry);
  assert.equal(chooseStoredToken(participantEntry, { kind: 'j', value: 'rotated' }), participantEntry);
});

test('a link for another role means joining anew', () => {
  assert.equal(chooseStoredToken(participantEntry, { kind: 'f', value: 'secret' }), null);
  const facilitator = { token: 't', role: 'facilitator', credential: { kind: 'f', value: 'secret' } };
  assert.equal(chooseStoredToken(facilitator, { kind: 'j', value: 'code' }), null);
  assert.equal(chooseStoredToken(null, { kind: 'j', value: 'code' }), null);
});

test('the token store keeps one JSON entry per board and survives junk', () => {
  const data = new Map();
  const storage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v), removeItem: (k) => data.delete(k) };
  const store = createTokenStore(storage);
  store.save('b1', participantEntry);
  assert.ok(data.has('werkraum.token.b1'));
  assert.deepEqual(store.load('b1'), participantEntry);
  data.set('werkraum.token.b2', '{not json');
  assert.equal(store.load('b2'), null);
  store.forget('b1');
  assert.equal(store.load('b1'), null);
  const broken = createTokenStore({ getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); }, removeItem() {} });
  assert.equal(broken.load('b1'), null);
  broken.save('b1', participantEntry);
});

test('observer links: #o= is parsed, joins with observerCode, grants the observer role', () => {
  assert.deepEqual(parseFragment('#o=watch123'), { kind: 'o', value: 'watch123' });
  assert.deepEqual(joinBodyField({ kind: 'o', value: 'watch123' }), { observerCode: 'watch123' });
  assert.equal(roleForKind('o'), 'observer');
  const observer = { token: 't', role: 'observer', credential: { kind: 'o', value: 'watch123' } };
  assert.equal(chooseStoredToken(observer, { kind: 'o', value: 'renewed' }), observer, 'a renewed observer link keeps the identity');
  assert.equal(chooseStoredToken(observer, { kind: 'j', value: 'code' }), null, 'a participant link means joining anew');
  assert.equal(chooseStoredToken({ token: 't', role: 'participant', credential: { kind: 'j', value: 'c' } }, { kind: 'o', value: 'x' }), null);
});

test('the control view path names its board', () => {
  assert.equal(boardIdFromFacilitatePath('/b/abc_DEF-1/facilitate'), 'abc_DEF-1');
  assert.equal(boardIdFromFacilitatePath('/b/abc/facilitate/'), 'abc');
  assert.equal(boardIdFromFacilitatePath('/b/abc'), null);
  assert.equal(boardIdFromFacilitatePath('/b/a b/facilitate'), null);
  assert.equal(boardIdFromPath('/b/abc/facilitate'), null);
});

test('the read-only snapshot page has a path of its own', () => {
  assert.deepEqual(snapshotPathParts('/b/board_1/snapshot/s-AbC9'), { boardId: 'board_1', snapshotId: 's-AbC9' });
  assert.deepEqual(snapshotPathParts('/b/board_1/snapshot/s-AbC9/'), { boardId: 'board_1', snapshotId: 's-AbC9' });
  assert.equal(snapshotPathParts('/b/board_1/snapshot/'), null);
  assert.equal(snapshotPathParts('/b/board_1/snapshot/a.b'), null);
  assert.equal(snapshotPathParts('/b/board_1'), null);
  assert.equal(snapshotPagePath('board_1', 's-AbC9'), '/b/board_1/snapshot/s-AbC9');
  assert.deepEqual(snapshotPathParts(snapshotPagePath('b', 's')), { boardId: 'b', snapshotId: 's' });
});
