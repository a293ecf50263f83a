import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startFakeOAuthEndpoint, type Reply } from '@/lib/testing/fake-token-endpoint';
import { authorizeUrl, exchangeAuthorizationCode, poolLogoutUrl, refreshTokens, revokeRefreshToken } from './oauth';

let reply: Reply = { status: 200, body: {} };
let fake: Awaited<ReturnType<typeof startFakeOAuthEndpoint>>;
const settings = (clientSecret?: string) => ({
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Abc',
  clientId: 'client-1',
  clientSecret,
  issuer: `${fake.origin}/eu-west-1_Abc`,
  oauthOrigin: fake.origin,
  sdkEndpoint: undefined,
});

let signingKey: CryptoKey;
let jwks: unknown;

before(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  fake = await startFakeOAuthEndpoint((request) => (request.path.endsWith('/.well-known/jwks.json') ? { status: 200, body: jwks } : reply));
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

describe('authorizeUrl', () => {
  it('asks for a code with PKCE (S256) at the pool, with the extra parameters', () => {
    const url = new URL(authorizeUrl({ redirectUri: 'https://portal.example/cb', state: 'st', codeChallenge: 'ch', scope: 'openid email', extra: { prompt: 'login', max_age: '600' } }, settings()));
    assert.equal(url.origin + url.pathname, `${fake.origin}/oauth2/authorize`);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://portal.example/cb',
      scope: 'openid email',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      prompt: 'login',
      max_age: '600',
    });
  });
});

describe('exchangeAuthorizationCode', () => {
  const idToken = (claims: Record<string, unknown> = {}, key = signingKey, issuer = settings().issuer) =>
    new SignJWT({ token_use: 'id', email: 'ada@example.com', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('sub-1')
      .setIssuer(issuer)
      .setAudience('client-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
  const grant = { code: 'c1', codeVerifier: 'v1', redirectUri: 'https://portal.example/api/auth-popup/callback' };

  it('posts the code with its verifier and redirect_uri, and verifies the ID token', async () => {
    reply = { status: 200, body: { access_token: 'a1', refresh_token: 'r1', id_token: await idToken(), expires_in: 3600 } };
    const result = await exchangeAuthorizationCode(grant, settings());
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.tokens.idClaims.sub, 'sub-1');
    assert.equal(result.ok && result.tokens.refreshToken, 'r1');
    const request = fake.requests.findLast((r) => r.path === '/oauth2/token')!;
    assert.deepEqual(Object.fromEntries(request.form), {
      grant_type: 'authorization_code',
      code: 'c1',
      code_verifier: 'v1',
      redirect_uri: 'https://portal.example/api/auth-popup/callback',
      client_id: 'client-1',
    });
  });

  it('refuses an ID token signed by another key, from another issuer, or an access token', async () => {
    const stranger = (await generateKeyPair('RS256')).privateKey;
    for (const token of [await idToken({}, stranger), await idToken({}, signingKey, 'https://elsewhere.example'), await idToken({ token_use: 'access' })]) {
      reply = { status: 200, body: { access_token: 'a1', refresh_token: 'r1', id_token: token, expires_in: 3600 } };
      const result = await exchangeAuthorizationCode(grant, settings());
      assert.equal(!result.ok && result.reason, 'invalid');
    }
  });

  it('refuses an answer without a refresh token, and passes a refusal on', async () => {
    reply = { status: 200, body: { access_token: 'a1', id_token: await idToken(), expires_in: 3600 } };
    assert.equal((await exchangeAuthorizationCode(grant, settings())).ok, false);
    reply = { status: 400, body: { error: 'invalid_grant' } };
    const refused = await exchangeAuthorizationCode(grant, settings());
    assert.equal(!refused.ok && refused.reason, 'rejected');
  });
});
