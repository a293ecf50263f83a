// Each operation's refusals, one by one: the exception Cognito's model gives for it, and a state
// that is exactly what it was before (a refused request changes nothing).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_DEMO_PASSWORD } from '../config';
import { wireStatus } from '../errors';
import { modelTable } from '../model/model-table';
import { snapshot, startTestPool, type TestPool, type WireResult } from '../testing/harness';

let t: TestPool;
let demo: { AccessToken: string; RefreshToken: string };
let demoDevice: string;
let malloryDevice: string;
before(async () => {
  t = await startTestPool();
  await t.admin('POST', '/_local/users', { username: 'mallory' });
  demo = await t.signIn();
  demoDevice = ((await t.admin('POST', '/_local/devices', { username: 'demo' })).body.devices as string[])[0];
  malloryDevice = ((await t.admin('POST', '/_local/devices', { username: 'mallory' })).body.devices as string[])[0];
});
after(() => t.close());

function expectError(operation: string, result: WireResult, type: string, what: string) {
  assert.equal(result.body.__type, type, `${what}: ${JSON.stringify(result.body).slice(0, 300)}`);
  assert.equal(result.status, wireStatus(type), what);
  assert.ok(modelTable.operations[operation].errors.includes(type), `${type} is not in ${operation}'s error list`);
}

/** Runs each case and checks its exception, then that the state is unchanged. */
async function refusesAll(operation: string, cases: [what: string, body: unknown, type: string][]) {
  const before = snapshot(t.pool);
  for (const [what, body, type] of cases) expectError(operation, await t.call(operation, body), type, what);
  assert.ok(snapshot(t.pool) === before, `${operation}: a refused request changed the state`);
}

/** A token from a sign-in that has since been revoked (RevokeToken on its refresh token). */
async function revokedAccessToken(): Promise<string> {
  const session = await t.signIn();
  assert.equal((await t.call('RevokeToken', { Token: session.RefreshToken, ClientId: t.pool.info.clientId })).status, 200);
  return session.AccessToken;
}

