import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { startFakeOAuthEndpoint, type Reply } from '@/lib/testing/fake-token-endpoint';
import { poolLogoutUrl, refreshTokens, revokeRefreshToken } from './oauth';

let reply: Reply = { status: 200, body: {} };
let fake: Awaited<ReturnType<typeof startFakeOAuthEndpoint>>;
const settings = (clientSecret?: string) => ({
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Abc',
  clientId: 'client-1',
  clientSecret,
  issuer: 'unused',
  oauthOrigin: fake.origin,
  sdkEndpoint: undefined,
});

before(async () => {
  fake = await startFakeOAuthEndpoint(() => reply);
  mock.method(console, 'error', () => {});
});
after(() => {
  fake.close();
  mock.restoreAll();
});

describe('refreshTokens', () => {
  it('posts a refresh_token grant with the public client ID and reads the new tokens', async () => {
    reply = { status: 200, body: { access_token: 'a2', id_token: 'i2', expires_in: 3600, token_type: 'Bearer' } };
    const result = await refreshTokens('r1', settings());
    assert.deepEqual(result, { ok: true, tokens: { accessToken: 'a2', idToken: 'i2', refreshToken: undefined, expiresInSeconds: 3600 } });
    const request = fake.requests.at(-1)!;
    assert.equal(request.path, '/oauth2/token');
    assert.deepEqual(Object.fromEntries(request.form), { grant_type: 'refresh_token', refresh_token: 'r1', client_id: 'client-1' });
    assert.equal(request.headers.authorization, undefined);
  });

  it('authenticates with HTTP Basic when the app client has a secret', async () => {
    reply = { status: 200, body: { access_token: 'a2', refresh_token: 'r2', expires_in: 60 } };
    const result = await refreshTokens('r1', settings('s e/cret'));
    assert.equal(result.ok && result.tokens.refreshToken, 'r2');
    const expected = Buffer.from('client-1:s%20e%2Fcret').toString('base64');
    assert.equal(fake.requests.at(-1)!.headers.authorization, `Basic ${expected}`);
  });

  it('treats a 4xx as the end of the session and a 5xx or no answer as an outage', async () => {
    reply = { status: 400, body: { error: 'invalid_grant' } };
    assert.deepEqual({ ...(await refreshTokens('r1', settings())), detail: '' }, { ok: false, reason: 'rejected', detail: '' });
    reply = { status: 503, body: {} };
    const outage = await refreshTokens('r1', settings());
    assert.equal(!outage.ok && outage.reason, 'unavailable');
    const dead = { ...settings(), oauthOrigin: 'http://127.0.0.1:9' };
    const result = await refreshTokens('r1', dead);
    assert.equal(!result.ok && result.reason, 'unavailable');
  });

  it('refuses an answer without an access token', async () => {
    reply = { status: 200, body: { id_token: 'i2' } };
    const result = await refreshTokens('r1', settings());
    assert.equal(!result.ok && result.reason, 'unavailable');
  });
});

describe('revokeRefreshToken', () => {
  it('posts the token to /oauth2/revoke and reports the outcome', async () => {
    reply = { status: 200, body: {} };
    assert.equal(await revokeRefreshToken('r1', settings()), true);
    const request = fake.requests.at(-1)!;
    assert.equal(request.path, '/oauth2/revoke');
    assert.deepEqual(Object.fromEntries(request.form), { token: 'r1', client_id: 'client-1' });
    reply = { status: 400, body: { error: 'unsupported_token_type' } };
    assert.equal(await revokeRefreshToken('r1', settings()), false);
  });
});

describe('poolLogoutUrl', () => {
  it('names the app client and returns to the portal home', () => {
    const url = new URL(poolLogoutUrl({ portalUrl: 'https://portal.example.com', cognito: settings() }));
    assert.equal(url.origin + url.pathname, `${fake.origin}/logout`);
    assert.equal(url.searchParams.get('client_id'), 'client-1');
    assert.equal(url.searchParams.get('logout_uri'), 'https://portal.example.com/');
  });
});
