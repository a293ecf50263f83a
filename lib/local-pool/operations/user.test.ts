// GetUser, UpdateUserAttributes and GetUserAuthFactors: the custom attribute the portal keeps its
// passkey details in, the app client's read and write permissions, and the user's sign-in factors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { DEFAULT_PASSKEYS_ATTRIBUTE } from '../config';
import { wireStatus } from '../errors';
import { modelTable } from '../model/model-table';
import { snapshot, startTestPool, type TestPool, type WireResult } from '../testing/harness';
import { SoftAuthenticator } from '../testing/soft-authenticator';

const PASSWORD = 'Passkeys-4-everyone!';
let t: TestPool;
let defaults: { userPool: unknown; portalClient: unknown };

before(async () => {
  t = await startTestPool();
  defaults = structuredClone({ userPool: t.pool.ctx.config.userPool, portalClient: t.pool.ctx.config.portalClient });
});
after(() => t.close());
afterEach(async () => {
  const { userPool, portalClient } = defaults as { userPool: { customAttributes: unknown }; portalClient: { readAttributes: unknown; writeAttributes: unknown } };
  await t.admin('PATCH', '/_local/settings', {
    customAttributes: userPool.customAttributes,
    clientReadAttributes: portalClient.readAttributes,
    clientWriteAttributes: portalClient.writeAttributes,
  });
});

let count = 0;
async function newUser(extra: Record<string, unknown> = {}): Promise<{ username: string; token: string }> {
  count += 1;
  const username = `attributes-user-${count}`;
  assert.equal((await t.admin('POST', '/_local/users', { username, password: PASSWORD, ...extra })).status, 201);
  return { username, token: (await t.signIn(username, PASSWORD)).AccessToken };
}

function expectError(operation: string, result: WireResult, type: string, message?: RegExp) {
  assert.equal(result.body.__type, type, JSON.stringify(result.body));
  assert.equal(result.status, wireStatus(type));
  assert.ok(modelTable.operations[operation].errors.includes(type), `${type} is not in ${operation}'s error list`);
  if (message) assert.match(String(result.body.message), message);
}

const attributesOf = async (token: string) => {
  const result = await t.call('GetUser', { AccessToken: token });
  assert.equal(result.status, 200, JSON.stringify(result.body));
  return Object.fromEntries((result.body.UserAttributes as { Name: string; Value: string }[]).map((a) => [a.Name, a.Value]));
};
const update = (token: string, UserAttributes: unknown) => t.call('UpdateUserAttributes', { AccessToken: token, UserAttributes });
const factors = async (token: string) => {
  const result = await t.call('GetUserAuthFactors', { AccessToken: token });
  assert.equal(result.status, 200, JSON.stringify(result.body));
  return result.body;
};
const onDisk = () => JSON.parse(readFileSync(t.dataFile, 'utf8')) as typeof t.pool.ctx.store.state;