const forgedToken = () => {
  const [header, payload, signature] = demo.AccessToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp as number + 3600 })).toString('base64url')}.${signature}`;
};

describe('GlobalSignOut refusals', () => {
  it('refuses bad, forged and revoked tokens with NotAuthorized, and missing or mistyped ones with InvalidParameter, signing nobody out', async () => {
    const revoked = await revokedAccessToken();
    await refusesAll('GlobalSignOut', [
      ['a token that is not a JWT', { AccessToken: 'not.a.token' }, 'NotAuthorizedException'],
      ['a forged token', { AccessToken: forgedToken() }, 'NotAuthorizedException'],
      ['a revoked token', { AccessToken: revoked }, 'NotAuthorizedException'],
      ['no AccessToken', {}, 'InvalidParameterException'],
      ['a null AccessToken', { AccessToken: null }, 'InvalidParameterException'],
      ['a numeric AccessToken', { AccessToken: 42 }, 'InvalidParameterException'],
      ['an object AccessToken', { AccessToken: { jwt: demo.AccessToken } }, 'InvalidParameterException'],
      ['an AccessToken outside the pattern', { AccessToken: `${demo.AccessToken} ` }, 'InvalidParameterException'],
    ]);
    assert.equal((await t.call('GetUser', { AccessToken: demo.AccessToken })).status, 200, 'the demo user is still signed in');
  });
});

describe('UpdateDeviceStatus refusals', () => {
  it('refuses unknown and foreign devices, bad tokens and bad status values, changing nothing', async () => {
    const revoked = await revokedAccessToken();
    const ok = { AccessToken: demo.AccessToken, DeviceKey: demoDevice, DeviceRememberedStatus: 'not_remembered' };
    await refusesAll('UpdateDeviceStatus', [
      ['an unknown device', { ...ok, DeviceKey: 'local-1_00000000-0000-4000-8000-000000000000' }, 'ResourceNotFoundException'],
      ['another user’s device', { ...ok, DeviceKey: malloryDevice }, 'ResourceNotFoundException'],
      ['a bad token', { ...ok, AccessToken: 'not.a.token' }, 'NotAuthorizedException'],
      ['a revoked token', { ...ok, AccessToken: revoked }, 'NotAuthorizedException'],
      ['no token', { DeviceKey: demoDevice, DeviceRememberedStatus: 'remembered' }, 'InvalidParameterException'],
      ['a status outside the enum', { ...ok, DeviceRememberedStatus: 'forever' }, 'InvalidParameterException'],
      ['a status in the wrong case', { ...ok, DeviceRememberedStatus: 'REMEMBERED' }, 'InvalidParameterException'],
      ['a numeric status', { ...ok, DeviceRememberedStatus: 1 }, 'InvalidParameterException'],
      ['a malformed DeviceKey', { ...ok, DeviceKey: 'no-underscore' }, 'InvalidParameterException'],
    ]);
  });
});

describe('GetDevice refusals', () => {
  it('refuses DeviceKeys outside DeviceKeyType (1–55, [\\w-]+_[0-9a-f-]+)', async () => {
    const at = (DeviceKey: unknown) => ({ AccessToken: demo.AccessToken, DeviceKey });
    assert.equal(`local-1_${'a'.repeat(47)}`.length, 55);
    await refusesAll('GetDevice', [
      ['an empty key', at(''), 'InvalidParameterException'],
      ['no key', { AccessToken: demo.AccessToken }, 'InvalidParameterException'],
      ['no underscore', at('local-1'), 'InvalidParameterException'],
      ['upper-case hex', at('local-1_ABCDEF'), 'InvalidParameterException'],
      ['a key with a slash', at('local-1_ab/cd'), 'InvalidParameterException'],
      ['56 characters', at(`local-1_${'a'.repeat(48)}`), 'InvalidParameterException'],
      ['a number', at(55), 'InvalidParameterException'],
      ['a list', at([demoDevice]), 'InvalidParameterException'],
      ['a well-formed key of no device', at(`local-1_${'a'.repeat(47)}`), 'ResourceNotFoundException'],
    ]);
  });
});

describe('RevokeToken refusals', () => {
  it('refuses a wrong or missing ClientSecret for a client with a secret, and ClientSecrets outside ClientSecretType, revoking nothing', async () => {
    const client = (await t.admin('POST', '/_local/clients', { withSecret: true })).body as { clientId: string; clientSecret: string };
    const secretHash = createHmac('sha256', client.clientSecret).update(`demo${client.clientId}`).digest('base64');
    const signIn = await t.call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: client.clientId,
      AuthParameters: { USERNAME: 'demo', PASSWORD: DEFAULT_DEMO_PASSWORD, SECRET_HASH: secretHash },
    });
    const { RefreshToken } = signIn.body.AuthenticationResult as { RefreshToken: string };
    const revoke = (ClientSecret?: unknown) => ({ Token: RefreshToken, ClientId: client.clientId, ...(ClientSecret === undefined ? {} : { ClientSecret }) });
    const wrong = `${client.clientSecret.slice(0, -1)}${client.clientSecret.endsWith('a') ? 'b' : 'a'}`;
    await refusesAll('RevokeToken', [
      ['no ClientSecret', revoke(), 'UnauthorizedException'],
      ['a wrong ClientSecret', revoke(wrong), 'UnauthorizedException'],
      ['another well-formed ClientSecret', revoke('x'.repeat(24)), 'UnauthorizedException'],
      ['23 characters', revoke('a'.repeat(23)), 'InvalidParameterException'],
      ['65 characters', revoke('a'.repeat(65)), 'InvalidParameterException'],
      ['characters outside [\\w+]', revoke(`${'a'.repeat(30)}/=`), 'InvalidParameterException'],
      ['a numeric ClientSecret', revoke(123456789012345678901234567890), 'InvalidParameterException'],
    ]);
    // The refresh token still works: nothing was revoked.
    const refreshed = await t.call('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: client.clientId,
      AuthParameters: { REFRESH_TOKEN: RefreshToken, SECRET_HASH: secretHash },
    });
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.equal((await t.call('RevokeToken', revoke(client.clientSecret))).status, 200);
  });
});

describe('InitiateAuth refusals', () => {
  it('refuses an unknown client, a missing parameter, a disallowed flow and bad Sessions, changing nothing', async () => {
    const limited = (await t.admin('POST', '/_local/clients', { explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] })).body as { clientId: string };
    const password = { USERNAME: 'demo', PASSWORD: DEFAULT_DEMO_PASSWORD };
    const start = (AuthFlow: string, AuthParameters: Record<string, string>, ClientId = t.pool.info.clientId, extra: Record<string, unknown> = {}) => ({
      AuthFlow,
      ClientId,
      AuthParameters,
      ...extra,
    });
    await refusesAll('InitiateAuth', [
      ['an unknown client', start('USER_PASSWORD_AUTH', password, 'nosuchclient'), 'ResourceNotFoundException'],
      ['no PASSWORD', start('USER_PASSWORD_AUTH', { USERNAME: 'demo' }), 'InvalidParameterException'],
      ['no USERNAME', start('USER_PASSWORD_AUTH', { PASSWORD: DEFAULT_DEMO_PASSWORD }), 'InvalidParameterException'],
      ['no REFRESH_TOKEN', start('REFRESH_TOKEN_AUTH', {}), 'InvalidParameterException'],
      ['USER_PASSWORD_AUTH on a client without it', start('USER_PASSWORD_AUTH', password, limited.clientId), 'InvalidParameterException'],
      ['USER_AUTH on a client without it', start('USER_AUTH', { USERNAME: 'demo' }, limited.clientId), 'InvalidParameterException'],
      ['a flow the pool does not offer', start('USER_SRP_AUTH', { USERNAME: 'demo', SRP_A: 'abc' }), 'InvalidParameterException'],
      ['a Session under 20 characters', start('USER_PASSWORD_AUTH', password, undefined, { Session: 'a'.repeat(19) }), 'InvalidParameterException'],
      ['a Session over 2048 characters', start('USER_PASSWORD_AUTH', password, undefined, { Session: 'a'.repeat(2049) }), 'InvalidParameterException'],
      ['a numeric Session', start('USER_PASSWORD_AUTH', password, undefined, { Session: 12345678901234567890 }), 'InvalidParameterException'],
    ]);
  });
});

describe('RespondToAuthChallenge refusals', () => {
  it('refuses Sessions outside SessionType (20–2048) before looking at them', async () => {
    const respond = (Session: unknown) => ({ ClientId: t.pool.info.clientId, ChallengeName: 'WEB_AUTHN', Session, ChallengeResponses: { USERNAME: 'demo', CREDENTIAL: '{}' } });
    await refusesAll('RespondToAuthChallenge', [
      ['a Session under 20 characters', respond('a'.repeat(19)), 'InvalidParameterException'],
      ['a Session over 2048 characters', respond('a'.repeat(2049)), 'InvalidParameterException'],
      ['a list Session', respond(['a'.repeat(30)]), 'InvalidParameterException'],
    ]);
  });
});

describe('ListDevices refusals', () => {
  it('refuses bad, revoked and missing access tokens, changing nothing', async () => {
    const revoked = await revokedAccessToken();
    await refusesAll('ListDevices', [
      ['a bad token', { AccessToken: 'not.a.token' }, 'NotAuthorizedException'],
      ['a forged token', { AccessToken: forgedToken() }, 'NotAuthorizedException'],
      ['a revoked token', { AccessToken: revoked }, 'NotAuthorizedException'],
      ['no token', {}, 'InvalidParameterException'],
      ['an empty PaginationToken', { AccessToken: demo.AccessToken, PaginationToken: '' }, 'InvalidParameterException'],
      ['a PaginationToken with a space', { AccessToken: demo.AccessToken, PaginationToken: 'a b' }, 'InvalidParameterException'],
      ['a forged PaginationToken', { AccessToken: demo.AccessToken, PaginationToken: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 'InvalidParameterException'],
    ]);
  });
});

describe('DeleteWebAuthnCredential refusals', () => {
  it('refuses a CredentialId over StringType’s 131072 characters, or not a string; an unknown one is ResourceNotFound', async () => {
    const maxLength = modelTable.operations.DeleteWebAuthnCredential.input.CredentialId.max!;
    assert.equal(maxLength, 131072);
    await refusesAll('DeleteWebAuthnCredential', [
      ['131073 characters', { AccessToken: demo.AccessToken, CredentialId: 'A'.repeat(maxLength + 1) }, 'InvalidParameterException'],
      ['a number', { AccessToken: demo.AccessToken, CredentialId: 7 }, 'InvalidParameterException'],
      ['no CredentialId', { AccessToken: demo.AccessToken }, 'InvalidParameterException'],
      ['131072 characters of no credential', { AccessToken: demo.AccessToken, CredentialId: 'A'.repeat(maxLength) }, 'ResourceNotFoundException'],
    ]);
  });
});
