import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { decodeJwt } from 'jose';
import { nowSeconds, type PoolState } from '../store';
import { snapshot, startTestPool as startHarnessPool, type TestPool as HarnessPool } from '../testing/harness';
import { SoftAuthenticator, type AssertionTamper } from '../testing/soft-authenticator';
import { sha256 } from '../tokens';
import { CookieJar, authorizeUrl, exchangeCode, openSignInForm, pkcePair, type TestPool } from './test-support';

const PASSWORD = 'Passkeys-4-everyone!';

let t: HarnessPool;
/** The same pool in test-support's shape (for exchangeCode). */
let pool: TestPool;
let poolOrigin: string;
before(async () => {
  t = await startHarnessPool();
  pool = { ...t.pool, portalCallback: t.pool.ctx.store.state.clients[0].callbackUrls[0], stop: t.close };
  poolOrigin = t.pool.info.endpoint;
});
after(() => t.close());
afterEach(async () => {
  await t.admin('PATCH', '/_local/settings', { userVerification: 'required', webauthnEnabled: true });
});

type Person = { username: string; sub: string; authenticator: SoftAuthenticator; credentialId: string };

let count = 0;
/** A user with a passkey registered through the API from the portal, as the portal does it. */
async function personWithPasskey(): Promise<Person> {
  count += 1;
  const username = `page-user-${count}`;
  const created = await t.admin('POST', '/_local/users', { username, password: PASSWORD });
  const { AccessToken } = await t.signIn(username, PASSWORD);
  const start = await t.call('StartWebAuthnRegistration', { AccessToken });
  const authenticator = new SoftAuthenticator({ origin: t.pool.info.portalUrl });
  const credential = authenticator.register(start.body.CredentialCreationOptions as PublicKeyCredentialCreationOptionsJSON);
  assert.equal((await t.call('CompleteWebAuthnRegistration', { AccessToken, Credential: credential })).status, 200);
  return { username, sub: created.body.sub as string, authenticator, credentialId: credential.id };
}

async function openForm(extra: Record<string, string> = {}) {
  const pkce = pkcePair();
  const url = authorizeUrl(pool, {
    response_type: 'code',
    client_id: t.pool.info.clientId,
    redirect_uri: pool.portalCallback,
    scope: 'openid email aws.cognito.signin.user.admin',
    state: 'page-state',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return { ...(await openSignInForm(pool, url, { jar: new CookieJar() })), verifier: pkce.verifier };
}
type Form = Awaited<ReturnType<typeof openForm>>;

/** Which form (and so which browser's cookies) each answer was for, so a refusal's redirect can be followed as that browser. */
const formOf = new WeakMap<Response, Form>();

async function post(path: string, form: Form, fields: Record<string, string>) {
  const response = await fetch(new URL(path, poolOrigin), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: form.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: form.request, csrf: form.csrf, ...fields }),
  });
  form.jar.take(response);
  formOf.set(response, form);
  return response;
}

async function options(form: Form, username = '') {
  const response = await post('/passkey/options', form, { username });
  assert.equal(response.status, 200, await response.clone().text());
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  return (await response.json()) as PublicKeyCredentialRequestOptionsJSON;
}

/** The assertion as the page's script posts it, run on the pool's own origin. */
const assertOnPage = (person: Person, requestOptions: PublicKeyCredentialRequestOptionsJSON, tamper: AssertionTamper = {}) =>
  person.authenticator.assert(requestOptions, { origin: poolOrigin, ...tamper });

const login = (form: Form, credential: AuthenticationResponseJSON | string, username = '') =>
  post('/passkey/login', form, { username, credential: typeof credential === 'string' ? credential : JSON.stringify(credential) });

const counterOf = (person: Person) => t.pool.ctx.store.state.credentials.find((c) => c.credentialId === person.credentialId)?.counter;

