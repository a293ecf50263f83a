import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Account } from 'next-auth';
import { cognitoProvider, COGNITO_SCOPES, publicSession, sessionTokenFromSignIn } from './options';

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
