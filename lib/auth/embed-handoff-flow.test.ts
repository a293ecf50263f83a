import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { flowCookieName, FLOW_LIFETIME_SECONDS, OAUTH_STATE_PATTERN, readFlow, sessionTokenFromExchange, startFlow } from './embed-handoff-flow';
import { sessionTokenFromSignIn } from './options';

const SECRET = 's'.repeat(40);
const request = { state: 'a'.repeat(43), host: 'https://app.example', stepUp: true };
const now = () => Math.floor(Date.now() / 1000);

describe('the embed sign-in window’s own code flow', () => {
  it('remembers the view’s state and host and a PKCE verifier whose S256 is the challenge sent', async () => {
    const flow = await startFlow(request, SECRET);
    assert.match(flow.oauthState, OAUTH_STATE_PATTERN);
    const read = await readFlow(flow.cookieValue, flow.oauthState, SECRET);
    assert.ok(read);
    assert.deepEqual({ state: read.state, host: read.host, stepUp: read.stepUp }, request);
    assert.equal(createHash('sha256').update(read.codeVerifier).digest('base64url'), flow.codeChallenge);
    assert.ok(read.codeVerifier.length >= 43, 'RFC 7636 wants 43 to 128 characters');
    assert.equal(read.lang, null, 'no host lang');
  });

  it('keeps the host app’s lang for the callback’s page', async () => {
    const flow = await startFlow({ ...request, lang: 'pt-BR' }, SECRET);
    assert.equal((await readFlow(flow.cookieValue, flow.oauthState, SECRET))?.lang, 'pt-BR');
  });

  it('gives each flow fresh secrets and a cookie of its own', async () => {
    const [one, two] = await Promise.all([startFlow(request, SECRET), startFlow(request, SECRET)]);
    assert.notEqual(one.oauthState, two.oauthState);
    assert.notEqual(one.codeChallenge, two.codeChallenge);
    assert.notEqual(flowCookieName(true, one.oauthState), flowCookieName(true, two.oauthState));
    assert.match(flowCookieName(true, one.oauthState), /^__Secure-/);
  });

  it('refuses another flow’s state, another secret, a tampered or missing cookie, and an old one', async () => {
    const flow = await startFlow(request, SECRET);
    const other = await startFlow(request, SECRET);
    assert.equal(await readFlow(flow.cookieValue, other.oauthState, SECRET), null);
    assert.equal(await readFlow(flow.cookieValue, flow.oauthState, 't'.repeat(40)), null);
    assert.equal(await readFlow(`${flow.cookieValue.slice(0, -2)}xx`, flow.oauthState, SECRET), null);
    assert.equal(await readFlow(undefined, flow.oauthState, SECRET), null);
    assert.ok(await readFlow(flow.cookieValue, flow.oauthState, SECRET, now() + FLOW_LIFETIME_SECONDS - 5));
    assert.equal(await readFlow(flow.cookieValue, flow.oauthState, SECRET, now() + FLOW_LIFETIME_SECONDS + 5), null);
  });

  it('builds the session token next-auth’s jwt callback builds from the same tokens', () => {
    const claims = { sub: 'sub-1', email: 'ada@example.com', name: 'Ada', auth_time: 1_800_000_000 };
    const idToken = `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
    const tokens = { accessToken: 'a1', refreshToken: 'r1', idToken, expiresInSeconds: 3600, idClaims: claims };
    const at = 1_800_000_010;
    const fromNextAuth = sessionTokenFromSignIn(
      { sub: 'sub-1', name: 'Ada', email: 'ada@example.com' },
      { provider: 'cognito', type: 'oauth', providerAccountId: 'sub-1', access_token: 'a1', refresh_token: 'r1', id_token: idToken, expires_at: at + 3600 },
      at,
    );
    assert.deepEqual(sessionTokenFromExchange(tokens, at), fromNextAuth);
    assert.deepEqual(fromNextAuth, {
      sub: 'sub-1',
      name: 'Ada',
      email: 'ada@example.com',
      authTime: 1_800_000_000,
      cognito: { accessToken: 'a1', refreshToken: 'r1', accessTokenExpiresAt: at + 3600, accessTokenLifetimeSeconds: 3600 },
    });
  });
});
