import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { NextRequest, NextResponse } from 'next/server';
import { startFakeOAuthEndpoint, type Reply } from '@/lib/testing/fake-token-endpoint';
import type { SessionToken } from '@/lib/auth/session-token';
import { LANG_REQUEST_HEADER } from '@/lib/i18n/embed-lang';
import { SESSION_CLAIMS_HEADER, withResponseHeaders, withSecurityHeaders } from './proxy-headers';

const NONCE = 'AAECAwQFBgcICQoLDA0ODw==';
const OPTIONS = { https: false, formActionOrigins: ['http://127.0.0.1:9333'] };
const SECRET = 's'.repeat(40);
const COOKIE = 'next-auth.session-token';

/** What the page will see of a request header, as Next.js forwards it from the proxy. */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? 'GET', headers: init.headers });
}

describe('withSecurityHeaders (with stand-in handlers)', () => {
  it('forwards the CSP and nonce to the page when the handler continues plainly', async () => {
    const response = await withSecurityHeaders(request('/'), OPTIONS, () => NextResponse.next(), NONCE);
    assert.equal(response.headers.get('x-middleware-next'), '1');
    const csp = response.headers.get('content-security-policy')!;
    assert.match(csp, new RegExp(`'nonce-${NONCE.replace(/[+/=]/g, '\\$&')}'`));
    assert.equal(forwarded(response, 'content-security-policy'), csp);
    assert.equal(forwarded(response, 'x-nonce'), NONCE);
    assert.equal(response.headers.get('permissions-policy')?.includes('publickey-credentials-create=()'), true);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(response.headers.get('strict-transport-security'), null);
  });

  it('keeps the cookies and headers of a plain continuation it replaces', async () => {
    const response = await withSecurityHeaders(
      request('/'),
      OPTIONS,
      () => {
        const next = NextResponse.next();
        next.cookies.set('a', '1', { httpOnly: true });
        next.cookies.set('b', '2');
        next.headers.set('cache-control', 'private, no-store');
        return next;
      },
      NONCE,
    );
    assert.deepEqual(response.headers.getSetCookie().map((c) => c.split(';')[0]), ['a=1', 'b=2']);
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    assert.equal(forwarded(response, 'x-nonce'), NONCE);
  });

  it('gives the handler the request with the CSP, and keeps what it forwards', async () => {
    const response = await withSecurityHeaders(
      request('/security', { headers: { cookie: 'x=1' } }),
      OPTIONS,
      (req) => {
        assert.equal(req.headers.get('x-nonce'), NONCE);
        req.cookies.set('x', '2');
        return NextResponse.next({ request: { headers: new Headers(req.headers) } });
      },
      NONCE,
    );
    assert.equal(forwarded(response, 'cookie'), 'x=2');
    assert.equal(forwarded(response, 'x-nonce'), NONCE);
    assert.match(response.headers.get('permissions-policy')!, /publickey-credentials-create=\(self\)/);
  });

  it('never trusts a CSP or nonce sent from outside', async () => {
    const response = await withSecurityHeaders(
      request('/', { headers: { 'content-security-policy': "script-src 'nonce-attacker0000000000'", 'x-nonce': 'attacker0000000000' } }),
      OPTIONS,
      () => NextResponse.next(),
      NONCE,
    );
    assert.equal(forwarded(response, 'x-nonce'), NONCE);
    assert.doesNotMatch(forwarded(response, 'content-security-policy')!, /attacker/);
  });

  it('never forwards a session header sent from outside, whatever the handler does', async () => {
    const hostile = request('/security', { headers: { [SESSION_CLAIMS_HEADER]: 'eyJ1c2VyIjp7InN1YiI6ImV2ZSJ9fQ.forged' } });
    let seen: string | null = 'not called';
    const plain = await withSecurityHeaders(hostile, OPTIONS, (req) => ((seen = req.headers.get(SESSION_CLAIMS_HEADER)), NextResponse.next()), NONCE);
    assert.equal(seen, null, 'the handler never sees it');
    assert.equal(forwarded(plain, SESSION_CLAIMS_HEADER), null);
    assert.equal(plain.headers.get('x-middleware-override-headers')?.split(',').includes(SESSION_CLAIMS_HEADER), false);
    const passedOn = await withSecurityHeaders(hostile, OPTIONS, (req) => NextResponse.next({ request: { headers: req.headers } }), NONCE);
    assert.equal(forwarded(passedOn, SESSION_CLAIMS_HEADER), null);
  });

  it('gives the embedded view the host’s lang, checked, and never a lang header sent from outside', async () => {
    const lang = async (path: string, headers: Record<string, string> = {}) =>
      forwarded(await withSecurityHeaders(request(path, { headers }), OPTIONS, () => NextResponse.next(), NONCE), LANG_REQUEST_HEADER);
    assert.equal(await lang('/embed/security?host=x&lang=de'), 'de');
    assert.equal(await lang('/embed/add-passkey?lang=pt'), 'pt-BR');
    assert.equal(await lang('/embed/security?lang=fr-CA', { [LANG_REQUEST_HEADER]: 'ja' }), 'fr');
    for (const path of ['/embed/security?lang=xx', '/embed/security?lang=%3Cscript%3E', '/embed/security', '/security?lang=de', '/embedded?lang=de']) {
      assert.equal(await lang(path, { [LANG_REQUEST_HEADER]: 'ja' }), null, path);
    }
  });

  it('puts the headers on a redirect too, and HSTS over https', async () => {
    const response = await withSecurityHeaders(
      request('/security'),
      { ...OPTIONS, https: true },
      (req) => NextResponse.redirect(new URL('/sign-in', req.url)),
      NONCE,
    );
    assert.equal(response.status, 307);
    assert.equal(response.headers.get('strict-transport-security'), 'max-age=63072000; includeSubDomains');
    assert.match(response.headers.get('content-security-policy')!, /upgrade-insecure-requests/);
  });

  it('keeps a server action’s method for the handler', async () => {
    let method = '';
    await withSecurityHeaders(request('/security', { method: 'POST', headers: { 'next-action': 'abc' } }), OPTIONS, (req) => {
      method = req.method;
      return NextResponse.next();
    });
    assert.equal(method, 'POST');
  });
});

