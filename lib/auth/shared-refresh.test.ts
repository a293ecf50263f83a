import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RefreshResult } from '@/lib/cognito/oauth';
import { createRefreshCoalescer, sharedRefreshes } from './shared-refresh';
import { decodeSessionToken, encodeSessionToken, nowSeconds, refreshIfNeeded, type SessionToken } from './session-token';

const rotated: RefreshResult = { ok: true, tokens: { accessToken: 'access-2', refreshToken: 'refresh-2', idToken: undefined, expiresInSeconds: 3600 } };

/** A token endpoint that answers only when told to, counting its calls. */
function slowEndpoint(result: RefreshResult) {
  const calls: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const refresh = async (refreshToken: string) => {
    calls.push(refreshToken);
    await gate;
    return result;
  };
  return { calls, refresh, release: () => release() };
}

const nearExpiry = (): SessionToken => ({
  sub: 'sub-1',
  name: 'Ada',
  email: 'ada@example.com',
  cognito: { accessToken: 'access-1', refreshToken: 'refresh-1', accessTokenExpiresAt: nowSeconds() + 5, accessTokenLifetimeSeconds: 3600 },
});

describe('shared refreshes', () => {
  it('sends concurrent refreshes of one refresh token to the pool once, and gives every caller the rotated token', async () => {
    const coalescer = createRefreshCoalescer();
    const endpoint = slowEndpoint(rotated);
    const refresh = (refreshToken: string) => coalescer.run(refreshToken, endpoint.refresh);
    const outcomes = Promise.all([refreshIfNeeded(nearExpiry(), refresh), refreshIfNeeded(nearExpiry(), refresh), refreshIfNeeded(nearExpiry(), refresh)]);
    await new Promise((resolve) => setImmediate(resolve));
    endpoint.release();
    const results = await outcomes;
    assert.deepEqual(endpoint.calls, ['refresh-1']);
    for (const outcome of results) {
      assert.equal(outcome.status, 'refreshed');
      assert.equal(outcome.status === 'refreshed' && outcome.token.cognito.refreshToken, 'refresh-2');
      assert.equal(outcome.status === 'refreshed' && outcome.token.cognito.accessToken, 'access-2');
    }
  });

  it('hands a success to a latecomer with the old cookie for a few seconds, then asks the pool again', async () => {
    let clock = 1_000_000;
    const coalescer = createRefreshCoalescer({ keepMs: 5_000, now: () => clock });
    const calls: string[] = [];
    const refresh = async (refreshToken: string) => (calls.push(refreshToken), rotated);
    await coalescer.run('refresh-1', refresh);
    clock += 4_999;
    assert.deepEqual(await coalescer.run('refresh-1', refresh), rotated);
    assert.equal(calls.length, 1);
    clock += 1;
    await coalescer.run('refresh-1', refresh);
    assert.equal(calls.length, 2);
  });

  it('keeps refreshes of different refresh tokens apart', async () => {
    const coalescer = createRefreshCoalescer();
    const calls: string[] = [];
    const refresh = async (refreshToken: string) => (calls.push(refreshToken), rotated);
    await Promise.all([coalescer.run('refresh-a', refresh), coalescer.run('refresh-b', refresh)]);
    assert.deepEqual(calls.sort(), ['refresh-a', 'refresh-b']);
  });

  it('shares a failure with the callers waiting for it, but lets the next request try again', async () => {
    const coalescer = createRefreshCoalescer();
    const outage: RefreshResult = { ok: false, reason: 'unavailable', detail: 'timeout' };
    const endpoint = slowEndpoint(outage);
    const both = Promise.all([coalescer.run('refresh-1', endpoint.refresh), coalescer.run('refresh-1', endpoint.refresh)]);
    await new Promise((resolve) => setImmediate(resolve));
    endpoint.release();
    assert.deepEqual(await both, [outage, outage]);
    assert.equal(endpoint.calls.length, 1);
    await coalescer.run('refresh-1', endpoint.refresh);
    assert.equal(endpoint.calls.length, 2);
  });

  it('stays within its bound, dropping the oldest entry first', async () => {
    const coalescer = createRefreshCoalescer({ maxEntries: 2 });
    const calls: string[] = [];
    const refresh = async (refreshToken: string) => (calls.push(refreshToken), rotated);
    for (const value of ['a', 'b', 'c', 'b', 'a']) await coalescer.run(value, refresh);
    // 'c' pushed out 'a'; 'b' was still kept; 'a' had to be asked for again.
    assert.deepEqual(calls, ['a', 'b', 'c', 'a']);
  });

  it('forgets a refresh token once it is revoked, so an old cookie is not refreshed from memory', async () => {
    const coalescer = createRefreshCoalescer();
    const calls: string[] = [];
    const refresh = async (refreshToken: string) => (calls.push(refreshToken), rotated);
    await coalescer.run('refresh-1', refresh);
    coalescer.forget('refresh-1');
    await coalescer.run('refresh-1', refresh);
    assert.equal(calls.length, 2);
  });

  it('is one coalescer per process, whichever bundle asks', () => {
    assert.equal(sharedRefreshes(), sharedRefreshes());
  });
});

describe('rotated refresh token', () => {
  it('is what the re-encrypted session cookie holds after a refresh', async () => {
    const secret = 's'.repeat(40);
    const outcome = await refreshIfNeeded(nearExpiry(), async () => rotated);
    assert.equal(outcome.status, 'refreshed');
    if (outcome.status !== 'refreshed') return;
    const decoded = await decodeSessionToken(await encodeSessionToken(outcome.token, secret), secret);
    assert.equal(decoded?.cognito.refreshToken, 'refresh-2');
  });
});
