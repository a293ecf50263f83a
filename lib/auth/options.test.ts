import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Account, AuthOptions } from 'next-auth';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RefreshResult } from '@/lib/cognito/oauth';
import type { PortalConfig } from '@/lib/config/env';
import { buildAuthOptions, cognitoProvider, COGNITO_SCOPES, publicSession, sessionTokenFromSignIn, type PoolCalls } from './options';
import { decodeSessionToken, encodeSessionToken, nowSeconds, type SessionToken } from './session-token';

const cognito = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Abc',
  clientId: 'client1',
  clientSecret: undefined,
  issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc',
  oauthOrigin: 'https://auth.example.com',
  sdkEndpoint: undefined,
};

describe('cognitoProvider', () => {
  it('is an OIDC provider with id cognito, PKCE and state, the admin scope and the ID token', () => {
    const provider = cognitoProvider(cognito);
    assert.equal(provider.id, 'cognito');
    assert.equal(provider.wellKnown, 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc/.well-known/openid-configuration');
    assert.equal(provider.issuer, cognito.issuer);
    assert.deepEqual(provider.checks, ['pkce', 'state']);
    assert.deepEqual(provider.authorization, { params: { scope: 'openid email profile aws.cognito.signin.user.admin' } });
    assert.equal(COGNITO_SCOPES.split(' ').length, 4);
    assert.equal(provider.idToken, true);
  });

  it('authenticates a public client with PKCE alone, and a confidential one with its secret', () => {
    const publicClient = cognitoProvider(cognito);
    assert.deepEqual(publicClient.client, { token_endpoint_auth_method: 'none' });
    assert.equal(publicClient.clientSecret, undefined);
    const confidential = cognitoProvider({ ...cognito, clientSecret: 'shh' });
    assert.equal(confidential.clientSecret, 'shh');
    assert.equal(confidential.client, undefined);
  });

  it('makes the user from the ID token claims', async () => {
    const user = await cognitoProvider(cognito).profile({ sub: 'sub-1', 'cognito:username': 'ada', email: 'ada@example.com' }, {});
    assert.deepEqual(user, { id: 'sub-1', name: 'ada', email: 'ada@example.com' });
  });
});

describe('session contents', () => {
  const account: Account = {
    provider: 'cognito',
    type: 'oauth',
    providerAccountId: 'sub-1',
    access_token: 'access-secret',
    refresh_token: 'refresh-secret',
    id_token: 'id-secret',
    expires_at: Math.floor(Date.now() / 1000) + 3600,
  };

  it('keeps access token, refresh token and expiry in the encrypted token at sign-in', () => {
    const token = sessionTokenFromSignIn({ sub: 'sub-1', name: 'Ada', email: 'ada@example.com' }, account);
    assert.equal(token.cognito.accessToken, 'access-secret');
    assert.equal(token.cognito.refreshToken, 'refresh-secret');
    assert.equal(token.cognito.accessTokenExpiresAt, account.expires_at);
    assert.ok(Math.abs(token.cognito.accessTokenLifetimeSeconds - 3600) <= 1);
  });

  it('keeps when the person authenticated: the ID token\'s auth_time, else the access token\'s', () => {
    const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
    const signedIn = (tokens: Partial<Account>) => sessionTokenFromSignIn({ sub: 'sub-1' }, { ...account, ...tokens }).authTime;
    assert.equal(signedIn({ id_token: jwt({ auth_time: 1_700_000_000 }), access_token: jwt({ auth_time: 1 }) }), 1_700_000_000);
    assert.equal(signedIn({ id_token: jwt({}), access_token: jwt({ auth_time: 1_700_000_123 }) }), 1_700_000_123);
    // Unknown: the session is never "recent", so changes ask to confirm it's you.
    assert.equal(signedIn({ id_token: jwt({ auth_time: '1700000000' }), access_token: 'opaque' }), undefined);
  });

  it('refuses a sign-in without a refresh token', () => {
    assert.throws(() => sessionTokenFromSignIn({ sub: 'sub-1' }, { ...account, refresh_token: undefined }), /refresh token/);
  });

  it('gives the browser name and email only', () => {
    const token = sessionTokenFromSignIn({ sub: 'sub-1', name: 'Ada', email: 'ada@example.com' }, account);
    const shown = publicSession({ user: { name: 'x', email: 'y', image: 'z' }, expires: '2030-01-01T00:00:00.000Z' }, token);
    assert.deepEqual(shown, { user: { name: 'Ada', email: 'ada@example.com' }, expires: '2030-01-01T00:00:00.000Z' });
    assert.doesNotMatch(JSON.stringify(shown), /secret/);
  });
});

// next-auth's own routes, driven through its core handler with the portal's options: what
// /api/auth/session and POST /api/auth/signout do with a session cookie. The handler is not in
// next-auth's package exports, so it is loaded by path (next-auth 4.24's layout).
type Handled = { body?: unknown; cookies?: Array<{ name: string; value: string; options: { maxAge?: number } }> };
const require = createRequire(import.meta.url);
const { AuthHandler } = require(join(dirname(require.resolve('next-auth')), 'core', 'index.js')) as {
  AuthHandler: (params: { req: Request; options: AuthOptions }) => Promise<Handled>;
};

describe('next-auth routes with the portal options', () => {
  const SECRET = 's'.repeat(40);
  const config: PortalConfig = {
    mode: 'cognito',
    portalUrl: 'http://localhost:3000',
    nextAuthSecret: SECRET,
    useSecureCookies: false,
    embedAllowedOrigins: [],
    stepUpMaxAgeSeconds: 600,
    passkeyDetailsAttribute: 'custom:passkeys',
    cognito,
  };
  const COOKIE = 'next-auth.session-token';

  function pool(refreshResult: RefreshResult = { ok: false, reason: 'rejected', detail: 'invalid_grant' }) {
    const refreshed: string[] = [];
    const revoked: string[] = [];
    const calls: PoolCalls = {
      refresh: async (refreshToken) => (refreshed.push(refreshToken), refreshResult),
      revoke: async (refreshToken) => (revoked.push(refreshToken), true),
    };
    // next-auth's logger would print the expected failures and a NEXTAUTH_URL warning.
    const silent = { error: () => {}, warn: () => {}, debug: () => {} };
    return { refreshed, revoked, options: { ...buildAuthOptions(config, calls), logger: silent } };
  }

  const sessionToken = (expiresIn: number): SessionToken => ({
    sub: 'sub-1',
    name: 'Ada',
    email: 'ada@example.com',
    cognito: { accessToken: 'access-1', refreshToken: 'refresh-1', accessTokenExpiresAt: nowSeconds() + expiresIn, accessTokenLifetimeSeconds: 3600 },
  });

  async function getSession(options: AuthOptions, token: SessionToken) {
    const cookie = `${COOKIE}=${await encodeSessionToken(token, SECRET)}`;
    const response = await AuthHandler({ req: new Request('http://localhost:3000/api/auth/session', { headers: { cookie, host: 'localhost:3000' } }), options });
    const written = response.cookies?.find((c) => c.name === COOKIE);
    return { body: response.body as Record<string, unknown>, written, kept: written?.value ? await decodeSessionToken(written.value, SECRET) : null };
  }

  it('refreshes a token near expiry in the jwt callback and keeps a rotated refresh token', async () => {
    const { refreshed, options } = pool({ ok: true, tokens: { accessToken: 'access-2', refreshToken: 'refresh-2', idToken: undefined, expiresInSeconds: 3600 } });
    const { body, kept } = await getSession(options, sessionToken(5));
    assert.deepEqual(refreshed, ['refresh-1']);
    assert.equal(kept?.cognito.accessToken, 'access-2');
    assert.equal(kept?.cognito.refreshToken, 'refresh-2');
    assert.ok(kept && kept.cognito.accessTokenExpiresAt > nowSeconds() + 3000);
    assert.deepEqual((body as { user?: unknown }).user, { name: 'Ada', email: 'ada@example.com' });
  });

  it('leaves a fresh token alone', async () => {
    const { refreshed, options } = pool();
    const { kept } = await getSession(options, sessionToken(600));
    assert.deepEqual(refreshed, []);
    assert.equal(kept?.cognito.accessToken, 'access-1');
  });

  it('ends the session when the pool refuses the refresh: no user, and the cookie is cleared', async () => {
    const { refreshed, options } = pool({ ok: false, reason: 'rejected', detail: 'invalid_grant' });
    const { body, written } = await getSession(options, sessionToken(5));
    assert.deepEqual(refreshed, ['refresh-1']);
    assert.deepEqual(body, {});
    assert.equal(written?.value, '');
    assert.equal(written?.options.maxAge, 0);
  });

  it('keeps the session when the pool does not answer, to try again on the next request', async () => {
    const { options } = pool({ ok: false, reason: 'unavailable', detail: 'timeout' });
    const { body, kept } = await getSession(options, sessionToken(5));
    assert.equal(kept?.cognito.accessToken, 'access-1');
    assert.deepEqual((body as { user?: unknown }).user, { name: 'Ada', email: 'ada@example.com' });
  });

  it('revokes the refresh token when next-auth’s own POST /api/auth/signout ends the session', async () => {
    const { revoked, options } = pool();
    const csrf = 'c'.repeat(64);
    const csrfHash = createHash('sha256').update(`${csrf}${SECRET}`).digest('hex');
    const cookie = `${COOKIE}=${await encodeSessionToken(sessionToken(600), SECRET)}; next-auth.csrf-token=${csrf}|${csrfHash}`;
    const response = await AuthHandler({
      req: new Request('http://localhost:3000/api/auth/signout', {
        method: 'POST',
        headers: { cookie, host: 'localhost:3000', 'content-type': 'application/json' },
        body: JSON.stringify({ csrfToken: csrf }),
      }),
      options,
    });
    assert.deepEqual(revoked, ['refresh-1']);
    assert.equal(response.cookies?.find((c) => c.name === COOKIE)?.options.maxAge, 0);
  });

  it('sends next-auth’s callbackUrl through the return-path gate: a hostile one ends on the portal', async () => {
    const { options } = pool();
    const csrf = 'c'.repeat(64);
    const csrfHash = createHash('sha256').update(`${csrf}${SECRET}`).digest('hex');
    for (const callbackUrl of ['/.//evil.example/phish', 'https://evil.example/', '/%2e//evil.example']) {
      const response = (await AuthHandler({
        req: new Request('http://localhost:3000/api/auth/signout', {
          method: 'POST',
          headers: { cookie: `next-auth.csrf-token=${csrf}|${csrfHash}`, host: 'localhost:3000', 'content-type': 'application/json' },
          body: JSON.stringify({ csrfToken: csrf, callbackUrl }),
        }),
        options,
      })) as Handled & { redirect?: string };
      assert.equal(response.redirect, 'http://localhost:3000/security', callbackUrl);
    }
  });

  it('names the session cookie __Host- over https, with the attributes that prefix needs', () => {
    const secure = buildAuthOptions({ ...config, portalUrl: 'https://portal.example', useSecureCookies: true });
    assert.equal(secure.cookies?.sessionToken?.name, '__Host-next-auth.session-token');
    assert.deepEqual(secure.cookies?.sessionToken?.options, { httpOnly: true, sameSite: 'lax', path: '/', secure: true });
    const plain = buildAuthOptions(config);
    assert.equal(plain.cookies?.sessionToken?.name, 'next-auth.session-token');
    assert.equal(plain.cookies?.sessionToken?.options.secure, false);
  });

  it('revokes nothing for a token that holds no refresh token', async () => {
    const { revoked, options } = pool();
    await options.events?.signOut?.({ token: { sub: 'sub-1' }, session: undefined as never });
    assert.deepEqual(revoked, []);
  });
});