describe('custom attributes', () => {
  it('declares custom:passkeys by default, readable and writable by the portal’s client', () => {
    assert.deepEqual(t.pool.ctx.config.userPool.customAttributes, [{ name: DEFAULT_PASSKEYS_ATTRIBUTE, minLength: 0, maxLength: 2048 }]);
    const [portal] = t.pool.ctx.store.state.clients;
    assert.ok(portal.readAttributes?.includes(DEFAULT_PASSKEYS_ATTRIBUTE));
    assert.ok(portal.writeAttributes?.includes(DEFAULT_PASSKEYS_ATTRIBUTE));
    assert.ok(!portal.writeAttributes?.includes('email_verified'), 'the verified flags are not the user’s to write');
  });

  it('writes a 2,048-character value with the access token, keeps it on disk, and GetUser returns it', async () => {
    const { username, token } = await newUser();
    const value = `v1:${'x'.repeat(2045)}`;
    const result = await update(token, [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE, Value: value }]);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.deepEqual(result.body, {});
    assert.equal((await attributesOf(token))[DEFAULT_PASSKEYS_ATTRIBUTE], value);
    assert.equal(onDisk().users.find((u) => u.username === username)?.attributes[DEFAULT_PASSKEYS_ATTRIBUTE], value);
    // The ID token carries it too, as Cognito's carries readable custom attributes.
    const { IdToken } = await t.signIn(username, PASSWORD);
    const claims = JSON.parse(Buffer.from(IdToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    assert.equal(claims[DEFAULT_PASSKEYS_ATTRIBUTE], value);
  });

  it('refuses what Cognito refuses, changing nothing', async () => {
    const { token } = await newUser();
    assert.equal((await update(token, [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE, Value: 'kept' }])).status, 200);
    await t.admin('PATCH', '/_local/settings', { customAttributes: [{ name: DEFAULT_PASSKEYS_ATTRIBUTE }, { name: 'custom:short', minLength: 2, maxLength: 4 }] });
    const before = snapshot(t.pool);
    const cases: [string, unknown, string, RegExp][] = [
      ['an undeclared custom attribute', [{ Name: 'custom:nope', Value: 'x' }], 'InvalidParameterException', /^user\.custom:nope: Attribute does not exist in the schema\./],
      ['an attribute without the custom: prefix', [{ Name: 'passkeys', Value: 'x' }], 'InvalidParameterException', /does not exist in the schema/],
      ['sub', [{ Name: 'sub', Value: 'x' }], 'InvalidParameterException', /user\.sub/],
      ['no value', [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE }], 'InvalidParameterException', /must not be null/],
      ['over the declared maximum', [{ Name: 'custom:short', Value: 'abcde' }], 'InvalidParameterException', /no longer than 4/],
      ['under the declared minimum', [{ Name: 'custom:short', Value: 'a' }], 'InvalidParameterException', /no shorter than 2/],
      ['2,049 characters (AttributeValueType)', [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE, Value: 'x'.repeat(2049) }], 'InvalidParameterException', /./],
      ['one bad among good ones', [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE, Value: 'changed' }, { Name: 'custom:nope', Value: 'x' }], 'InvalidParameterException', /custom:nope/],
      ['a verified flag the client may not write', [{ Name: 'email_verified', Value: 'true' }], 'NotAuthorizedException', /^A client attempted to write unauthorized attribute$/],
    ];
    for (const [what, attributes, type, message] of cases) {
      const result = await update(token, attributes);
      assert.equal(result.body.__type, type, `${what}: ${JSON.stringify(result.body)}`);
      expectError('UpdateUserAttributes', result, type, message);
    }
    expectError('UpdateUserAttributes', await update('not.a.token', [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE, Value: 'x' }]), 'NotAuthorizedException');
    assert.ok(snapshot(t.pool) === before, 'a refused update changed the state');
    assert.equal((await attributesOf(token))[DEFAULT_PASSKEYS_ATTRIBUTE], 'kept');
  });

  it('a client without the read permission does not see it; without the write permission may not write it', async () => {
    const { token } = await newUser();
    assert.equal((await update(token, [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE, Value: 'secret' }])).status, 200);
    await t.admin('PATCH', '/_local/settings', { clientReadAttributes: ['email', 'name'], clientWriteAttributes: ['name'] });
    const attributes = await attributesOf(token);
    assert.equal(attributes[DEFAULT_PASSKEYS_ATTRIBUTE], undefined);
    assert.ok(attributes.sub, 'sub is always readable');
    assert.ok(attributes.email);
    expectError('UpdateUserAttributes', await update(token, [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE, Value: 'x' }]), 'NotAuthorizedException', /unauthorized attribute/);
    assert.equal((await update(token, [{ Name: 'name', Value: 'Renamed' }])).status, 200);
  });

  it('a pool without the attribute neither returns nor accepts it', async () => {
    const { token } = await newUser();
    assert.equal((await update(token, [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE, Value: 'before' }])).status, 200);
    const patched = await t.admin('PATCH', '/_local/settings', { customAttributes: [] });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal((await attributesOf(token))[DEFAULT_PASSKEYS_ATTRIBUTE], undefined);
    expectError('UpdateUserAttributes', await update(token, [{ Name: DEFAULT_PASSKEYS_ATTRIBUTE, Value: 'x' }]), 'InvalidParameterException', /does not exist in the schema/);
  });

  it('the control API refuses a bad schema or permission list and changes nothing', async () => {
    for (const body of [
      { customAttributes: [{ name: 'passkeys' }] },
      { customAttributes: [{ name: 'custom:a', maxLength: 2049 }] },
      { customAttributes: Array.from({ length: 51 }, (_, i) => ({ name: `custom:a${i}` })) },
      { customAttributes: [{ name: 'custom:a' }, { name: 'custom:a' }] },
      { clientReadAttributes: ['custom:undeclared'] },
      { customAttributes: [], clientWriteAttributes: [DEFAULT_PASSKEYS_ATTRIBUTE] },
    ]) {
      const before = JSON.stringify(t.pool.ctx.config);
      assert.equal((await t.admin('PATCH', '/_local/settings', body)).status, 400, JSON.stringify(body));
      assert.equal(JSON.stringify(t.pool.ctx.config), before);
    }
  });
});

