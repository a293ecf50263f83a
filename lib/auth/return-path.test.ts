import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RETURN_PATH, MAX_RETURN_PATH_LENGTH, redirectWithinPortal, safeReturnPath, signInPath, signInStartPath } from './return-path';

const PORTAL = 'https://portal.example';

/** Where a browser on the portal would go when sent to `path` (a Location header). */
const browserGoesTo = (path: string) => new URL(path, PORTAL);

describe('safeReturnPath', () => {
  it('keeps same-site paths with their query and fragment', () => {
    assert.equal(safeReturnPath('/security'), '/security');
    assert.equal(safeReturnPath('/security?tab=passkeys#list'), '/security?tab=passkeys#list');
    assert.equal(safeReturnPath('/api/auth-popup/finish?state=abc&host=https%3A%2F%2Fapp.example'), '/api/auth-popup/finish?state=abc&host=https%3A%2F%2Fapp.example');
  });

  it('normalises dot segments that stay on the portal', () => {
    assert.equal(safeReturnPath('/a/../security'), '/security');
    assert.equal(safeReturnPath('/%2e%2e/security'), '/security');
  });

  it('accepts a full URL only on the portal’s own origin, as a path', () => {
    assert.equal(safeReturnPath(`${PORTAL}/security?x=1`, PORTAL), '/security?x=1');
    assert.equal(safeReturnPath(PORTAL, PORTAL), '/');
    assert.equal(safeReturnPath(`${PORTAL}/security`), DEFAULT_RETURN_PATH, 'no origin given: paths only');
  });

  const hostile: Array<[string, unknown]> = [
    // The reported ones: refused only after normalisation, they become `//evil.example…`.
    ['dot segment before //', '/.//evil.example/phish'],
    ['parent segment before //', '/a/..//evil.example'],
    ['encoded dot before //', '/%2e//evil.example'],
    ['encoded double dot before //', '/a/%2E%2E//evil.example'],
    ['dot segments into a backslash', '/./\\evil.example'],
    ['scheme-relative', '//evil.example/x'],
    ['backslash host', '/\\evil.example'],
    ['backslash after a slash pair', '\\\\evil.example'],
    ['backslashes in the path', '/security\\..\\..\\evil'],
    ['tab inside //', '/\t/evil.example'],
    ['newline inside //', '/\n/evil.example'],
    ['carriage return', '/security\r\nLocation: https://evil.example'],
    ['NUL', '/security\u0000'],
    ['C1 control', '/security\u0085'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with the portal origin known', 'javascript:alert(document.domain)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['absolute URL elsewhere', 'https://evil.example/'],
    ['absolute URL on a look-alike host', 'https://portal.example.evil.example/security'],
    ['user info pointing elsewhere', 'https://portal.example@evil.example/'],
    ['user info on the portal', 'https://user:pass@portal.example/security'],
    ['other scheme, same host', 'http://portal.example/security'],
    ['other port, same host', 'https://portal.example:8443/security'],
    ['relative without a slash', 'security'],
    ['relative host-like', 'evil.example/x'],
    ['empty', ''],
    ['very long', `/security?${'a'.repeat(MAX_RETURN_PATH_LENGTH)}`],
    ['growing past the limit when normalised', `/${' '.repeat(MAX_RETURN_PATH_LENGTH / 2)}x`],
    ['not a string', undefined],
    ['an array', ['/security']],
    ['an object', { toString: () => '/security' }],
  ];

  for (const [name, value] of hostile) {
    it(`refuses ${name}`, () => {
      const result = safeReturnPath(value, PORTAL);
      assert.equal(result, DEFAULT_RETURN_PATH, `${JSON.stringify(value)} gave ${JSON.stringify(result)}`);
    });
  }

  it('never returns anything a browser would take off the portal', () => {
    const pieces = ['/', '//', '\\', '.', '..', '%2e', '%2E', '%2f', '%5c', '\t', 'evil.example', '@', ':', '?', '#', ' '];
    let checked = 0;
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const value = `/${a}${b}${c}`;
          const result = safeReturnPath(value, PORTAL);
          assert.equal(browserGoesTo(result).origin, PORTAL, `${JSON.stringify(value)} gave ${JSON.stringify(result)}`);
          assert.ok(!result.startsWith('//') && !result.startsWith('/\\'), `${JSON.stringify(value)} gave ${JSON.stringify(result)}`);
          assert.equal(safeReturnPath(result, PORTAL), result, 'the result is itself a return path that stays as it is');
          checked += 1;
        }
      }
    }
    assert.equal(checked, pieces.length ** 3);
  });
});

describe('redirectWithinPortal (next-auth’s redirect callback)', () => {
  it('keeps a return path on the portal, as an absolute URL', () => {
    assert.equal(redirectWithinPortal({ url: '/security?x=1', baseUrl: PORTAL }), `${PORTAL}/security?x=1`);
    assert.equal(redirectWithinPortal({ url: `${PORTAL}/api/auth-popup/finish?state=s`, baseUrl: PORTAL }), `${PORTAL}/api/auth-popup/finish?state=s`);
  });

  it('sends anything else to the default page', () => {
    for (const url of ['https://evil.example/', '/.//evil.example/phish', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      assert.equal(redirectWithinPortal({ url, baseUrl: PORTAL }), `${PORTAL}${DEFAULT_RETURN_PATH}`, url);
    }
  });
});

describe('signInPath', () => {
  it('starts the sign-in at once, encoding the return path through the gate', () => {
    assert.equal(signInPath('/security?a=1&b=2'), '/sign-in/start?callbackUrl=%2Fsecurity%3Fa%3D1%26b%3D2');
    assert.equal(signInPath('/.//evil.example'), '/sign-in/start?callbackUrl=%2Fsecurity');
    assert.equal(signInStartPath('https://evil.example/'), '/sign-in/start?callbackUrl=%2Fsecurity');
  });

  it('sends an ended session to the portal’s sign-in page, which says why', () => {
    assert.equal(signInPath('//evil.example', 'session-ended'), '/sign-in?callbackUrl=%2Fsecurity&reason=session-ended');
    assert.equal(signInPath('/security', 'session-ended'), '/sign-in?callbackUrl=%2Fsecurity&reason=session-ended');
  });
});
