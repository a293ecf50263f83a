import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encode } from 'next-auth/jwt';
import type { RefreshResult } from '@/lib/cognito/oauth';
import { decodeSessionToken, encodeSessionToken, identityFromClaims, needsRefresh, nowSeconds, refreshIfNeeded, withRefreshedTokens, type SessionToken } from './session-token';

const SECRET = 's'.repeat(40);

function token(expiresIn: number, lifetime = 3600): SessionToken {
  return {
    sub: 'sub-1',
    name: 'Ada',
    email: 'ada@example.com',
    cognito: { accessToken: 'access-1', refreshToken: 'refresh-1', accessTokenExpiresAt: nowSeconds() + expiresIn, accessTokenLifetimeSeconds: lifetime },
  };
}

const idToken = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;

describe('needsRefresh', () => {
  it('refreshes within a minute of expiry for hour-long tokens', () => {
    assert.equal(needsRefresh(token(61)), false);
    assert.equal(needsRefresh(token(59)), true);
    assert.equal(needsRefresh(token(-10)), true);
  });

  it('refreshes in the second half of a short-lived token', () => {
    assert.equal(needsRefresh(token(5, 8)), false);
    assert.equal(needsRefresh(token(4, 8)), true);
  });
});

describe('withRefreshedTokens', () => {
  it('keeps the refresh token when the pool does not rotate it, and updates identity from the new ID token', () => {
    const now = nowSeconds();
    const next = withRefreshedTokens(token(10), { accessToken: 'access-2', refreshToken: undefined, idToken: idToken({ name: 'Ada L.', email: 'ada@new.example' }), expiresInSeconds: 300 }, now);
    assert.deepEqual(next.cognito, { accessToken: 'access-2', refreshToken: 'refresh-1', accessTokenExpiresAt: now + 300, accessTokenLifetimeSeconds: 300 });
    assert.equal(next.name, 'Ada L.');
    assert.equal(next.email, 'ada@new.example');
  });

  it('keeps when the person authenticated: a refresh is not a sign-in, whatever the new ID token says', () => {
    const next = withRefreshedTokens({ ...token(10), authTime: 1_700_000_000 }, { accessToken: 'access-2', refreshToken: undefined, idToken: idToken({ auth_time: nowSeconds() }), expiresInSeconds: 300 });
    assert.equal(next.authTime, 1_700_000_000);
  });

  it('takes a rotated refresh token and keeps identity when no ID token comes back', () => {
    const next = withRefreshedTokens(token(10), { accessToken: 'access-2', refreshToken: 'refresh-2', idToken: undefined, expiresInSeconds: 300 });
    assert.equal(next.cognito.refreshToken, 'refresh-2');
    assert.equal(next.name, 'Ada');
  });
});

describe('identityFromClaims', () => {
  it('prefers name, then preferred_username, then the Cognito username', () => {
    assert.deepEqual(identityFromClaims({ name: 'Ada', email: 'a@x' }), { name: 'Ada', email: 'a@x' });
    assert.deepEqual(identityFromClaims({ preferred_username: 'ada', 'cognito:username': 'u1' }), { name: 'ada', email: null });
    assert.deepEqual(identityFromClaims({ name: ' ', 'cognito:username': 'u1' }), { name: 'u1', email: null });
  });
});

describe('refreshIfNeeded', () => {
  const answer = (result: RefreshResult) => {
    const calls: string[] = [];
    return { calls, refresh: async (refreshToken: string) => (calls.push(refreshToken), result) };
  };

  it('leaves a fresh token alone without calling the pool', async () => {
    const { calls, refresh } = answer({ ok: false, reason: 'rejected', detail: '' });
    assert.equal((await refreshIfNeeded(token(600), refresh)).status, 'fresh');
    assert.deepEqual(calls, []);
  });

  it('refreshes a token near expiry with its refresh token', async () => {
    const { calls, refresh } = answer({ ok: true, tokens: { accessToken: 'access-2', refreshToken: undefined, idToken: undefined, expiresInSeconds: 3600 } });
    const outcome = await refreshIfNeeded(token(5), refresh);
    assert.equal(outcome.status, 'refreshed');
    assert.equal(outcome.status === 'refreshed' && outcome.token.cognito.accessToken, 'access-2');
    assert.deepEqual(calls, ['refresh-1']);
  });

  it('ends the session when the pool refuses, and keeps it when the pool is unreachable', async () => {
    assert.deepEqual(await refreshIfNeeded(token(5), answer({ ok: false, reason: 'rejected', detail: 'invalid_grant' }).refresh), { status: 'ended' });
    const kept = await refreshIfNeeded(token(5), answer({ ok: false, reason: 'unavailable', detail: 'timeout' }).refresh);
    assert.equal(kept.status, 'unavailable');
  });
});

describe('session token encryption', () => {
  it('round-trips through next-auth’s encryption', async () => {
    const original = token(600);
    assert.deepEqual(await decodeSessionToken(await encodeSessionToken(original, SECRET), SECRET), original);
  });

  it('refuses another secret, garbage, and a token of another shape', async () => {
    const encoded = await encodeSessionToken(token(600), SECRET);
    assert.equal(await decodeSessionToken(encoded, 'another-secret-that-is-long-enough!!'), null);
    assert.equal(await decodeSessionToken('not-a-jwe', SECRET), null);
    assert.equal(await decodeSessionToken(await encode({ token: { sub: 'x', name: 'no tokens' }, secret: SECRET }), SECRET), null);
  });
});
