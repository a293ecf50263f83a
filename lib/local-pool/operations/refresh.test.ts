// GetTokensFromRefreshToken, as Amplify JS v6 refreshes: with and without refresh-token rotation,
// the retry grace, RefreshTokenReuseException, and the token endpoint's refresh grant sharing the rule.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { wireStatus } from '../errors';
import { modelTable } from '../model/model-table';
import { snapshot, startTestPool, type TestPool, type WireResult } from '../testing/harness';

const PASSWORD = 'Passkeys-4-everyone!';
let t: TestPool;
before(async () => {
  t = await startTestPool();
});
after(() => t.close());

type Client = { clientId: string; clientSecret?: string };
const newClient = async (body: Record<string, unknown> = {}) => {
  const created = await t.admin('POST', '/_local/clients', { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], ...body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as Client;
};
const signIn = async (client: Client) => {
  const result = await t.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: client.clientId, AuthParameters: { USERNAME: 'demo', PASSWORD } });
  assert.equal(result.status, 200, JSON.stringify(result.body));
  return result.body.AuthenticationResult as { AccessToken: string; RefreshToken: string; IdToken: string };
};
const refresh = (client: Client, RefreshToken: string, extra: Record<string, unknown> = {}) => t.call('GetTokensFromRefreshToken', { ClientId: client.clientId, RefreshToken, ...extra });
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

function expectError(result: WireResult, type: string, message?: RegExp) {
  assert.equal(result.body.__type, type, JSON.stringify(result.body));
  assert.equal(result.status, wireStatus(type));
  assert.equal(result.status, 400, 'every client error answers 400, as the real service');
  assert.ok(modelTable.operations.GetTokensFromRefreshToken.errors.includes(type), `${type} is not in the operation's error list`);
  if (message) assert.match(String(result.body.message), message);
}

