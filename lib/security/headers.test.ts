import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, createNonce, frameAncestors, parseOrigins, permissionsPolicy, securityHeaders, usesWebAuthn, type SecurityHeaderInput } from './headers';

const NONCE = 'AAECAwQFBgcICQoLDA0ODw==';
const base: SecurityHeaderInput = { pathname: '/', nonce: NONCE, https: false };

/** The policy as a map of directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts by this request’s nonce only, never inline or eval in production', () => {
    const csp = directives(contentSecurityPolicy(base));
    assert.deepEqual(csp.get('script-src'), ["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    for (const [name, sources] of csp) {
      if (name.startsWith('script-src') || name === 'default-src') {
        assert.ok(!sources.includes("'unsafe-inline'") && !sources.includes("'unsafe-eval'"), `${name} ${sources.join(' ')}`);
      }
    }
  });

  it('puts each request’s own nonce in the policy built once per route kind, and nothing of the last one', () => {
    const other = 'EBESExQVFhcYGRobHB0eHw==';
    const first = contentSecurityPolicy(base);
    const second = contentSecurityPolicy({ ...base, nonce: other });
    assert.equal(second, first.replaceAll(NONCE, other));
    assert.ok(!second.includes(NONCE) && !second.includes('\u0000'));
    // The embedded view's policy is its own, not the cached one of another route.
    const embedded = directives(contentSecurityPolicy({ ...base, pathname: '/embed/security', embedAllowedOrigins: ['https://host.example'] }));
    assert.deepEqual(embedded.get('frame-ancestors'), ['https://host.example']);
    assert.deepEqual(directives(contentSecurityPolicy(base)).get('frame-ancestors'), ["'none'"]);
  });

  it('adds unsafe-eval only in development, where React needs it', () => {
    assert.ok(directives(contentSecurityPolicy({ ...base, development: true })).get('script-src')!.includes("'unsafe-eval'"));
  });

  it('takes style elements by nonce and style attributes inline', () => {
    const csp = directives(contentSecurityPolicy(base));
    assert.deepEqual(csp.get('style-src-elem'), ["'self'", `'nonce-${NONCE}'`]);
    assert.deepEqual(csp.get('style-src-attr'), ["'unsafe-inline'"]);
  });

  it('locks down everything else', () => {
    const csp = directives(contentSecurityPolicy(base));
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    assert.deepEqual(csp.get('connect-src'), ["'self'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('base-uri'), ["'none'"]);
    assert.deepEqual(csp.get('frame-src'), ["'none'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('form-action'), ["'self'"]);
    assert.equal(csp.has('upgrade-insecure-requests'), false);
  });

  it('lets form posts be redirected to the pool’s hosted UI (sign-out without JavaScript)', () => {
    const csp = directives(contentSecurityPolicy({ ...base, formActionOrigins: ['https://auth.example.com/', 'http://pool:9333'] }));
    assert.deepEqual(csp.get('form-action'), ["'self'", 'https://auth.example.com', 'http://pool:9333']);
  });

  it('upgrades insecure requests over https', () => {
    assert.ok(directives(contentSecurityPolicy({ ...base, https: true })).has('upgrade-insecure-requests'));
  });

  it('refuses a nonce that is not one', () => {
    for (const nonce of ['', 'short', `${NONCE}'; script-src *`, 'abc def ghi jkl mno pqr']) {
      assert.throws(() => contentSecurityPolicy({ ...base, nonce }), /nonce/);
    }
  });
});

describe('frameAncestors', () => {
  it('is none everywhere, including the embedded view while no origin is allowed', () => {
    for (const path of ['/', '/security', '/sign-in', '/embed/security']) assert.deepEqual(frameAncestors(path), ["'none'"]);
    assert.deepEqual(frameAncestors('/security', ['https://host.example']), ["'none'"]);
    assert.deepEqual(frameAncestors('/embedded', ['https://host.example']), ["'none'"]);
  });

  it('lists the allowed origins on the embedded view', () => {
    assert.deepEqual(frameAncestors('/embed', ['https://host.example']), ['https://host.example']);
    assert.deepEqual(frameAncestors('/embed/security', ['https://a.example:8443', 'http://localhost:4000']), ['https://a.example:8443', 'http://localhost:4000']);
  });

  it('refuses anything but plain origins', () => {
    for (const bad of [
      'host.example',
      'http://host.example',
      'https://host.example/path',
      'https://*.example.com',
      'https://host.example;script-src *',
      "'self'",
      '*',
      'https://user@host.example',
      'data:',
    ]) {
      assert.throws(() => frameAncestors('/embed/x', [bad]), Error, bad);
    }
  });
});

describe('parseOrigins', () => {
  it('normalises origins', () => {
    assert.deepEqual(parseOrigins([' HTTPS://Host.Example:443/ ']), ['https://host.example']);
  });
});

describe('permissionsPolicy', () => {
  it('allows WebAuthn to this origin on /security only (and the embedded view)', () => {
    assert.ok(usesWebAuthn('/security'));
    assert.ok(usesWebAuthn('/security/anything'));
    assert.ok(usesWebAuthn('/embed/security'));
    assert.ok(!usesWebAuthn('/securityx'));
    assert.match(permissionsPolicy('/security'), /publickey-credentials-create=\(self\), publickey-credentials-get=\(self\)/);
    for (const path of ['/', '/sign-in', '/securityx']) {
      assert.match(permissionsPolicy(path), /publickey-credentials-create=\(\), publickey-credentials-get=\(\)/);
    }
  });

  it('switches off what the portal never uses', () => {
    const policy = permissionsPolicy('/security');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) assert.match(policy, new RegExp(`(^|, )${feature}=\\(\\)`));
  });
});

describe('securityHeaders', () => {
  it('sends DENY framing, COOP and the baseline on every page, HSTS only over https', () => {
    const headers = securityHeaders(base);
    assert.equal(headers['X-Frame-Options'], 'DENY');
    assert.equal(headers['Cross-Origin-Opener-Policy'], 'same-origin');
    assert.equal(headers['X-Content-Type-Options'], 'nosniff');
    assert.equal(headers['Referrer-Policy'], 'strict-origin-when-cross-origin');
    assert.equal(headers['Strict-Transport-Security'], undefined);
    assert.equal(securityHeaders({ ...base, https: true })['Strict-Transport-Security'], 'max-age=63072000; includeSubDomains');
  });

  it('leaves X-Frame-Options out where frame-ancestors lists origins (it cannot)', () => {
    const headers = securityHeaders({ ...base, pathname: '/embed/security', embedAllowedOrigins: ['https://host.example'] });
    assert.equal(headers['X-Frame-Options'], undefined);
    assert.match(headers['Content-Security-Policy'], /frame-ancestors https:\/\/host\.example(;|$)/);
  });

  it('lets the embedded view’s add-passkey popup keep its opener, framed by nobody, with WebAuthn', () => {
    const headers = securityHeaders({ ...base, pathname: '/embed/add-passkey', embedAllowedOrigins: ['https://host.example'] });
    assert.equal(headers['Cross-Origin-Opener-Policy'], 'unsafe-none');
    assert.equal(headers['X-Frame-Options'], 'DENY');
    assert.match(headers['Content-Security-Policy'], /frame-ancestors 'none'(;|$)/);
    assert.match(headers['Permissions-Policy'], /publickey-credentials-create=\(self\)/);
    assert.equal(securityHeaders({ ...base, pathname: '/embed/add-passkey/x' })['Cross-Origin-Opener-Policy'], 'same-origin');
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, different each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
    assert.doesNotThrow(() => contentSecurityPolicy({ ...base, nonce: [...nonces][0] }));
  });
});
