import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeForwardedSession, encodeForwardedSession, type ForwardedSession } from './forwarded-session';

const SECRET = 's'.repeat(40);
const COOKIE = 'cookie-value-of-the-request';
const SESSION: ForwardedSession = { user: { sub: 'sub-1', name: 'Ada', email: 'ada@example.com' }, accessToken: 'access-1', authTime: 1_700_000_000 };

describe('the session the proxy forwards to the page', () => {
  it('round-trips for the kind and cookie it was made for', () => {
    const header = encodeForwardedSession(SESSION, 'portal', COOKIE, SECRET);
    assert.deepEqual(decodeForwardedSession(header, 'portal', COOKIE, SECRET), SESSION);
  });

  it('is refused for another cookie, another kind of session or under another secret', () => {
    const header = encodeForwardedSession(SESSION, 'portal', COOKIE, SECRET);
    assert.equal(decodeForwardedSession(header, 'portal', `${COOKIE}x`, SECRET), null);
    assert.equal(decodeForwardedSession(header, 'embed', COOKIE, SECRET), null);
    assert.equal(decodeForwardedSession(header, 'portal', COOKIE, 't'.repeat(40)), null);
  });

  it('refuses what a client could make without the secret', () => {
    const header = encodeForwardedSession(SESSION, 'portal', COOKIE, SECRET);
    const [, mac] = header.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...SESSION, user: { ...SESSION.user, sub: 'someone-else' } })).toString('base64url');
    const hostile = [
      `${forgedPayload}.${mac}`, // another session under a genuine MAC
      forgedPayload, // no MAC
      `${forgedPayload}.`, // empty MAC
      `${forgedPayload}.${Buffer.alloc(32).toString('base64url')}`, // a MAC of the right length
      `${forgedPayload}.${mac}${mac}`, // a longer one
      `.${mac}`,
      'x'.repeat(20_000),
      '',
      null,
      undefined,
    ];
    for (const value of hostile) assert.equal(decodeForwardedSession(value, 'portal', COOKIE, SECRET), null, String(value).slice(0, 40));
  });
});