describe('GetUserAuthFactors', () => {
  async function addPasskey(token: string) {
    const options = (await t.call('StartWebAuthnRegistration', { AccessToken: token })).body.CredentialCreationOptions as PublicKeyCredentialCreationOptionsJSON;
    const credential = new SoftAuthenticator({ origin: t.pool.info.portalUrl }).register(options);
    const result = await t.call('CompleteWebAuthnRegistration', { AccessToken: token, Credential: credential });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    return credential.id;
  }

  it('answers from the user’s factors: PASSWORD, then WEB_AUTHN beside it, then WEB_AUTHN alone once the password is removed', async () => {
    const { username, token } = await newUser();
    assert.deepEqual(await factors(token), { Username: username, UserMFASettingList: [], ConfiguredUserAuthFactors: ['PASSWORD'] });
    const credentialId = await addPasskey(token);
    assert.deepEqual((await factors(token)).ConfiguredUserAuthFactors, ['PASSWORD', 'WEB_AUTHN']);
    const removed = await t.admin('DELETE', `/_local/users/${username}/password`);
    assert.equal(removed.status, 200);
    assert.deepEqual((await factors(token)).ConfiguredUserAuthFactors, ['WEB_AUTHN']);
    assert.equal((await t.call('DeleteWebAuthnCredential', { AccessToken: token, CredentialId: credentialId })).status, 200);
    assert.deepEqual((await factors(token)).ConfiguredUserAuthFactors, []);
  });

  it('refuses bad tokens as the model says', async () => {
    const before = snapshot(t.pool);
    expectError('GetUserAuthFactors', await t.call('GetUserAuthFactors', { AccessToken: 'not.a.token' }), 'NotAuthorizedException');
    expectError('GetUserAuthFactors', await t.call('GetUserAuthFactors', {}), 'InvalidParameterException');
    assert.ok(snapshot(t.pool) === before);
  });
});

describe('passwordless users (control API)', () => {
  it('are created without a password, cannot sign in with one, and are offered no PASSWORD challenge', async () => {
    const created = await t.admin('POST', '/_local/users', { username: 'no-password', passwordless: true });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const details = await t.admin('GET', '/_local/users/no-password');
    assert.equal(details.body.hasPassword, false);
    for (const password of [PASSWORD, '', 'undefined']) {
      const result = await t.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: t.pool.info.clientId, AuthParameters: { USERNAME: 'no-password', PASSWORD: password || 'x' } });
      expectError('InitiateAuth', result, 'NotAuthorizedException', /Incorrect username or password/);
    }
    const select = await t.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: t.pool.info.clientId, AuthParameters: { USERNAME: 'no-password' } });
    assert.equal(select.status, 200, JSON.stringify(select.body));
    assert.ok(!(select.body.AvailableChallenges as string[]).includes('PASSWORD'));
    assert.equal((await t.admin('POST', '/_local/users', { username: 'both', passwordless: true, password: 'x' })).status, 400);
  });
});

describe('setting a local user’s password (control API: the local pool’s “forgot password”)', () => {
  it('replaces the password, so only the new one signs in, and refuses a missing user or an unusable password', async () => {
    assert.equal((await t.admin('POST', '/_local/users', { username: 'forgetful', password: PASSWORD })).status, 201);
    const signIn = (password: string) => t.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: t.pool.info.clientId, AuthParameters: { USERNAME: 'forgetful', PASSWORD: password } });
    const set = await t.admin('PUT', '/_local/users/forgetful/password', { password: 'A-new-password-1' });
    assert.deepEqual({ status: set.status, body: set.body }, { status: 200, body: { username: 'forgetful', hasPassword: true } });
    expectError('InitiateAuth', await signIn(PASSWORD), 'NotAuthorizedException', /Incorrect username or password/);
    assert.equal((await signIn('A-new-password-1')).status, 200);
    assert.equal((await t.admin('PUT', '/_local/users/nobody-at-all/password', { password: 'A-new-password-1' })).status, 404);
    for (const password of [undefined, 7, 'short']) {
      assert.equal((await t.admin('PUT', '/_local/users/forgetful/password', { password })).status, 400, String(password));
    }
  });
});