describe('withSecurityHeaders around the real session refresh', () => {
  let reply: Reply = { status: 200, body: {} };
  let fake: Awaited<ReturnType<typeof startFakeOAuthEndpoint>>;
  let refresh: typeof import('@/lib/auth/refresh-session');
  let tokens: typeof import('@/lib/auth/session-token');
  let forwardedSessions: typeof import('@/lib/auth/forwarded-session');

  before(async () => {
    fake = await startFakeOAuthEndpoint(() => reply);
    Object.assign(process.env, {
      NEXTAUTH_URL: 'http://localhost:3000',
      NEXTAUTH_SECRET: SECRET,
      COGNITO_LOCAL_ENDPOINT: fake.origin,
      COGNITO_REGION: 'local-1',
      COGNITO_USER_POOL_ID: 'local-1_Abc',
      COGNITO_CLIENT_ID: 'client1',
    });
    refresh = await import('@/lib/auth/refresh-session');
    tokens = await import('@/lib/auth/session-token');
    forwardedSessions = await import('@/lib/auth/forwarded-session');
    mock.method(console, 'error', () => {});
  });
  after(() => {
    fake.close();
    mock.restoreAll();
  });

  // A granted refresh is shared for a few seconds (lib/auth/shared-refresh.ts): the refused case has its own refresh token.
  const session = (expiresIn: number, refreshToken = 'refresh-1'): SessionToken => ({
    sub: 'sub-1',
    name: 'Ada',
    email: null,
    cognito: { accessToken: 'access-1', refreshToken, accessTokenExpiresAt: tokens.nowSeconds() + expiresIn, accessTokenLifetimeSeconds: 3600 },
  });
  const withSession = async (path: string, token: SessionToken) =>
    request(path, { headers: { cookie: `${COOKIE}=${await tokens.encodeSessionToken(token, SECRET)}` } });

  it('forwards both the refreshed cookie and the CSP to the page', async () => {
    reply = { status: 200, body: { access_token: 'access-2', expires_in: 3600 } };
    const response = await withSecurityHeaders(await withSession('/security', session(10)), OPTIONS, refresh.refreshSessionInProxy, NONCE);
    assert.equal(fake.requests.at(-1)!.form.get('refresh_token'), 'refresh-1');
    const [cookie] = response.headers.getSetCookie();
    assert.match(cookie, new RegExp(`^${COOKIE}=`));
    const pageCookie = forwarded(response, 'cookie')!;
    assert.equal(pageCookie, `${COOKIE}=${cookie.split(';')[0].slice(COOKIE.length + 1)}`);
    assert.equal(forwarded(response, 'x-nonce'), NONCE);
    assert.ok(forwarded(response, 'content-security-policy')!.includes(NONCE));
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    // The page gets the refreshed session it would decode, bound to the new cookie, not the old one.
    const claims = forwarded(response, SESSION_CLAIMS_HEADER);
    const newCookie = cookie.split(';')[0].slice(COOKIE.length + 1);
    assert.deepEqual(forwardedSessions.decodeForwardedSession(claims, 'portal', newCookie, SECRET), { user: { sub: 'sub-1', name: 'Ada', email: null }, accessToken: 'access-2', authTime: null });
    assert.equal(forwardedSessions.decodeForwardedSession(claims, 'portal', 'the-old-cookie', SECRET), null);
  });

  it('hands a fresh session it decoded to the page, for that cookie and kind only, and replaces a client’s copy', async () => {
    const value = await tokens.encodeSessionToken(session(600), SECRET);
    const hostile = request('/security', { headers: { cookie: `${COOKIE}=${value}`, [SESSION_CLAIMS_HEADER]: 'eyJ1c2VyIjp7InN1YiI6ImV2ZSJ9fQ.forged' } });
    const response = await withSecurityHeaders(hostile, OPTIONS, refresh.refreshSessionInProxy, NONCE);
    const claims = forwarded(response, SESSION_CLAIMS_HEADER);
    assert.doesNotMatch(claims!, /forged/);
    assert.deepEqual(forwardedSessions.decodeForwardedSession(claims, 'portal', value, SECRET), { user: { sub: 'sub-1', name: 'Ada', email: null }, accessToken: 'access-1', authTime: null });
    assert.equal(forwardedSessions.decodeForwardedSession(claims, 'embed', value, SECRET), null, 'not for the embedded view’s session');
    assert.equal(forwardedSessions.decodeForwardedSession(claims, 'portal', value, 't'.repeat(40)), null, 'not under another secret');
  });

  it('forwards the CSP for a fresh session, which the refresh passes through untouched', async () => {
    const before = fake.requests.length;
    const response = await withSecurityHeaders(await withSession('/security', session(600)), OPTIONS, refresh.refreshSessionInProxy, NONCE);
    assert.equal(fake.requests.length, before);
    assert.deepEqual(response.headers.getSetCookie(), []);
    assert.equal(forwarded(response, 'x-nonce'), NONCE);
  });

  it('still sends a visitor without a session from /security to sign-in, with the headers', async () => {
    const response = await withSecurityHeaders(request('/security'), OPTIONS, refresh.refreshSessionInProxy, NONCE);
    assert.equal(response.status, 307);
    assert.equal(response.headers.get('location'), 'http://localhost:3000/sign-in/start?callbackUrl=%2Fsecurity');
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
  });

  it('ends a session the pool refuses and says so to the page', async () => {
    reply = { status: 400, body: { error: 'invalid_grant' } };
    const response = await withSecurityHeaders(await withSession('/', session(10, 'refresh-refused')), OPTIONS, refresh.refreshSessionInProxy, NONCE);
    assert.equal(forwarded(response, refresh.SESSION_ENDED_HEADER), '1');
    assert.equal(forwarded(response, 'x-nonce'), NONCE);
    assert.match(response.headers.getSetCookie()[0], /Max-Age=0/i);
  });
});