describe('GetTokensFromRefreshToken without rotation', () => {
  it('returns new ID and access tokens of the same sign-in and no refresh token', async () => {
    const client = await newClient();
    const first = await signIn(client);
    const result = await refresh(client, first.RefreshToken);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const tokens = result.body.AuthenticationResult as Record<string, unknown>;
    assert.deepEqual(Object.keys(tokens).sort(), ['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
    assert.equal(tokens.TokenType, 'Bearer');
    assert.equal(claimsOf(tokens.AccessToken as string).origin_jti, claimsOf(first.AccessToken).origin_jti);
    assert.equal((await t.call('GetUser', { AccessToken: tokens.AccessToken })).status, 200);
    // The same refresh token keeps working.
    assert.equal((await refresh(client, first.RefreshToken)).status, 200);
  });

  it('refuses what Cognito refuses, changing nothing', async () => {
    const client = await newClient();
    const other = await newClient();
    const withSecret = await newClient({ withSecret: true });
    const noRefresh = await newClient({ explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    const { RefreshToken } = await signIn(client);
    const revoked = (await signIn(client)).RefreshToken;
    assert.equal((await t.call('RevokeToken', { Token: revoked, ClientId: client.clientId })).status, 200);
    const before = snapshot(t.pool);
    expectError(await refresh(client, 'no-such-token'), 'NotAuthorizedException', /Invalid Refresh Token/);
    expectError(await refresh(other, RefreshToken), 'NotAuthorizedException', /Invalid Refresh Token/);
    expectError(await refresh(client, revoked), 'NotAuthorizedException', /revoked/);
    expectError(await refresh({ clientId: 'nosuchclient' }, RefreshToken), 'ResourceNotFoundException');
    expectError(await refresh(withSecret, RefreshToken), 'NotAuthorizedException', /secret/);
    expectError(await refresh(withSecret, RefreshToken, { ClientSecret: 'x'.repeat(40) }), 'NotAuthorizedException', /secret/);
    expectError(await refresh(noRefresh, RefreshToken), 'InvalidParameterException');
    expectError(await t.call('GetTokensFromRefreshToken', { ClientId: client.clientId }), 'InvalidParameterException');
    assert.ok(snapshot(t.pool) === before, 'a refused refresh changed the state');
  });

  it('takes the secret of a client with one as ClientSecret', async () => {
    const client = await newClient({ withSecret: true });
    const SECRET_HASH = createHmac('sha256', client.clientSecret!).update(`demo${client.clientId}`).digest('base64');
    const signedIn = await t.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: client.clientId, AuthParameters: { USERNAME: 'demo', PASSWORD, SECRET_HASH } });
    const { RefreshToken } = signedIn.body.AuthenticationResult as { RefreshToken: string };
    expectError(await refresh(client, RefreshToken), 'NotAuthorizedException', /secret/);
    assert.equal((await refresh(client, RefreshToken, { ClientSecret: client.clientSecret })).status, 200);
  });
});

describe('GetTokensFromRefreshToken with rotation', () => {
  it('returns a new refresh token each time; the old one is refused with RefreshTokenReuseException after the grace', async () => {
    const client = await newClient({ refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 0 } });
    const first = await signIn(client);
    const rotated = await refresh(client, first.RefreshToken);
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    const second = rotated.body.AuthenticationResult as { AccessToken: string; RefreshToken: string };
    assert.ok(second.RefreshToken && second.RefreshToken !== first.RefreshToken);
    assert.equal(claimsOf(second.AccessToken).origin_jti, claimsOf(first.AccessToken).origin_jti, 'the same sign-in');

    const before = snapshot(t.pool);
    expectError(await refresh(client, first.RefreshToken), 'RefreshTokenReuseException');
    assert.ok(snapshot(t.pool) === before, 'a refused reuse changed the state');
    const third = (await refresh(client, second.RefreshToken)).body.AuthenticationResult as { RefreshToken: string };
    assert.ok(third.RefreshToken);
    expectError(await refresh(client, second.RefreshToken), 'RefreshTokenReuseException');
    assert.equal((await refresh(client, third.RefreshToken)).status, 200);
  });

  it('accepts the old token again within the retry grace, as a client retrying a lost answer', async () => {
    const client = await newClient({ refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 60 } });
    const first = await signIn(client);
    const a = (await refresh(client, first.RefreshToken)).body.AuthenticationResult as { RefreshToken: string };
    const retry = await refresh(client, first.RefreshToken);
    assert.equal(retry.status, 200, JSON.stringify(retry.body));
    const b = retry.body.AuthenticationResult as { RefreshToken: string };
    assert.notEqual(a.RefreshToken, b.RefreshToken);
    assert.equal((await refresh(client, b.RefreshToken)).status, 200);
  });

  it('refuses REFRESH_TOKEN_AUTH on a rotating client (rotation is completed with GetTokensFromRefreshToken)', async () => {
    const client = await newClient({ refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 0 } });
    const { RefreshToken } = await signIn(client);
    const result = await t.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: client.clientId, AuthParameters: { REFRESH_TOKEN: RefreshToken } });
    assert.equal(result.body.__type, 'InvalidParameterException');
  });

  it('the token endpoint’s refresh grant rotates by the same rule', async () => {
    const client = await newClient({ refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 0 } });
    const first = await signIn(client);
    const grant = (refresh_token: string) =>
      fetch(`${t.pool.info.endpoint}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: client.clientId, refresh_token }),
      });
    const response = await grant(first.RefreshToken);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { refresh_token?: string };
    assert.ok(body.refresh_token && body.refresh_token !== first.RefreshToken);
    const reused = await grant(first.RefreshToken);
    assert.equal(reused.status, 400);
    assert.equal(((await reused.json()) as { error: string }).error, 'invalid_grant');
    assert.equal((await refresh(client, body.refresh_token)).status, 200);
  });

  it('the portal’s client can be switched to rotation through the control API', async () => {
    const patched = await t.admin('PATCH', '/_local/settings', { refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 5 } });
    assert.equal(patched.status, 200);
    try {
      assert.deepEqual(t.pool.ctx.store.state.clients[0].refreshTokenRotation, { feature: 'ENABLED', retryGracePeriodSeconds: 5 });
      const { RefreshToken } = await t.signIn();
      const result = await refresh({ clientId: t.pool.info.clientId }, RefreshToken);
      assert.ok((result.body.AuthenticationResult as { RefreshToken?: string }).RefreshToken);
      assert.equal((await t.admin('PATCH', '/_local/settings', { refreshTokenRotation: { feature: 'SOMETIMES' } })).status, 400);
      assert.equal((await t.admin('PATCH', '/_local/settings', { refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 61 } })).status, 400);
    } finally {
      await t.admin('PATCH', '/_local/settings', { refreshTokenRotation: { feature: 'DISABLED' } });
    }
  });
});
