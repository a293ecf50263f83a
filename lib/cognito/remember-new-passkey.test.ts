import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { fakeCognitoApiForFile, type CognitoCall, type CognitoReply } from '@/lib/testing/fake-cognito-api';
import { decodeDetails, detailOf } from '@/lib/passkeys/details-codec';
import soft from '@/lib/passkeys/fixtures/soft-registration.json' with { type: 'json' };
import chromium from '@/lib/passkeys/fixtures/chromium-registrations.json' with { type: 'json' };
import { rememberNewPasskey } from './remember-new-passkey';
import { parseRegistrationCredential, type RegistrationCredential } from './passkey-input';
import { resetPasskeyDetailsAvailability } from './passkey-details';

const ATTRIBUTE = 'custom:passkeys';
const api = fakeCognitoApiForFile();
beforeEach(() => resetPasskeyDetailsAvailability());

function credential(json: unknown): RegistrationCredential {
  const parsed = parseRegistrationCredential(json);
  assert.ok(parsed.success);
  return parsed.data;
}

/** Cognito after CompleteWebAuthnRegistration: lists `ids`, keeps the attribute, refuses writes when `refuseWrites`. */
function cognitoListing(ids: string[], names: Record<string, string>, refuseWrites = false) {
  let value: string | undefined;
  return (call: CognitoCall): CognitoReply => {
    switch (call.operation) {
      case 'ListWebAuthnCredentials':
        return { body: { Credentials: ids.map((id) => ({ CredentialId: id, FriendlyCredentialName: names[id] ?? 'Passkey', RelyingPartyId: 'localhost', CreatedAt: 1 })) } };
      case 'GetUser':
        return { body: { Username: 'u', UserAttributes: value === undefined ? [] : [{ Name: ATTRIBUTE, Value: value }] } };
      case 'UpdateUserAttributes':
        if (refuseWrites) return { error: 'InvalidParameterException', message: 'user.custom:passkeys: Attribute does not exist in the schema.' };
        value = (call.body.UserAttributes as { Value: string }[])[0].Value;
        return { body: {} };
      default:
        return { error: 'InternalErrorException' };
    }
  };
}

describe('rememberNewPasskey (after Cognito accepted the passkey)', () => {
  it('keeps the AAGUID, flags and user handle, and offers the provider’s name', async () => {
    const added = credential(soft.registration);
    api.reply = cognitoListing(['older', added.id], { [added.id]: 'Security key 2' });
    const result = await rememberNewPasskey('token', added, 'aGFuZGxl', ATTRIBUTE, api.client);
    assert.deepEqual(result, { credentialId: added.id, suggestedName: '1Password', canName: true });
    const write = api.calls.filter((c) => c.operation === 'UpdateUserAttributes').at(-1)!;
    assert.equal(write.body.AccessToken, 'token');
    const stored = decodeDetails((write.body.UserAttributes as { Value: string }[])[0].Value);
    assert.equal(stored.userHandle, 'aGFuZGxl');
    assert.deepEqual(detailOf(stored, added.id), { aaguid: 'bada5566-a7aa-401f-bd96-45619a55120d', backupEligible: false, backedUp: false, name: null });
  });

  it('an unknown AAGUID offers Cognito’s name; a handle that is not base64url is not kept', async () => {
    const added = credential(chromium['platform-synced']);
    api.reply = cognitoListing([added.id], { [added.id]: 'Passkey' });
    const result = await rememberNewPasskey('token', added, 'not a handle!', ATTRIBUTE, api.client);
    assert.deepEqual(result, { credentialId: added.id, suggestedName: 'Passkey', canName: true });
    const write = api.calls.filter((c) => c.operation === 'UpdateUserAttributes').at(-1)!;
    const stored = decodeDetails((write.body.UserAttributes as { Value: string }[])[0].Value);
    assert.equal(stored.userHandle, null);
    assert.equal(detailOf(stored, added.id)?.backedUp, true);
  });

  it('without a usable attribute, or when the list does not show it yet, nothing is offered and nothing fails', async () => {
    const added = credential(chromium['platform-synced']);
    api.reply = cognitoListing([added.id], {}, true);
    assert.equal((await rememberNewPasskey('token', added, 'aGFuZGxl', ATTRIBUTE, api.client)).canName, false);
    resetPasskeyDetailsAvailability();
    api.calls.length = 0;
    api.reply = cognitoListing(['someone-else'], {});
    assert.equal((await rememberNewPasskey('token', added, 'aGFuZGxl', ATTRIBUTE, api.client)).canName, false);
    assert.deepEqual(api.calls.map((c) => c.operation), ['ListWebAuthnCredentials'], 'no write for a passkey Cognito does not list');
    api.reply = () => ({ error: 'InternalErrorException' });
    assert.equal((await rememberNewPasskey('token', added, 'aGFuZGxl', ATTRIBUTE, api.client)).canName, false);
  });
});
