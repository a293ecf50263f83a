import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_DEMO_PASSWORD } from '../config';
import { startSession } from '../sessions';
import { snapshot, startTestPool, type TestPool } from '../testing/harness';

let t: TestPool;
before(async () => {
  t = await startTestPool();
});
after(() => t.close());

const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
const auth = (params: Record<string, string>, flow = 'USER_PASSWORD_AUTH', clientId = t.pool.info.clientId) =>
  t.call('InitiateAuth', { AuthFlow: flow, ClientId: clientId, AuthParameters: params });

describe('InitiateAuth', () => {
  it('USER_PASSWORD_AUTH returns Cognito-shaped tokens', async () => {
    const result = await auth({ USERNAME: 'demo', PASSWORD: DEFAULT_DEMO_PASSWORD });
    assert.equal(result.status, 200);
    const tokens = result.body.AuthenticationResult as Record<string, unknown>;
    assert.equal(tokens.TokenType, 'Bearer');
    assert.equal(tokens.ExpiresIn, 3600);
    const access = decode(tokens.AccessToken as string);
    for (const claim of ['sub', 'username', 'client_id', 'scope', 'token_use', 'origin_jti', 'jti', 'exp', 'iat', 'auth_time', 'iss']) assert.ok(claim in access, claim);
    assert.equal(access.token_use, 'access');
    assert.equal(access.scope, 'aws.cognito.signin.user.admin');
    assert.equal(access.iss, t.pool.info.issuer);
    const header = JSON.parse(Buffer.from((tokens.AccessToken as string).split('.')[0], 'base64url').toString()) as Record<string, string>;
    assert.equal(header.alg, 'RS256');
    assert.ok(header.kid);
    const id = decode(tokens.IdToken as string);
    assert.equal(id.token_use, 'id');
    assert.equal(id.aud, t.pool.info.clientId);
    assert.equal(id['cognito:username'], 'demo');
    assert.equal(id.email_verified, true);
  });

  it('gives the same answer for a wrong password and an unknown user, and records nothing', async () => {
    const before = snapshot(t.pool);
    const wrong = await auth({ USERNAME: 'demo', PASSWORD: 'nope' });
    const unknown = await auth({ USERNAME: 'nobody', PASSWORD: 'nope' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    assert.deepEqual(unknown.body, wrong.body);
    assert.equal(snapshot(t.pool), before);
  });

  it('refuses an unknown client, missing parameters and flows the client does not allow', async () => {
    assert.equal((await auth({ USERNAME: 'demo', PASSWORD: 'x' }, 'USER_PASSWORD_AUTH', 'unknownclient')).body.__type, 'ResourceNotFoundException');
    const missing = await auth({ USERNAME: 'demo' });
    assert.equal(missing.body.__type, 'InvalidParameterException');
    assert.match(String(missing.body.message), /PASSWORD/);
    assert.equal((await auth({}, 'USER_SRP_AUTH')).body.__type, 'InvalidParameterException');
    assert.equal((await auth({}, 'NOT_A_FLOW')).body.__type, 'InvalidParameterException');
  });

  it('checks SECRET_HASH for a client with a secret', async () => {
    const client = (await t.admin('POST', '/_local/clients', { withSecret: true })).body as { clientId: string; clientSecret: string };
    const params = { USERNAME: 'demo', PASSWORD: DEFAULT_DEMO_PASSWORD };
    const without = await auth(params, 'USER_PASSWORD_AUTH', client.clientId);
    assert.equal(without.body.__type, 'NotAuthorizedException');
    const wrong = await auth({ ...params, SECRET_HASH: 'AAAA' }, 'USER_PASSWORD_AUTH', client.clientId);
    assert.match(String(wrong.body.message), /Unable to verify secret hash/);
    const hash = createHmac('sha256', client.clientSecret).update(`demo${client.clientId}`).digest('base64');
    assert.equal((await auth({ ...params, SECRET_HASH: hash }, 'USER_PASSWORD_AUTH', client.clientId)).status, 200);
  });

  it('REFRESH_TOKEN_AUTH mints new tokens from the same sign-in, without a new refresh token', async () => {
    const first = await t.signIn();
    const result = await auth({ REFRESH_TOKEN: first.RefreshToken }, 'REFRESH_TOKEN_AUTH');
    assert.equal(result.status, 200);
    const tokens = result.body.AuthenticationResult as Record<string, string>;
    assert.equal(tokens.RefreshToken, undefined);
    assert.equal(decode(tokens.AccessToken).origin_jti, decode(first.AccessToken).origin_jti);
    assert.equal((await auth({ REFRESH_TOKEN: 'forged.token' }, 'REFRESH_TOKEN_AUTH')).body.message, 'Invalid Refresh Token');
  });
});

describe('access tokens are checked as Cognito checks them', () => {
  it('GetUser returns the user and attributes for a good token', async () => {
    const { AccessToken } = await t.signIn();
    const result = await t.call('GetUser', { AccessToken });
    assert.equal(result.body.Username, 'demo');
    const attributes = result.body.UserAttributes as { Name: string; Value: string }[];
    assert.equal(attributes[0].Name, 'sub');
    assert.ok(attributes.some((a) => a.Name === 'email' && a.Value === 'demo@example.com'));
  });

  it('refuses a token with a forged signature', async () => {
    const { AccessToken } = await t.signIn();
    const [header, payload] = AccessToken.split('.');
    const claims = { ...decode(AccessToken), username: 'admin' };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${AccessToken.split('.')[2]}`;
    assert.notEqual(payload, forged.split('.')[1]);
    assert.deepEqual((await t.call('GetUser', { AccessToken: forged })).body, { __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    assert.equal((await t.call('GetUser', { AccessToken: unsigned })).body.__type, 'NotAuthorizedException');
  });

  it('refuses an ID token used as an access token', async () => {
    const { IdToken } = await t.signIn();
    assert.equal((await t.call('GetUser', { AccessToken: IdToken })).body.message, 'Invalid Access Token');
  });

  it('refuses an expired token', async () => {
    const user = t.pool.ctx.store.state.users[0];
    const session = t.pool.ctx.store.state.sessions.at(-1)!;
    const expired = await t.pool.ctx.tokens.accessToken(user, session, -10);
    assert.deepEqual((await t.call('GetUser', { AccessToken: expired })).body, { __type: 'NotAuthorizedException', message: 'Access Token has expired' });
  });

  it('refuses a token without the aws.cognito.signin.user.admin scope', async () => {
    const ctx = t.pool.ctx;
    const user = ctx.store.state.users[0];
    const tokens = await startSession(ctx, user, ctx.store.state.clients[0], { scope: 'openid email' });
    assert.deepEqual((await t.call('ListDevices', { AccessToken: tokens.accessToken })).body, {
      __type: 'NotAuthorizedException',
      message: 'Access Token does not have required scopes',
    });
  });
});

describe('GlobalSignOut and RevokeToken', () => {
  it('GlobalSignOut revokes every token of the user, access and refresh', async () => {
    const a = await t.signIn();
    const b = await t.signIn();
    assert.equal((await t.call('GlobalSignOut', { AccessToken: a.AccessToken })).status, 200);
    for (const token of [a.AccessToken, b.AccessToken]) {
      assert.deepEqual((await t.call('GetUser', { AccessToken: token })).body, { __type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    }
    assert.equal((await auth({ REFRESH_TOKEN: b.RefreshToken }, 'REFRESH_TOKEN_AUTH')).body.message, 'Refresh Token has been revoked');
    const fresh = await t.signIn();
    assert.equal((await t.call('GetUser', { AccessToken: fresh.AccessToken })).status, 200);
  });

  it('RevokeToken revokes the refresh token and the access tokens minted from it', async () => {
    const a = await t.signIn();
    const other = await t.signIn();
    const result = await t.call('RevokeToken', { Token: a.RefreshToken, ClientId: t.pool.info.clientId });
    assert.equal(result.status, 200);
    assert.equal((await auth({ REFRESH_TOKEN: a.RefreshToken }, 'REFRESH_TOKEN_AUTH')).body.__type, 'NotAuthorizedException');
    assert.equal((await t.call('GetUser', { AccessToken: a.AccessToken })).body.message, 'Access Token has been revoked');
    assert.equal((await t.call('GetUser', { AccessToken: other.AccessToken })).status, 200);
  });

  it('RevokeToken: unknown tokens succeed quietly; access tokens and bad clients are refused', async () => {
    const before = snapshot(t.pool);
    assert.equal((await t.call('RevokeToken', { Token: 'unknown.token', ClientId: t.pool.info.clientId })).status, 200);
    assert.equal(snapshot(t.pool), before);
    const { AccessToken } = await t.signIn();
    assert.equal((await t.call('RevokeToken', { Token: AccessToken, ClientId: t.pool.info.clientId })).body.__type, 'UnsupportedTokenTypeException');
    const badClient = await t.call('RevokeToken', { Token: 'unknown.token', ClientId: 'nosuchclient' });
    assert.equal(badClient.status, 400);
    assert.equal(badClient.body.__type, 'UnauthorizedException');
  });
});
