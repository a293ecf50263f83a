import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { createHandoff, HANDOFF_LIFETIME_SECONDS, redeemHandoff, type HandoffBinding } from './embed-handoff';
import type { SessionToken } from './session-token';

const SECRET = 's'.repeat(40);
const T0 = 1_800_000_000; // epoch seconds; Date is mocked to this while each test runs
const binding: HandoffBinding = { portalOrigin: 'https://portal.example', host: 'https://app.example', state: 'a'.repeat(43) };
const session: SessionToken = {
  sub: 'sub-1',
  name: 'Ada',
  email: 'ada@example.com',
  cognito: { accessToken: 'access-1', refreshToken: 'refresh-1', accessTokenExpiresAt: T0 + 3600, accessTokenLifetimeSeconds: 3600 },
};

const mint = (over: Partial<HandoffBinding> = {}, secret = SECRET) => createHandoff(session, { ...binding, ...over }, secret);

describe('embed handoff', () => {
  beforeEach(() => mock.timers.enable({ apis: ['Date'], now: T0 * 1000 }));
  afterEach(() => mock.timers.reset());

  it('carries the session to the view it was minted for', async () => {
    const result = await redeemHandoff(await mint(), binding, SECRET, T0 + 1);
    assert.deepEqual(result, { ok: true, session });
  });

  it('lives at most 60 seconds', async () => {
    assert.equal(HANDOFF_LIFETIME_SECONDS, 60);
    assert.equal((await redeemHandoff(await mint(), binding, SECRET, T0 + 59)).ok, true);
    assert.deepEqual(await redeemHandoff(await mint(), binding, SECRET, T0 + 60), { ok: false, reason: 'expired' });
    assert.deepEqual(await redeemHandoff(await mint(), binding, SECRET, T0 + 3600), { ok: false, reason: 'expired' });
  });

  it('is not accepted before it was minted', async () => {
    assert.equal((await redeemHandoff(await mint(), binding, SECRET, T0 - 120)).ok, false);
  });

  it('may be redeemed once', async () => {
    const handoff = await mint();
    assert.equal((await redeemHandoff(handoff, binding, SECRET, T0)).ok, true);
    assert.deepEqual(await redeemHandoff(handoff, binding, SECRET, T0 + 1), { ok: false, reason: 'reused' });
  });

  it('refuses another state or host, without spending it', async () => {
    const handoff = await mint();
    assert.deepEqual(await redeemHandoff(handoff, { ...binding, state: 'b'.repeat(43) }, SECRET, T0), { ok: false, reason: 'binding' });
    assert.deepEqual(await redeemHandoff(handoff, { ...binding, host: 'https://evil.example' }, SECRET, T0), { ok: false, reason: 'binding' });
    assert.equal((await redeemHandoff(handoff, binding, SECRET, T0)).ok, true);
  });

  it('refuses one minted for another portal origin (issuer and audience)', async () => {
    const handoff = await mint({ portalOrigin: 'https://other-portal.example' });
    assert.deepEqual(await redeemHandoff(handoff, binding, SECRET, T0), { ok: false, reason: 'invalid' });
  });

  it('refuses a tampered or forged handoff', async () => {
    const handoff = await mint();
    const parts = handoff.split('.');
    assert.equal(parts.length, 5);
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] ^= 1;
      return bytes.toString('base64url');
    };
    for (const index of [2, 3, 4]) {
      const tampered = parts.map((part, i) => (i === index ? flip(part) : part)).join('.');
      assert.deepEqual(await redeemHandoff(tampered, binding, SECRET, T0), { ok: false, reason: 'invalid' }, `part ${index}`);
    }
    // A different header (here: typ) no longer authenticates.
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as Record<string, unknown>;
    const otherHeader = Buffer.from(JSON.stringify({ ...header, typ: 'JWT' })).toString('base64url');
    assert.deepEqual(await redeemHandoff([otherHeader, ...parts.slice(1)].join('.'), binding, SECRET, T0), { ok: false, reason: 'invalid' });
    // Minted with another secret: cannot be decrypted.
    assert.deepEqual(await redeemHandoff(await mint({}, 't'.repeat(40)), binding, SECRET, T0), { ok: false, reason: 'invalid' });
    assert.deepEqual(await redeemHandoff('not a handoff', binding, SECRET, T0), { ok: false, reason: 'invalid' });
    // The original still works: nothing above spent it.
    assert.equal((await redeemHandoff(handoff, binding, SECRET, T0)).ok, true);
  });
});
