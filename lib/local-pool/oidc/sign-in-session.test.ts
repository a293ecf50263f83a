import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { loadPoolConfig } from '../config';
import { startPool } from '../server';
import { nowSeconds } from '../store';
import { sha256 } from '../tokens';
import { CookieJar, authorizeUrl, exchangeCode, pkcePair, signInWithPkce, startTestPool, tokenRequest, type TestPool } from './test-support';

let pool: TestPool;
before(async () => {
  pool = await startTestPool();
});
after(() => pool.stop());
afterEach(() => {
  pool.ctx.config.sessions.signInTtlSeconds = 3600;
});

const cookieName = () => `local-pool-session.${pool.info.userPoolId}`;

/** An authorize request from the portal, as a browser with this jar opens it. */
async function authorize(jar: CookieJar, extra: Record<string, string> = {}, target: TestPool = pool) {
  const pkce = pkcePair();
  const url = authorizeUrl(target, {
    response_type: 'code',
    client_id: target.info.clientId,
    redirect_uri: target.portalCallback,
    scope: 'openid email aws.cognito.signin.user.admin',
    state: 'st-1',
    nonce: 'nonce-1',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(response);
  const location = response.headers.get('location') ? new URL(response.headers.get('location')!) : undefined;
  return { response, location, verifier: pkce.verifier, html: response.status === 200 ? await response.text() : '' };
}

/** Signs in with the password form and returns the jar (holding the pool's session cookie) and the first tokens. */
async function signedInBrowser() {
  const { jar, code, verifier } = await signInWithPkce(pool);
  const { body } = await exchangeCode(pool, code, verifier);
  return { jar, tokens: body as Record<string, string> };
}

const sessionOf = (jar: CookieJar) => pool.ctx.store.state.signInSessions.find((s) => s.idHash === sha256(decodeURIComponent(jar.get(cookieName())!)));

/** Pretends the sign-in behind this browser's session happened `seconds` ago. */
function ageSession(jar: CookieJar, seconds: number): number {
  const session = sessionOf(jar)!;
  session.authTime = nowSeconds() - seconds;
  return session.authTime;
}

async function silentTokens(jar: CookieJar, extra: Record<string, string> = {}) {
  const { response, location, verifier } = await authorize(jar, extra);
  assert.equal(response.status, 302, 'no form: signed in from the session');
  assert.equal(location!.searchParams.get('error'), null);
  assert.equal(location!.searchParams.get('state'), 'st-1');
  const { response: tokenResponse, body } = await exchangeCode(pool, location!.searchParams.get('code')!, verifier);
  assert.equal(tokenResponse.status, 200, JSON.stringify(body));
  return body as Record<string, string>;
}

describe('the pool’s own sign-in session', () => {
  it('starts with a password sign-in: an HttpOnly, SameSite=Lax cookie on the pool naming a hashed record', async () => {
    const { jar, code, verifier } = await signInWithPkce(pool);
    const value = decodeURIComponent(jar.get(cookieName())!);
    assert.ok(value.length >= 43);
    const session = sessionOf(jar)!;
    assert.equal(session.method, 'password');
    assert.equal(session.sub, pool.ctx.store.state.users[0].sub);
    assert.ok(Math.abs(session.expiresAt - (nowSeconds() + 3600)) <= 2);
    const onDisk = readFileSync(join(pool.info.dataFile), 'utf8');
    assert.ok(onDisk.includes(sha256(value)) && !onDisk.includes(value), 'only the hash is stored');
    const { body } = await exchangeCode(pool, code, verifier);
    assert.equal(decodeJwt(body.id_token as string).auth_time, session.authTime);
  });

  it('signs the same browser in again without the form, keeping the first sign-in’s auth_time', async () => {
    const { jar } = await signedInBrowser();
    const authTime = ageSession(jar, 600);
    const tokens = await silentTokens(jar);
    assert.equal(decodeJwt(tokens.id_token).auth_time, authTime);
    assert.equal(decodeJwt(tokens.access_token).auth_time, authTime);
    assert.equal(decodeJwt(tokens.id_token).nonce, 'nonce-1');
    assert.equal(sessionOf(jar)!.authTime, authTime, 'a silent sign-in does not refresh the session either');
  });

  it('keeps auth_time across refreshes of a silent sign-in’s tokens, by the token endpoint and REFRESH_TOKEN_AUTH', async () => {
    const { jar } = await signedInBrowser();
    const authTime = ageSession(jar, 900);
    const tokens = await silentTokens(jar);
    const refreshed = await tokenRequest(pool, { grant_type: 'refresh_token', client_id: pool.info.clientId, refresh_token: tokens.refresh_token });
    assert.equal(refreshed.response.status, 200);
    assert.equal(decodeJwt(refreshed.body.id_token as string).auth_time, authTime);
    const api = await fetch(`${pool.info.endpoint}/`, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth', 'Content-Type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: pool.info.clientId, AuthParameters: { REFRESH_TOKEN: tokens.refresh_token } }),
    });
    const result = (await api.json()) as { AuthenticationResult: { AccessToken: string } };
    assert.equal(decodeJwt(result.AuthenticationResult.AccessToken).auth_time, authTime);
  });

  it('shows the form for prompt=login, with the username filled in, and a new sign-in gets a new auth_time', async () => {
    const { jar } = await signedInBrowser();
    const oldAuthTime = ageSession(jar, 600);
    const { response, html, verifier } = await authorize(jar, { prompt: 'login' });
    assert.equal(response.status, 200);
    assert.match(html, /<button type="submit">Sign in<\/button>/);
    assert.match(html, new RegExp(`id="username"[^>]*value="${pool.info.demoUsername}"`));
    const request = /name="request" value="([^"]+)"/.exec(html)![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1];
    const login = await fetch(new URL('/login', pool.info.endpoint), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, csrf, username: pool.info.demoUsername, password: pool.info.demoPassword }),
    });
    assert.equal(login.status, 302);
    jar.take(login);
    const code = new URL(login.headers.get('location')!).searchParams.get('code')!;
    const { body } = await exchangeCode(pool, code, verifier);
    const authTime = decodeJwt(body.id_token as string).auth_time as number;
    assert.ok(authTime > oldAuthTime && Math.abs(authTime - nowSeconds()) <= 2);
    assert.equal(sessionOf(jar)!.authTime, authTime, 'the session now carries the new sign-in');
  });

  it('honours max_age: an older sign-in shows the form, a recent enough one does not', async () => {
    const { jar } = await signedInBrowser();
    const authTime = ageSession(jar, 600);
    const tooOld = await authorize(jar, { max_age: '300' });
    assert.equal(tooOld.response.status, 200);
    assert.match(tooOld.html, /<form method="post" action="\/login">/);
    assert.equal(decodeJwt((await silentTokens(jar, { max_age: '900' })).id_token).auth_time, authTime);
    assert.equal((await authorize(jar, { max_age: '0' })).response.status, 200, 'max_age=0 always asks');
    const bad = await authorize(jar, { max_age: 'soon' });
    assert.equal(bad.location?.searchParams.get('error'), 'invalid_request');
  });

  it('with prompt=none answers login_required when there is no usable session, and signs in silently when there is', async () => {
    const { location } = await authorize(new CookieJar(), { prompt: 'none' });
    assert.equal(`${location!.origin}${location!.pathname}`, pool.portalCallback);
    assert.equal(location!.searchParams.get('error'), 'login_required');
    assert.equal(location!.searchParams.get('state'), 'st-1');
    assert.equal(location!.searchParams.get('code'), null);

    const { jar } = await signedInBrowser();
    await silentTokens(jar, { prompt: 'none' });
    ageSession(jar, 600);
    const tooOld = await authorize(jar, { prompt: 'none', max_age: '60' });
    assert.equal(tooOld.location!.searchParams.get('error'), 'login_required');
    const mixed = await authorize(jar, { prompt: 'none login' });
    assert.equal(mixed.location!.searchParams.get('error'), 'invalid_request');
  });

  it('ends at /logout: the record is deleted and the cookie cleared, so the form shows again', async () => {
    const { jar } = await signedInBrowser();
    const idHash = sessionOf(jar)!.idHash;
    const badLogout = await fetch(new URL(`/logout?client_id=${pool.info.clientId}&logout_uri=https://attacker.example/`, pool.info.endpoint), { redirect: 'manual', headers: { cookie: jar.header() } });
    assert.equal(badLogout.status, 400);
    assert.ok(sessionOf(jar), 'a refused sign-out ends nothing');

    const logout = await fetch(new URL(`/logout?client_id=${pool.info.clientId}&logout_uri=${encodeURIComponent(pool.ctx.store.state.clients[0].logoutUrls[0])}`, pool.info.endpoint), {
      redirect: 'manual',
      headers: { cookie: jar.header() },
    });
    assert.equal(logout.status, 302);
    assert.match(logout.headers.getSetCookie().join('\n'), new RegExp(`${cookieName().replace('.', '\\.')}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`));
    assert.equal(pool.ctx.store.state.signInSessions.some((s) => s.idHash === idHash), false);
    assert.equal(JSON.parse(readFileSync(pool.info.dataFile, 'utf8')).signInSessions.some((s: { idHash: string }) => s.idHash === idHash), false, 'committed');
    // Even a browser that kept the old cookie is asked again.
    const stale = new CookieJar();
    stale.set(cookieName(), jar.get(cookieName())!);
    jar.take(logout);
    assert.equal((await authorize(jar)).response.status, 200);
    assert.equal((await authorize(stale)).response.status, 200);
  });

  it('ends with GlobalSignOut', async () => {
    const { jar, tokens } = await signedInBrowser();
    const result = await fetch(`${pool.info.endpoint}/`, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.GlobalSignOut', 'Content-Type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ AccessToken: tokens.access_token }),
    });
    assert.equal(result.status, 200);
    assert.equal(sessionOf(jar), undefined);
    assert.equal((await authorize(jar)).response.status, 200);
  });

  it('is not fooled by a forged or expired cookie', async () => {
    const forged = new CookieJar();
    forged.set(cookieName(), 'A'.repeat(43));
    assert.equal((await authorize(forged)).response.status, 200);
    const { jar } = await signedInBrowser();
    sessionOf(jar)!.expiresAt = nowSeconds() - 1;
    assert.equal((await authorize(jar)).response.status, 200);
  });

  it('replaces the browser’s session at each sign-in, never keeping the old one', async () => {
    const { jar } = await signedInBrowser();
    const first = sessionOf(jar)!.idHash;
    await signInWithPkce(pool, { jar, prompt: 'login' });
    const second = sessionOf(jar)!.idHash;
    assert.notEqual(first, second);
    assert.equal(pool.ctx.store.state.signInSessions.some((s) => s.idHash === first), false);
  });

  it('can be turned off (LOCAL_POOL_SIGN_IN_SESSION_TTL=0): every authorize shows the form', async () => {
    pool.ctx.config.sessions.signInTtlSeconds = 0;
    const { jar } = await signInWithPkce(pool);
    assert.equal(jar.get(cookieName()), '');
    assert.equal((await authorize(jar)).response.status, 200);
    assert.equal(loadPoolConfig({ LOCAL_POOL_SIGN_IN_SESSION_TTL: '0' }).sessions.signInTtlSeconds, 0);
    assert.equal(loadPoolConfig({}).sessions.signInTtlSeconds, 3600);
    assert.throws(() => loadPoolConfig({ LOCAL_POOL_SIGN_IN_SESSION_TTL: '-1' }), /LOCAL_POOL_SIGN_IN_SESSION_TTL/);
  });

  it('survives a restart of the pool', async () => {
    const { jar } = await signedInBrowser();
    const authTime = ageSession(jar, 120);
    await pool.ctx.store.commit();
    const dataFile = pool.info.dataFile;
    const restarted = await startPool(loadPoolConfig({ LOCAL_POOL_PORT: '0', LOCAL_POOL_DATA: dataFile }));
    try {
      const again: TestPool = { ...restarted, portalCallback: restarted.ctx.store.state.clients[0].callbackUrls[0], stop: restarted.close };
      const { response, location, verifier } = await authorize(jar, {}, again);
      assert.equal(response.status, 302);
      const { body } = await exchangeCode(again, location!.searchParams.get('code')!, verifier);
      assert.equal(decodeJwt(body.id_token as string).auth_time, authTime);
    } finally {
      await restarted.close();
    }
  });
});
