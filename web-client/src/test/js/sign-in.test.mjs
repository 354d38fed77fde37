import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rememberForSignIn, signInHref, takeAfterSignIn } from '../../main/resources/webroot/js/api/sign-in.js';
import { memoryStorage } from './fake-storage.mjs';

test('signing in comes back to a path of this site', () => {
  assert.equal(signInHref('/b/abc'), '/auth/signin?to=%2Fb%2Fabc');
});

test('the link credential waits for the return from the provider, once, for its own board only', () => {
  const storage = memoryStorage();
  rememberForSignIn(storage, 'board1', { kind: 'f', value: 's3cr3t' });
  assert.equal(takeAfterSignIn(storage, 'board2'), null, 'another board does not get it');
  rememberForSignIn(storage, 'board1', { kind: 'f', value: 's3cr3t' });
  assert.deepEqual(takeAfterSignIn(storage, 'board1'), { kind: 'f', value: 's3cr3t' });
  assert.equal(takeAfterSignIn(storage, 'board1'), null, 'used up');
});

test('nothing kept, or something malformed, is no credential', () => {
  assert.equal(takeAfterSignIn(memoryStorage(), 'board1'), null);
  assert.equal(takeAfterSignIn(memoryStorage({ 'werkraum.afterSignIn': '{not json' }), 'board1'), null);
  assert.equal(takeAfterSignIn(memoryStorage({ 'werkraum.afterSignIn': '{"boardId":"board1","kind":1}' }), 'board1'), null);
});
