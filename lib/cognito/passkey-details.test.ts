import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { fakeCognitoApiForFile, type CognitoCall, type CognitoReply } from '@/lib/testing/fake-cognito-api';
import { decodeDetails, detailOf } from '@/lib/passkeys/details-codec';
import { readPasskeyDetails, resetPasskeyDetailsAvailability, updatePasskeyDetail } from './passkey-details';
import { deletingLocksOut, hasOtherFirstFactor } from './auth-factors';

const ATTRIBUTE = 'custom:passkeys';
const api = fakeCognitoApiForFile();
beforeEach(() => resetPasskeyDetailsAvailability());

/** A pool that keeps the attribute like Cognito: GetUser returns it, UpdateUserAttributes sets it. */
function poolWithAttribute(initial?: string) {
  let value = initial;
  return (call: CognitoCall): CognitoReply => {
    if (call.operation === 'GetUser') {
      return { body: { Username: 'u', UserAttributes: [{ Name: 'sub', Value: 's' }, ...(value === undefined ? [] : [{ Name: ATTRIBUTE, Value: value }])] } };
    }
    if (call.operation === 'UpdateUserAttributes') {
      value = (call.body.UserAttributes as { Value: string }[])[0].Value;
      return { body: {} };
    }
    return { error: 'InternalErrorException' };
  };
}