/** A refusal is a 303 to a fresh sign-in page (post/redirect/get) that shows why, as often as it is loaded. */
async function expectRefusal(response: Response, message: RegExp) {
  assert.equal(response.status, 303);
  const location = new URL(response.headers.get('location') ?? '');
  assert.equal(`${location.origin}${location.pathname}`, `${poolOrigin}/oauth2/authorize`);
  assert.equal(location.searchParams.get('state'), 'page-state');
  const form = formOf.get(response)!;
  for (const load of [1, 2]) {
    const page = await fetch(location, { redirect: 'manual', headers: { cookie: form.jar.header() } });
    assert.equal(page.status, 200, `load ${load}`);
    const html = await page.text();
    assert.match(html, /<p class="alert" role="alert" id="sign-in-error">[^<]+<\/p>/);
    assert.match(html, message);
    // The page is offered again, passkey button included, but not the autofill request (it could answer again at once).
    assert.match(html, /<button type="button" id="passkey-button" class="secondary"[^>]*>Sign in with a passkey<\/button>/);
    assert.match(html, /data-autofill="off"/);
    assert.match(html, /<title>Error: Sign in/);
  }
}

describe('the hosted sign-in page offers passkeys', () => {
  it('shows "Sign in with a passkey" beside the password form, with its script and form', async () => {
    const { html } = await openForm();
    assert.match(html, /<form method="post" action="\/login">[\s\S]*<button type="submit">Sign in<\/button>\n<\/form>\n<div class="passkey">/);
    assert.match(html, /<button type="button" id="passkey-button" class="secondary" aria-describedby="passkey-hint">Sign in with a passkey<\/button>/);
    assert.match(html, /<p class="hint" id="passkey-hint">/);
    assert.match(html, /<form id="passkey-form" method="post" action="\/passkey\/login" data-autofill="on" data-messages="[^"]+" hidden>/);
    // Passkeys are offered in the username field's autofill too (the script's conditional request).
    assert.match(html, /<input id="username" name="username" type="text" autocomplete="username webauthn"/);
    assert.match(html, /<script src="\/static\/passkey-sign-in\.js" defer><\/script>/);
  });

  it('serves the script from the pool, as JavaScript, and lets the page fetch its own origin', async () => {
    const script = await fetch(new URL('/static/passkey-sign-in.js', poolOrigin));
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('x-content-type-options'), 'nosniff');
    const source = await script.text();
    assert.match(source, /navigator\.credentials\.get/);
    assert.match(source, /\/passkey\/options/);
    // The autofill request, where the browser has it, aborted before the button's own request.
    assert.match(source, /isConditionalMediationAvailable/);
    assert.match(source, /mediation: 'conditional'/);
    assert.match(source, /autofill\.abort\(\)[\s\S]*navigator\.credentials\.get\(\{ publicKey: publicKeyFrom\(options\) \}\)/);
    const page = await fetch(authorizeUrl(pool, { response_type: 'code', client_id: t.pool.info.clientId, redirect_uri: pool.portalCallback, code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }));
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'; connect-src 'self';/);
  });

  it('does not offer passkeys when they are off in the pool, or when the pool’s host cannot use the RP ID', async () => {
    await t.admin('PATCH', '/_local/settings', { webauthnEnabled: false });
    const form = await openForm();
    assert.doesNotMatch(form.html, /passkey/i);
    const response = await post('/passkey/options', form, {});
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /not available/);

    // A browser on http://localhost:<port> would refuse a ceremony for another site's RP ID.
    await t.admin('PATCH', '/_local/settings', { webauthnEnabled: true, relyingPartyId: 'portal.example' });
    try {
      assert.doesNotMatch((await openForm()).html, /passkey/i);
    } finally {
      await t.admin('PATCH', '/_local/settings', { relyingPartyId: 'localhost' });
    }
    assert.match((await openForm()).html, /Sign in with a passkey/);
  });
});

