import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sealToken } from '../tokens';
import { CookieJar, addConfidentialClient, authorizeUrl, hiddenField, openSignInForm, pkcePair, postLogin, startTestPool, type TestPool } from './test-support';

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
    assert.match(html, /<html lang="en" dir="ltr">/);
    // Named and styled as the portal (LOCAL_POOL_PRODUCT_NAME), with the portal's mark from the pool's own origin.
    assert.match(html, /<title>Sign in – Account security<\/title>/);
    assert.match(html, /<header><div class="brand"><img src="\/static\/icon\.svg" alt="" width="24" height="24">Account security<\/div><\/header>/);
    assert.match(html, /<main>[\s\S]*<h1>Sign in<\/h1>[\s\S]*<\/main>/);
    assert.match(html, /<label for="username">Username<\/label>\s*<input id="username" name="username" type="text" autocomplete="username webauthn"/);
    assert.match(html, /<label for="password">Password<\/label>\s*<input id="password" name="password" type="password" autocomplete="current-password"/);
    assert.match(html, /<button type="submit">Sign in<\/button>/);
    assert.match(html, /<form method="post" action="\/login">/);
    assert.match(html, /<a href="\/forgot-password\?response_type=code&amp;client_id=[^"]+">Forgot your password\?<\/a>/);
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

  /** Follows a failed sign-in's redirect as the browser of `jar` does. */
  const followFailure = async (response: Response, jar: CookieJar) => {
    assert.equal(response.status, 303);
    const location = new URL(response.headers.get('location') ?? '');
    const page = await fetch(location, { redirect: 'manual', headers: { cookie: jar.header() } });
    assert.equal(page.status, 200);
    return { location, html: await page.text() };
  };

  it('answers a wrong password with a redirect to a fresh form that keeps the username and shows the alert, issuing no code', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const codesBefore = pool.ctx.store.state.authCodes.length;
    const response = await postLogin(pool, { request: form.request, csrf: form.csrf, username: pool.info.demoUsername, password: 'wrong password' }, { jar: form.jar });
    // Post/redirect/get: the same sign-in started again, so reloading it never posts the password again.
    const { location, html } = await followFailure(response, form.jar);
    assert.equal(`${location.origin}${location.pathname}`, `${pool.info.endpoint}/oauth2/authorize`);
    assert.equal(location.searchParams.get('state'), 'xyz');
    assert.equal(location.searchParams.get('code_challenge'), goodParams.code_challenge);
    // Only an opaque id travels in the URL: not the username, not the message.
    assert.match(location.searchParams.get('sign_in_notice') ?? '', /^[\w-]{22}$/);
    assert.doesNotMatch(location.search, new RegExp(`${pool.info.demoUsername}|Incorrect`));
    assert.match(html, /<p class="alert" role="alert" id="sign-in-error">Incorrect username or password\.<\/p>/);
    assert.match(html, new RegExp(`name="username"[^>]*value="${pool.info.demoUsername}"`));
    assert.match(html, /<title>Error: Sign in/);
    assert.equal(pool.ctx.store.state.authCodes.length, codesBefore);

    // Reloading shows the same fresh form with the same error.
    const reload = await fetch(location, { headers: { cookie: form.jar.header() } });
    assert.match(await reload.text(), /role="alert"[^>]*>Incorrect username or password\.[\s\S]*value="demo"/);

    const unknownUser = await postLogin(pool, { request: form.request, csrf: form.csrf, username: 'nobody', password: 'wrong password' }, { jar: form.jar });
    assert.match((await followFailure(unknownUser, form.jar)).html, /role="alert"[^>]*>Incorrect username or password\./);

    // The fresh form works.
    const retry = await postLogin(pool, { request: hiddenField(html, 'request'), csrf: hiddenField(html, 'csrf'), username: pool.info.demoUsername, password: pool.info.demoPassword }, { jar: form.jar });
    assert.equal(retry.status, 302);
  });

  it('shows a failure only to the browser that made it, and nothing for a forged or unknown notice', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const response = await postLogin(pool, { request: form.request, csrf: form.csrf, username: 'secret-name', password: 'wrong password' }, { jar: form.jar });
    const location = new URL(response.headers.get('location') ?? '');
    const stranger = await (await fetch(location, { headers: { cookie: new CookieJar().header() } })).text();
    assert.doesNotMatch(stranger, /role="alert"|secret-name/);
    for (const notice of ['wrong-password', 'Incorrect username or password', '<script>alert(1)</script>', 'x'.repeat(22)]) {
      const forged = new URL(location);
      forged.searchParams.set('sign_in_notice', notice);
      const html = await (await fetch(forged, { headers: { cookie: form.jar.header() } })).text();
      assert.doesNotMatch(html, /role="alert"|<script>alert/, notice);
    }
    // Two notices named at once: neither is shown.
    const doubled = new URL(location);
    doubled.searchParams.append('sign_in_notice', location.searchParams.get('sign_in_notice')!);
    assert.doesNotMatch(await (await fetch(doubled, { headers: { cookie: form.jar.header() } })).text(), /role="alert"/);
  });

  it('escapes what it echoes back', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const response = await postLogin(pool, { request: form.request, csrf: form.csrf, username: '"><script>alert(1)</script>', password: 'x' }, { jar: form.jar });
    const { html } = await followFailure(response, form.jar);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /value="&quot;&gt;&lt;script&gt;/);
  });

  it('explains on its forgot-password page what the local pool does instead, with a way back to the same sign-in', async () => {
    const form = await openSignInForm(pool, authorizeUrl(pool, goodParams));
    const href = /<a href="([^"]+)">Forgot your password\?<\/a>/.exec(form.html)![1].replace(/&amp;/g, '&');
    const response = await fetch(new URL(href, pool.info.endpoint));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    const html = await response.text();
    assert.match(html, /<title>Forgot your password\? – Account security<\/title>/);
    assert.match(html, /<h1>Forgot your password\?<\/h1>/);
    assert.match(html, /sends no email/);
    assert.match(html, /LOCAL_POOL_DEMO_PASSWORD/);
    assert.match(html, /PUT \/_local\/users\/&lt;username&gt;\/password/);
    const back = new URL(/<a href="([^"]+)">Back to sign in<\/a>/.exec(html)![1].replace(/&amp;/g, '&'));
    assert.equal(`${back.origin}${back.pathname}`, `${pool.info.endpoint}/oauth2/authorize`);
    assert.equal(back.searchParams.get('state'), 'xyz');
    assert.equal(back.searchParams.get('redirect_uri'), pool.portalCallback);

    // Parameters that would not pass /oauth2/authorize get no way back, rather than a link elsewhere.
    const hostile = new URL('/forgot-password', pool.info.endpoint);
    for (const [name, value] of Object.entries({ ...goodParams, redirect_uri: 'https://attacker.example/callback' })) hostile.searchParams.set(name, value);
    const hostileHtml = await (await fetch(hostile)).text();
    assert.match(hostileHtml, /<h1>Forgot your password\?<\/h1>/);
    assert.doesNotMatch(hostileHtml, /Back to sign in|attacker/);
  });

  it('names its pages after LOCAL_POOL_PRODUCT_NAME, escaped', async () => {
    const named = await startTestPool({ LOCAL_POOL_PRODUCT_NAME: 'Acme <Security>' });
    try {
      const params = { ...goodParams, client_id: named.info.clientId, redirect_uri: named.portalCallback };
      const html = await (await fetch(authorizeUrl(named, params))).text();
      assert.match(html, /<title>Sign in – Acme &lt;Security&gt;<\/title>/);
      assert.match(html, /alt="" width="24" height="24">Acme &lt;Security&gt;<\/div>/);
      const icon = await fetch(new URL('/static/icon.svg', named.info.endpoint));
      assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
      assert.match(await icon.text(), /^<svg /);
    } finally {
      await named.stop();
    }
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