describe('withResponseHeaders (the proxy, for every route)', () => {
  const NOT_PAGES = ['/api/auth/session', '/api/auth/callback/cognito', '/api/auth-popup/sign-in', '/api/auth-popup/start', '/_next/static/chunks/app.js', '/_next/image', '/favicon.ico', '/icon.svg', '/robots.txt'];
  const handlerMustNotRun = () => {
    throw new Error('the session refresh runs for pages only');
  };

  it('sends HSTS over https on every response that is not a page, and nothing of the pages’ headers', async () => {
    for (const path of NOT_PAGES) {
      const response = await withResponseHeaders(request(path), { ...OPTIONS, https: true }, handlerMustNotRun);
      assert.equal(response.headers.get('strict-transport-security'), 'max-age=63072000; includeSubDomains', path);
      assert.equal(response.headers.get('x-middleware-next'), '1', `${path} goes on to its route`);
      // Those routes set their own: the popup's COOP must keep its opener, next-auth's CSP is script-free.
      assert.equal(response.headers.get('content-security-policy'), null, path);
      assert.equal(response.headers.get('cross-origin-opener-policy'), null, path);
    }
  });

  it('sends no HSTS over plain http', async () => {
    for (const path of NOT_PAGES) {
      const response = await withResponseHeaders(request(path), OPTIONS, handlerMustNotRun);
      assert.equal(response.headers.get('strict-transport-security'), null, path);
    }
  });

  it('gives pages their security headers, HSTS among them over https, after the session handler', async () => {
    let handled = 0;
    const handle = () => ((handled += 1), NextResponse.next());
    const https = await withResponseHeaders(request('/security'), { ...OPTIONS, https: true }, handle);
    assert.equal(https.headers.get('strict-transport-security'), 'max-age=63072000; includeSubDomains');
    assert.match(https.headers.get('content-security-policy')!, /upgrade-insecure-requests/);
    const http = await withResponseHeaders(request('/api/authors'), OPTIONS, handle);
    assert.equal(http.headers.get('strict-transport-security'), null);
    assert.ok(http.headers.get('content-security-policy'), 'a path that only starts like /api/auth is a page');
    assert.equal(handled, 2);
  });
});