describe('passkey sign-in on the hosted page', () => {
  it('signs in with a discoverable passkey: options → assertion → redirect with a code for that user', async () => {
    const person = await personWithPasskey();
    const form = await openForm();
    const requestOptions = await options(form);
    assert.deepEqual(requestOptions.allowCredentials, [], 'discoverable: the browser offers any passkey');
    assert.equal(requestOptions.rpId, 'localhost');
    assert.equal(requestOptions.userVerification, 'required');
    const stored = t.pool.ctx.store.state.passkeyChallenges.find((c) => c.challenge === requestOptions.challenge);
    assert.deepEqual(stored && { ...stored, expiresAt: 0 }, { challenge: requestOptions.challenge, requestHash: sha256(form.request), clientId: t.pool.info.clientId, expiresAt: 0 });

    const response = await login(form, assertOnPage(person, requestOptions));
    assert.equal(response.status, 302, await response.clone().text());
    const location = new URL(response.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, pool.portalCallback);
    assert.equal(location.searchParams.get('state'), 'page-state');
    const cookies = response.headers.getSetCookie().join('\n');
    assert.match(cookies, new RegExp(`local-pool-device\\.${t.pool.info.userPoolId}=`));
    assert.match(cookies, new RegExp(`local-pool-session\\.${t.pool.info.userPoolId}=[^;]+; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600`));

    const { response: tokenResponse, body } = await exchangeCode(pool, location.searchParams.get('code')!, form.verifier);
    assert.equal(tokenResponse.status, 200, JSON.stringify(body));
    const id = decodeJwt(body.id_token as string);
    assert.equal(id.sub, person.sub);
    assert.ok(Math.abs((id.auth_time as number) - nowSeconds()) <= 2, 'auth_time is when the passkey was used');
    assert.equal(counterOf(person), 1);
    assert.equal(t.pool.ctx.store.state.passkeyChallenges.some((c) => c.challenge === requestOptions.challenge), false, 'the challenge is spent');
    const session = t.pool.ctx.store.state.signInSessions.find((s) => s.sub === person.sub);
    assert.equal(session?.method, 'passkey');
  });

  it('username first: offers only that user’s passkeys, and signs in only that user', async () => {
    const alice = await personWithPasskey();
    const bob = await personWithPasskey();
    const form = await openForm();
    const requestOptions = await options(form, alice.username);
    assert.deepEqual(requestOptions.allowCredentials, [{ id: alice.credentialId, type: 'public-key', transports: ['internal', 'hybrid'] }]);
    const codesBefore = t.pool.ctx.store.state.authCodes.length;
    // Bob's passkey answering a ceremony started for Alice.
    const refused = await login(form, assertOnPage(bob, { ...requestOptions, allowCredentials: [] }), alice.username);
    await expectRefusal(refused, /not registered for an account here/);
    assert.equal(t.pool.ctx.store.state.authCodes.length, codesBefore);
    assert.equal(counterOf(bob), 0);

    const again = await options(form, alice.username);
    const response = await login(form, assertOnPage(alice, again), alice.username);
    assert.equal(response.status, 302);
    const { body } = await exchangeCode(pool, new URL(response.headers.get('location')!).searchParams.get('code')!, form.verifier);
    assert.equal(decodeJwt(body.id_token as string).sub, alice.sub);
  });

  it('answers a username without passkeys as if it had one, so the answer does not tell', async () => {
    const person = await personWithPasskey();
    const form = await openForm();
    const a = await options(form, 'nobody-here');
    const b = await options(form, 'nobody-here');
    assert.equal(a.allowCredentials?.length, 1);
    assert.deepEqual(a.allowCredentials, b.allowCredentials, 'stable across requests');
    assert.ok(!t.pool.ctx.store.state.credentials.some((c) => c.credentialId === a.allowCredentials![0].id));
    assert.notDeepEqual(a.allowCredentials, (await options(form, 'someone-else')).allowCredentials);
    // And a real passkey cannot be used to sign in as a username that has none.
    const refused = await login(form, assertOnPage(person, { ...a, allowCredentials: [] }), 'nobody-here');
    await expectRefusal(refused, /not registered for an account here/);
  });

  it('refuses a replayed assertion', async () => {
    const person = await personWithPasskey();
    const form = await openForm();
    const credential = assertOnPage(person, await options(form));
    assert.equal((await login(form, credential)).status, 302);
    // Replayed from a browser without that sign-in's session (one with it is simply signed in again by /oauth2/authorize).
    form.jar.set(`local-pool-session.${t.pool.ctx.store.state.pool.id}`, '');
    const before = snapshot(t.pool);
    await expectRefusal(await login(form, credential), /expired or was already used/);
    assert.equal(snapshot(t.pool), before);
  });

  it('refuses a wrong signature, an unknown passkey, missing user verification and a counter going back, changing only the spent challenge', async () => {
    const person = await personWithPasskey();
    const stranger = new SoftAuthenticator({ origin: poolOrigin });
    stranger.register({ rp: { id: 'localhost', name: 'localhost' }, user: { id: 'c3RyYW5nZXI', name: 'x', displayName: '' }, challenge: 'AAAA', pubKeyCredParams: [{ type: 'public-key', alg: -7 }] });
    const cases: Array<[string, (o: PublicKeyCredentialRequestOptionsJSON) => AuthenticationResponseJSON, RegExp, () => void]> = [
      ['wrong signature', (o) => assertOnPage(person, o, { badSignature: true }), /could not be verified/, () => {}],
      ['unknown passkey', (o) => stranger.assert(o), /not registered for an account here/, () => {}],
      ['no user verification', (o) => assertOnPage(person, o, { userVerified: false }), /did not confirm it was you/, () => {}],
      ['counter going back', (o) => assertOnPage(person, o), /use count went backwards/, () => (t.pool.ctx.store.state.credentials.find((c) => c.credentialId === person.credentialId)!.counter = 1000)],
      ['another origin', (o) => assertOnPage(person, o, { origin: 'https://evil.example' }), /page this user pool does not accept/, () => {}],
    ];
    for (const [name, makeAssertion, message, arrange] of cases) {
      arrange();
      const form = await openForm();
      const requestOptions = await options(form);
      const before = JSON.parse(snapshot(t.pool)) as PoolState;
      const response = await login(form, makeAssertion(requestOptions));
      await expectRefusal(response, message);
      // Only the challenge is gone.
      before.passkeyChallenges = before.passkeyChallenges.filter((c) => c.challenge !== requestOptions.challenge);
      assert.deepEqual(JSON.parse(snapshot(t.pool)), before, name);
    }
    assert.equal(counterOf(person), 1000);
  });

  it('refuses a challenge issued to another sign-in form, and leaves that challenge alone', async () => {
    const person = await personWithPasskey();
    const mine = await openForm();
    const theirs = await openForm();
    const theirOptions = await options(theirs);
    const before = snapshot(t.pool);
    await expectRefusal(await login(mine, assertOnPage(person, theirOptions)), /expired or was already used/);
    assert.equal(snapshot(t.pool), before);
    assert.equal((await login(theirs, assertOnPage(person, theirOptions))).status, 302);
  });

  it('refuses an expired challenge', async () => {
    const person = await personWithPasskey();
    const form = await openForm();
    const requestOptions = await options(form);
    t.pool.ctx.store.state.passkeyChallenges.find((c) => c.challenge === requestOptions.challenge)!.expiresAt = nowSeconds() - 1;
    await expectRefusal(await login(form, assertOnPage(person, requestOptions)), /expired or was already used/);
  });

  it('refuses a malformed answer without spending the challenge', async () => {
    const person = await personWithPasskey();
    const form = await openForm();
    const requestOptions = await options(form);
    const good = assertOnPage(person, requestOptions);
    const before = snapshot(t.pool);
    for (const bad of ['', 'not json', JSON.stringify({ ...good, type: 'other' }), JSON.stringify({ ...good, response: { ...good.response, authenticatorData: '***' } })]) {
      await expectRefusal(await login(form, bad), /could not be read/);
    }
    assert.equal(snapshot(t.pool), before);
    assert.equal((await login(form, good)).status, 302);
  });

  it('checks the CSRF pair and the sealed request on both endpoints', async () => {
    const person = await personWithPasskey();
    const form = await openForm();
    const requestOptions = await options(form);
    const before = snapshot(t.pool);
    const stranger = { ...form, jar: new CookieJar() };
    const noCookieOptions = await post('/passkey/options', stranger, {});
    assert.equal(noCookieOptions.status, 403);
    assert.match(((await noCookieOptions.json()) as { message: string }).message, /could not be checked/);
    const noCookieLogin = await login(stranger, assertOnPage(person, requestOptions));
    assert.equal(noCookieLogin.status, 403);
    assert.equal(noCookieLogin.headers.get('location'), null);
    const forged = await post('/passkey/options', { ...form, request: `${form.request}x` }, {});
    assert.equal(forged.status, 400);
    assert.equal(snapshot(t.pool), before);
    const wrongMethod = await fetch(new URL('/passkey/options', poolOrigin));
    assert.equal(wrongMethod.status, 405);
  });

  it('takes user verification from the pool settings', async () => {
    const person = await personWithPasskey();
    await t.admin('PATCH', '/_local/settings', { userVerification: 'preferred' });
    const form = await openForm();
    const requestOptions = await options(form);
    assert.equal(requestOptions.userVerification, 'preferred');
    assert.equal((await login(form, assertOnPage(person, requestOptions, { userVerified: false }))).status, 302);
  });
});