describe('readPasskeyDetails', () => {
  it('reads the stored value with GetUser and the access token', async () => {
    api.reply = poolWithAttribute('{"v":1,"u":"aGFuZGxl","p":[]}');
    const read = await readPasskeyDetails('token-1', ATTRIBUTE, api.client);
    assert.deepEqual(read, { available: true, details: { userHandle: 'aGFuZGxl', entries: new Map() } });
    assert.deepEqual(api.calls.map((c) => [c.operation, c.body.AccessToken]), [['GetUser', 'token-1']]);
  });

  it('a pool without the attribute: one probe, refused, then off for good with one warning', async () => {
    api.reply = (call) =>
      call.operation === 'GetUser'
        ? { body: { Username: 'u', UserAttributes: [] } }
        : { error: 'InvalidParameterException', message: 'Attributes did not conform to the schema: Type for attribute {custom:passkeys} could not be determined' };
    assert.deepEqual(await readPasskeyDetails('t', ATTRIBUTE, api.client), { available: false });
    assert.deepEqual(await readPasskeyDetails('t', ATTRIBUTE, api.client), { available: false });
    assert.deepEqual(api.calls.map((c) => c.operation), ['GetUser', 'UpdateUserAttributes']);
    const warnings = (console.warn as unknown as { mock: { calls: { arguments: string[] }[] } }).mock.calls;
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].arguments[0], /passkey_details_unavailable.*ReadAttributes, WriteAttributes/);
  });

  it('an app client that may not write it is the same; a token that has ended is still an error', async () => {
    api.reply = (call) =>
      call.operation === 'GetUser' ? { body: { Username: 'u', UserAttributes: [] } } : { error: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' };
    assert.deepEqual(await readPasskeyDetails('t', ATTRIBUTE, api.client), { available: false });
    resetPasskeyDetailsAvailability();
    api.reply = () => ({ error: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    await assert.rejects(readPasskeyDetails('t', ATTRIBUTE, api.client), { code: 'session-expired' });
  });

  it('an app client that may write but not read it: off as well (names could never be shown)', async () => {
    api.reply = (call) => (call.operation === 'GetUser' ? { body: { Username: 'u', UserAttributes: [] } } : { body: {} });
    assert.deepEqual(await readPasskeyDetails('t', ATTRIBUTE, api.client), { available: false });
    assert.deepEqual(api.calls.map((c) => c.operation), ['GetUser', 'UpdateUserAttributes', 'GetUser']);
    resetPasskeyDetailsAvailability();
    assert.equal(await updatePasskeyDetail('t', ATTRIBUTE, ['a'], 'a', { name: 'x' }, { client: api.client }), 'unavailable');
  });

  it('turned off (null): no call at all', async () => {
    assert.deepEqual(await readPasskeyDetails('t', null, api.client), { available: false });
    assert.equal(api.calls.length, 0);
  });
});

describe('updatePasskeyDetail', () => {
  it('merges into what is stored, prunes unlisted passkeys and keeps the user handle', async () => {
    api.reply = poolWithAttribute();
    assert.equal(await updatePasskeyDetail('t', ATTRIBUTE, ['a', 'b'], 'a', { backupEligible: true, backedUp: true }, { userHandle: 'aGFuZGxl', client: api.client }), 'saved');
    assert.equal(await updatePasskeyDetail('t', ATTRIBUTE, ['a', 'b'], 'b', { name: 'Phone' }, { client: api.client }), 'saved');
    assert.equal(await updatePasskeyDetail('t', ATTRIBUTE, ['b', 'c'], 'c', { name: 'Key' }, { client: api.client }), 'saved');
    const last = api.calls.filter((c) => c.operation === 'UpdateUserAttributes').at(-1)!;
    const stored = decodeDetails((last.body.UserAttributes as { Value: string }[])[0].Value);
    assert.equal(stored.userHandle, 'aGFuZGxl');
    assert.equal(detailOf(stored, 'a'), null, 'pruned');
    assert.equal(detailOf(stored, 'b')?.name, 'Phone');
    assert.equal(detailOf(stored, 'c')?.name, 'Key');
  });

  it('two renames racing (both read before either writes) both survive', async () => {
    const pool = poolWithAttribute();
    let value: string | undefined;
    api.reply = (call) => {
      const reply = pool(call);
      if (call.operation === 'UpdateUserAttributes') value = (call.body.UserAttributes as { Value: string }[])[0].Value;
      return reply;
    };
    const [one, two] = await Promise.all([
      updatePasskeyDetail('t', ATTRIBUTE, ['x', 'y'], 'x', { name: 'Laptop' }, { client: api.client }),
      updatePasskeyDetail('t', ATTRIBUTE, ['x', 'y'], 'y', { name: 'Phone' }, { client: api.client }),
    ]);
    assert.deepEqual([one, two], ['saved', 'saved']);
    // The interleaving that loses a write without the read-back: both read before either wrote.
    assert.deepEqual(api.calls.slice(0, 2).map((c) => c.operation), ['GetUser', 'GetUser']);
    const final = decodeDetails(value);
    assert.equal(detailOf(final, 'x')?.name, 'Laptop');
    assert.equal(detailOf(final, 'y')?.name, 'Phone');
  });

  it('an unusable attribute is "unavailable", not an error', async () => {
    api.reply = (call) =>
      call.operation === 'GetUser' ? { body: { Username: 'u', UserAttributes: [] } } : { error: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' };
    assert.equal(await updatePasskeyDetail('t', ATTRIBUTE, ['a'], 'a', { name: 'x' }, { client: api.client }), 'unavailable');
  });
});

describe('hasOtherFirstFactor and deletingLocksOut', () => {
  it('reads GetUserAuthFactors: a password, email or SMS code is another way in; WEB_AUTHN and TOTP are not', async () => {
    api.reply = () => ({ body: { Username: 'u', ConfiguredUserAuthFactors: ['WEB_AUTHN', 'SOFTWARE_TOKEN'] } });
    assert.equal(await hasOtherFirstFactor('t', api.client), false);
    api.reply = () => ({ body: { Username: 'u', ConfiguredUserAuthFactors: ['WEB_AUTHN', 'EMAIL_OTP'] } });
    assert.equal(await hasOtherFirstFactor('t', api.client), true);
    api.reply = () => ({ error: 'InternalErrorException' });
    assert.equal(await hasOtherFirstFactor('t', api.client), null);
    assert.equal(api.calls[0].operation, 'GetUserAuthFactors');
  });

  it('refuses the last passkey without another factor, or when factors are unknown', () => {
    assert.equal(deletingLocksOut(1, false), true);
    assert.equal(deletingLocksOut(1, null), true);
    assert.equal(deletingLocksOut(1, true), false);
    assert.equal(deletingLocksOut(2, false), false);
    assert.equal(deletingLocksOut(2, null), false);
  });
});
