import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sealToken } from '../tokens';
import { CookieJar, addConfidentialClient, authorizeUrl, openSignInForm, pkcePair, postLogin, startTestPool, type TestPool } from './test-support';

describe('authorize endpoint and sign-in page', () => {
  let pool: TestPool;
  let goodParams: Record<string, string>;
  before(async () => {
    pool = await startTestPool();
    goodParams = {
      response_type: 'code',
      client_id: pool.info.clientId,
      redirect_uri: pool.portalCallback,
      scope: 'openid email',
      state: 'xyz',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    };
  });
  after(() => pool.stop());

  const authorize = (params: Record<string, string | undefined>) => fetch(authorizeUrl(pool, params), { redirect: 'manual' });

  it('renders an accessible sign-in form with no inline script', async () => {
    const response = await authorize(goodParams);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(response.headers.get('set-cookie') ?? '', /^local-pool-csrf\.[^=]+=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const html = await response.text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Sign in – Local user pool<\/title>/);
    assert.match(html, /<main>[\s\S]*<h1>Sign in<\/h1>[\s\S]*<\/main>/);
    assert.match(html, /<label for="username">Username<\/label>\s*<input id="username" name="username" type="text" autocomplete="username"/);
    assert.match(html, /<label for="password">Password<\/label>\s*<input id="password" name="password" type="password" autocomplete="current-password"/);
    assert.match(html, /<button type="submit">Sign in<\/button>/);
    assert.match(html, /<form method="post" action="\/login">/);
    assert.match(html, /prefers-color-scheme: dark/);
    // Script only from the pool's own file (the passkey button's), never inline.
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag), ['<script src="/static/passkey-sign-in.js" defer>']);
    assert.doesNotMatch(html, /<script[^>]*>[^<]|\son[a-z]+=/i);
    assert.doesNotMatch(html, /role="alert"/);
  });

  it('shows an error page, never a redirect, for an unknown client or unregistered redirect_uri', async () => {
    for (const params of [
      { ...goodParams, client_id: 'nosuchclient' },
      { ...goodParams, redirect_uri: 'https://attacker.example/callback' },
      { ...goodParams, redirect_uri: undefined },
    ]) {
      const response = await authorize(params);
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /<h1>Cannot sign in<\/h1>/);
    }
  });

  it('sends other errors back to the client with error, error_description and state', async () => {
    const cases: Array<[Record<string, string | undefined>, string]> = [
      [{ ...goodParams, scope: 'openid phone' }, 'invalid_scope'],
      [{ ...goodParams, response_type: 'token' }, 'unsupported_response_type'],
      [{ ...goodParams, code_challenge_method: 'plain' }, 'invalid_request'],
      [{ ...goodParams, code_challenge_method: undefined }, 'invalid_request'],
      [{ ...goodParams, code_challenge: undefined, code_challenge_method: undefined }, 'invalid_request'],
      [{ ...goodParams, code_challenge: 'too-short' }, 'invalid_request'],
    ];
    for (const [params, error] of cases) {
      const response = await authorize(params);
      assert.equal(response.status, 302, JSON.stringify(params));
      const location = new URL(response.headers.get('location') ?? '');
      assert.equal(`${location.origin}${location.pathname}`, pool.portalCallback);
      assert.equal(location.searchParams.get('error'), error, JSON.stringify(params));
      assert.ok(location.searchParams.get('error_description'));
      assert.equal(location.searchParams.get('state'), 'xyz');
      assert.equal(location.searchParams.get('code'), null);
    }
  });

  it('lets a client with a secret sign in without PKCE', async () => {
    const client = addConfidentialClient(pool);
    const response = await authorize({ response_type: 'code', client_id: client.clientId, redirect_uri: client.callbackUrls[0], scope: 'openid' });
    assert.equal(response.status, 200);
  });

  it('keeps the username and shows the alert after a wrong password, issuing no code', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const codesBefore = pool.ctx.store.state.authCodes.length;
    const response = await postLogin(pool, { request: form.request, csrf: form.csrf, username: pool.info.demoUsername, password: 'wrong password' }, { jar: form.jar });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null);
    const html = await response.text();
    assert.match(html, /<p class="alert" role="alert" id="sign-in-error">Incorrect username or password\.<\/p>/);
    assert.match(html, new RegExp(`name="username"[^>]*value="${pool.info.demoUsername}"`));
    assert.match(html, /<title>Error: Sign in/);
    assert.equal(pool.ctx.store.state.authCodes.length, codesBefore);

    const unknownUser = await postLogin(pool, { request: form.request, csrf: form.csrf, username: 'nobody', password: 'wrong password' }, { jar: form.jar });
    assert.equal(unknownUser.status, 400);
    assert.match(await unknownUser.text(), /role="alert"[^>]*>Incorrect username or password\./);

    // The re-rendered form still works.
    const retry = await postLogin(pool, { request: form.request, csrf: form.csrf, username: pool.info.demoUsername, password: pool.info.demoPassword }, { jar: form.jar });
    assert.equal(retry.status, 302);
  });

  it('escapes what it echoes back', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const response = await postLogin(pool, { request: form.request, csrf: form.csrf, username: '"><script>alert(1)</script>', password: 'x' }, { jar: form.jar });
    const html = await response.text();
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /value="&quot;&gt;&lt;script&gt;/);
  });

  it('refuses a sign-in without the CSRF cookie, with a wrong CSRF field, or with another browser’s pair', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const other = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const credentials = { username: pool.info.demoUsername, password: pool.info.demoPassword };
    const codesBefore = pool.ctx.store.state.authCodes.length;

    const noCookie = await postLogin(pool, { request: form.request, csrf: form.csrf, ...credentials }, { jar: new CookieJar() });
    const missingField = await postLogin(pool, { request: form.request, ...credentials }, { jar: form.jar });
    const wrongField = await postLogin(pool, { request: form.request, csrf: 'x'.repeat(43), ...credentials }, { jar: form.jar });
    const crossed = await postLogin(pool, { request: form.request, csrf: other.csrf, ...credentials }, { jar: form.jar });
    for (const response of [noCookie, missingField, wrongField, crossed]) {
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /Start signing in again/);
    }
    assert.equal(pool.ctx.store.state.authCodes.length, codesBefore);
  });

  it('refuses a forged or expired sign-in request', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const credentials = { username: pool.info.demoUsername, password: pool.info.demoPassword };
    const [body, mac] = form.request.split('.');
    const tampered = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { request: { redirectUri: string } };
    tampered.request.redirectUri = 'https://attacker.example/callback';
    const forged = await postLogin(pool, { request: `${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${mac}`, csrf: form.csrf, ...credentials }, { jar: form.jar });
    assert.equal(forged.status, 400);
    assert.equal(forged.headers.get('location'), null);

    const request = { clientId: pool.info.clientId, redirectUri: pool.portalCallback, scope: 'openid', codeChallenge: pkcePair().challenge };
    const expiredRequest = sealToken(pool.ctx.store.state.secret, { op: 'oidc-sign-in', request, exp: Math.floor(Date.now() / 1000) - 1 });
    const expired = await postLogin(pool, { request: expiredRequest, csrf: form.csrf, ...credentials }, { jar: form.jar });
    assert.equal(expired.status, 400);
    assert.match(await expired.text(), /expired[\s\S]*href="http:\/\/localhost:\d+\/oauth2\/authorize\?/);
  });

  it('redirects to the client with the code and state on success', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const response = await postLogin(pool, { request: form.request, csrf: form.csrf, username: pool.info.demoUsername, password: pool.info.demoPassword }, { jar: form.jar });
    assert.equal(response.status, 302);
    const location = new URL(response.headers.get('location') ?? '');
    assert.equal(`${location.origin}${location.pathname}`, pool.portalCallback);
    assert.equal(location.searchParams.get('state'), 'xyz');
    assert.match(location.searchParams.get('code') ?? '', /^[\w-]{43}$/);
  });
});
