import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNextAuthSignIn } from './sign-in-lang';

test('only next-auth’s sign-in POST gets the lang parameter', () => {
  assert.equal(isNextAuthSignIn('POST', '/api/auth/signin/cognito'), true);
  assert.equal(isNextAuthSignIn('GET', '/api/auth/signin/cognito'), false);
  assert.equal(isNextAuthSignIn('POST', '/api/auth/callback/cognito'), false);
  assert.equal(isNextAuthSignIn('POST', '/api/auth/signin'), false);
  assert.equal(isNextAuthSignIn('POST', '/api/auth/signin/cognito/extra'), false);
});
