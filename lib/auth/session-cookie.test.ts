import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSessionCookie, sessionCookieClears, sessionCookieName, sessionCookieNames, sessionCookieWrites } from './session-cookie';

const BASE = 'next-auth.session-token';
const DAY = 86_400;

describe('session cookie', () => {
  it('is __Host- over https, so no other host can set it, and next-auth’s plain name over http', () => {
    assert.equal(sessionCookieName(false), 'next-auth.session-token');
    assert.equal(sessionCookieName(true), '__Host-next-auth.session-token');
    // __Host- needs Secure, Path=/ and no Domain, or browsers drop the cookie.
    const [write] = sessionCookieWrites('v', [], sessionCookieName(true), true, DAY);
    assert.equal(write.options.secure, true);
    assert.equal(write.options.path, '/');
    assert.equal('domain' in write.options, false);
  });

  it('reads only the names the portal sets over https, never next-auth’s __Secure- default', () => {
    const base = sessionCookieName(true);
    assert.equal(readSessionCookie([{ name: '__Secure-next-auth.session-token', value: 'planted' }], base), undefined);
    assert.equal(readSessionCookie([{ name: '__Secure-next-auth.session-token.0', value: 'planted' }, { name: base, value: 'mine' }], base), 'mine');
  });

  it('does not let planted chunks win over the whole cookie, nor read chunks with a gap or twice', () => {
    assert.equal(readSessionCookie([{ name: BASE, value: 'mine' }, { name: `${BASE}.0`, value: 'planted' }], BASE), undefined);
    assert.equal(readSessionCookie([{ name: `${BASE}.0`, value: 'a' }, { name: `${BASE}.2`, value: 'c' }], BASE), undefined);
    assert.equal(readSessionCookie([{ name: `${BASE}.0`, value: 'a' }, { name: `${BASE}.0`, value: 'b' }], BASE), undefined);
    assert.equal(readSessionCookie([{ name: `${BASE}.0`, value: 'a' }, { name: `${BASE}.01`, value: 'b' }], BASE), 'a');
    assert.equal(readSessionCookie([{ name: BASE, value: 'a' }, { name: BASE, value: 'b' }], BASE), undefined);
  });

  it('writes a small value as one HttpOnly, SameSite=Lax cookie', () => {
    const writes = sessionCookieWrites('abc', [], BASE, true, DAY);
    assert.deepEqual(writes, [{ name: BASE, value: 'abc', options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true, maxAge: DAY } }]);
  });

  it('chunks a large value below 4 KB per cookie and reads it back in order', () => {
    const value = Array.from({ length: 9000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const writes = sessionCookieWrites(value, [], BASE, false, DAY);
    assert.deepEqual(writes.map((w) => w.name), [`${BASE}.0`, `${BASE}.1`, `${BASE}.2`]);
    for (const write of writes) assert.ok(write.value.length + 163 <= 4096);
    // Browsers may send cookies in any order.
    const sent = [...writes].reverse().map(({ name, value: v }) => ({ name, value: v }));
    assert.equal(readSessionCookie(sent, BASE), value);
  });

  it('expires chunks left over from a bigger value', () => {
    const writes = sessionCookieWrites('small', [`${BASE}.0`, `${BASE}.1`], BASE, false, DAY);
    assert.deepEqual(
      writes.map((w) => [w.name, w.options.maxAge]),
      [
        [BASE, DAY],
        [`${BASE}.0`, 0],
        [`${BASE}.1`, 0],
      ],
    );
  });

  it('ignores cookies that only share the prefix', () => {
    const cookies = [
      { name: `${BASE}-other`, value: 'x' },
      { name: `${BASE}.x`, value: 'y' },
      { name: 'next-auth.csrf-token', value: 'z' },
    ];
    assert.equal(readSessionCookie(cookies, BASE), undefined);
    assert.deepEqual(sessionCookieNames(cookies, BASE), []);
  });

  it('clears every part of the session', () => {
    const clears = sessionCookieClears([`${BASE}.0`, `${BASE}.1`], true);
    assert.deepEqual(clears.map((c) => [c.name, c.value, c.options.maxAge, c.options.secure]), [
      [`${BASE}.0`, '', 0, true],
      [`${BASE}.1`, '', 0, true],
    ]);
  });
});
