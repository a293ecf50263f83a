import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { NextRequest } from 'next/server';
import { startFakeOAuthEndpoint, type Reply } from '@/lib/testing/fake-token-endpoint';
import type { SessionToken } from './session-token';

const SECRET = 'p'.repeat(40);
const COOKIE = 'next-auth.session-token';
let reply: Reply = { status: 200, body: {} };
let fake: Awaited<ReturnType<typeof startFakeOAuthEndpoint>>;
let proxy: typeof import('./refresh-session');
let tokens: typeof import('./session-token');

before(async () => {
  fake = await startFakeOAuthEndpoint(() => reply);
  // The portal's configuration is read once from the environment, so set it before loading.
  Object.assign(process.env, {
    NEXTAUTH_URL: 'http://localhost:3000',
    NEXTAUTH_SECRET: SECRET,
    COGNITO_LOCAL_ENDPOINT: fake.origin,
    COGNITO_REGION: 'local-1',
    COGNITO_USER_POOL_ID: 'local-1_Abc',
    COGNITO_CLIENT_ID: 'client1',
  });
  proxy = await import('./refresh-session');
  tokens = await import('./session-token');
  mock.method(console, 'error', () => {});
});
after(() => {
  fake.close();
  mock.restoreAll();
});

// A refresh the pool granted is handed to other requests with the same refresh token for a few
// seconds (shared-refresh.ts), so a case expecting another answer uses a refresh token of its own.
function session(expiresIn: number, refreshToken = 'refresh-1'): SessionToken {
  return {
    sub: 'sub-1',
    name: 'Ada',
    email: null,
    cognito: { accessToken: 'access-1', refreshToken, accessTokenExpiresAt: tokens.nowSeconds() + expiresIn, accessTokenLifetimeSeconds: 3600 },
  };
}

async function request(path: string, cookie?: SessionToken | string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const value = typeof cookie === 'string' ? cookie : cookie ? await tokens.encodeSessionToken(cookie, SECRET) : undefined;
  const headers = new Headers(init.headers);
  if (value) headers.set('cookie', `${COOKIE}=${value}; other=1`);
  return new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? 'GET', headers });
}

/** The value the page will see for a request cookie, as Next forwards it from the proxy. */
const forwardedCookie = (response: Response) => response.headers.get('x-middleware-request-cookie') ?? '';
const setCookies = (response: Response) => response.headers.getSetCookie();

describe('refreshSessionInProxy', () => {
  it('sends a visitor without a session from /security straight to sign-in (the start, not a page to click through) and back', async () => {
    const response = await proxy.refreshSessionInProxy(await request('/security?tab=1'));
    assert.equal(response.status, 307);
    assert.equal(response.headers.get('location'), 'http://localhost:3000/sign-in/start?callbackUrl=%2Fsecurity%3Ftab%3D1');
  });

  it('lets a visitor without a session see public pages untouched', async () => {
    const response = await proxy.refreshSessionInProxy(await request('/'));
    assert.equal(response.headers.get('x-middleware-next'), '1');
    assert.deepEqual(setCookies(response), []);
  });

  it('passes a fresh session through without calling the pool', async () => {
    const before = fake.requests.length;
    const response = await proxy.refreshSessionInProxy(await request('/security', session(600)));
    assert.equal(response.headers.get('x-middleware-next'), '1');
    assert.deepEqual(setCookies(response), []);
    assert.equal(fake.requests.length, before);
  });

  it('refreshes a session near expiry and gives the new cookie to both the page and the browser', async () => {
    reply = { status: 200, body: { access_token: 'access-2', expires_in: 3600 } };
    const response = await proxy.refreshSessionInProxy(await request('/security', session(10)));
    assert.equal(fake.requests.at(-1)!.form.get('refresh_token'), 'refresh-1');
    const [cookie] = setCookies(response);
    assert.match(cookie, new RegExp(`^${COOKIE}=`));
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=lax/i);
    const browserValue = cookie.slice(COOKIE.length + 1).split(';')[0];
    const refreshed = await tokens.decodeSessionToken(browserValue, SECRET);
    assert.equal(refreshed?.cognito.accessToken, 'access-2');
    assert.equal(refreshed?.cognito.refreshToken, 'refresh-1');
    assert.ok(forwardedCookie(response).includes(`${COOKIE}=${browserValue}`), 'the page renders with the new cookie');
    assert.ok(forwardedCookie(response).includes('other=1'), 'other cookies are kept');
  });

  it('refreshes the portal’s own session on the embedded view’s top-level add-passkey popup, not the embed one', async () => {
    reply = { status: 200, body: { access_token: 'access-3', expires_in: 3600 } };
    const response = await proxy.refreshSessionInProxy(await request('/embed/add-passkey?host=x&state=y', session(10, 'refresh-popup')));
    const [cookie] = setCookies(response);
    assert.match(cookie, new RegExp(`^${COOKIE}=`));
    // On the framed view itself the portal's cookie is not its session: nothing is refreshed.
    const framed = await proxy.refreshSessionInProxy(await request('/embed/security', session(10)));
    assert.deepEqual(setCookies(framed), []);
  });

  it('ends the session when the pool refuses the refresh: sign-in for /security, cleared cookie elsewhere', async () => {
    reply = { status: 400, body: { error: 'invalid_grant' } };
    const onSecurity = await proxy.refreshSessionInProxy(await request('/security', session(10, 'refresh-refused')));
    assert.equal(onSecurity.status, 307);
    assert.equal(onSecurity.headers.get('location'), 'http://localhost:3000/sign-in?callbackUrl=%2Fsecurity&reason=session-ended');
    assert.match(setCookies(onSecurity)[0], new RegExp(`^${COOKIE}=;.*Max-Age=0`, 'i'));

    const onHome = await proxy.refreshSessionInProxy(await request('/', session(10, 'refresh-refused')));
    assert.equal(onHome.headers.get('x-middleware-next'), '1');
    assert.match(setCookies(onHome)[0], /Max-Age=0/i);
    assert.ok(!forwardedCookie(onHome).includes(COOKIE), 'the page no longer sees the session');
    assert.equal(onHome.headers.get(`x-middleware-request-${proxy.SESSION_ENDED_HEADER}`), '1');
  });

  it('keeps the session when the pool does not answer', async () => {
    reply = { status: 503, body: {} };
    const response = await proxy.refreshSessionInProxy(await request('/security', session(10, 'refresh-outage')));
    assert.equal(response.headers.get('x-middleware-next'), '1');
    assert.deepEqual(setCookies(response), []);
  });

  it('clears a cookie it cannot decrypt', async () => {
    const response = await proxy.refreshSessionInProxy(await request('/security', 'forged'));
    assert.equal(response.status, 307);
    assert.match(setCookies(response)[0], /Max-Age=0/i);
  });

  it('does not trust a session-ended header sent by the browser', async () => {
    const response = await proxy.refreshSessionInProxy(await request('/', undefined, { headers: { [proxy.SESSION_ENDED_HEADER]: '1' } }));
    assert.equal(response.headers.get(`x-middleware-request-${proxy.SESSION_ENDED_HEADER}`), null);
  });

  it('leaves server actions (POST) to check the session themselves', async () => {
    const response = await proxy.refreshSessionInProxy(await request('/security', undefined, { method: 'POST' }));
    assert.equal(response.headers.get('x-middleware-next'), '1');
  });
});
