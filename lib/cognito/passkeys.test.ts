import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import { COGNITO_CALL_LIMITS, createCognitoClient } from './client';
import { cognitoRejection, startFakeCognitoApi, type CognitoCall, type CognitoReply } from '@/lib/testing/fake-cognito-api';
import type { RegistrationCredential } from './passkey-input';
import { completePasskeyRegistration, deletePasskey, listPasskeys, MAX_PASSKEY_PAGES, PASSKEY_PAGE_SIZE, startPasskeyRegistration } from './passkeys';

// Each test says how the stand-in for Cognito answers (`answer`); every call is recorded.
let answer: (call: CognitoCall) => CognitoReply = () => ({ body: {} });
let fake: Awaited<ReturnType<typeof startFakeCognitoApi>>;
// The fake's own record: cleared in place, never reassigned.
let calls: CognitoCall[];
let client: ReturnType<typeof createCognitoClient>;

before(async () => {
  fake = await startFakeCognitoApi((call) => answer(call));
  calls = fake.calls;
  client = createCognitoClient({ region: 'local-1', sdkEndpoint: fake.endpoint }, { maxAttempts: 1, connectionTimeoutMs: 500, requestTimeoutMs: 1_000 });
});

after(() => fake.close());

beforeEach(() => {
  calls.length = 0;
  // callCognito logs failures for the operator; keep the test output clean.
  mock.method(console, 'info', () => {});
  mock.method(console, 'error', () => {});
  mock.method(console, 'warn', () => {});
});

afterEach(() => mock.restoreAll());

const T0 = 1_780_000_000;
const credential = (i: number) => ({
  CredentialId: `cred-${String(i).padStart(3, '0')}`,
  FriendlyCredentialName: `Passkey ${i}`,
  RelyingPartyId: 'portal.example.com',
  ...(i % 2 ? { AuthenticatorAttachment: 'cross-platform' } : {}),
  AuthenticatorTransports: i % 2 ? ['usb', 'nfc'] : ['internal'],
  CreatedAt: T0 + i,
});

/** Pages of `total` credentials by MaxResults, with the offset as the NextToken. */
function pagesOf(total: number) {
  return ({ body }: CognitoCall): CognitoReply => {
    const start = body.NextToken ? Number(body.NextToken) : 0;
    const size = Number(body.MaxResults ?? 10);
    const end = Math.min(start + size, total);
    return { body: { Credentials: Array.from({ length: end - start }, (_, k) => credential(start + k)), ...(end < total ? { NextToken: String(end) } : {}) } };
  };
}


describe('listPasskeys', () => {
  it('reads every page, 20 at a time (the model’s maximum), following NextToken', async () => {
    answer = pagesOf(45);
    const { passkeys, truncated } = await listPasskeys('token', client);
    assert.equal(truncated, false);
    assert.equal(passkeys.length, 45);
    assert.deepEqual(
      calls.map((c) => [c.operation, c.body.MaxResults, c.body.NextToken]),
      [
        ['ListWebAuthnCredentials', PASSKEY_PAGE_SIZE, undefined],
        ['ListWebAuthnCredentials', PASSKEY_PAGE_SIZE, '20'],
        ['ListWebAuthnCredentials', PASSKEY_PAGE_SIZE, '40'],
      ],
    );
    assert.ok(calls.every((c) => c.body.AccessToken === 'token'));
    assert.deepEqual(passkeys.map((p) => p.id).slice(0, 3), ['cred-000', 'cred-001', 'cred-002']);
  });

  it('makes one call when everything fits on one page, and returns plain data with dates as epoch seconds', async () => {
    answer = pagesOf(2);
    const { passkeys } = await listPasskeys('token', client);
    assert.equal(calls.length, 1);
    assert.deepEqual(passkeys, [
      { id: 'cred-000', name: 'Passkey 0', relyingPartyId: 'portal.example.com', attachment: null, transports: ['internal'], createdAt: T0 },
      { id: 'cred-001', name: 'Passkey 1', relyingPartyId: 'portal.example.com', attachment: 'cross-platform', transports: ['usb', 'nfc'], createdAt: T0 + 1 },
    ]);
    assert.deepEqual(JSON.parse(JSON.stringify(passkeys)), passkeys, 'survives JSON: it can cross to the browser');
  });

  it('shows an empty list when there are none', async () => {
    answer = () => ({ body: { Credentials: [] } });
    assert.deepEqual(await listPasskeys('token', client), { passkeys: [], truncated: false });
  });

  it('stops at the page cap when the service keeps sending a NextToken', async () => {
    let n = 0;
    answer = () => ({ body: { Credentials: [credential(n)], NextToken: `t${(n += 1)}` } });
    const { passkeys, truncated } = await listPasskeys('token', client);
    assert.equal(calls.length, MAX_PASSKEY_PAGES);
    assert.equal(truncated, true);
    assert.equal(passkeys.length, MAX_PASSKEY_PAGES);
  });

  it('stops when a NextToken repeats instead of reading the same page forever', async () => {
    answer = () => ({ body: { Credentials: [credential(1)], NextToken: 'same' } });
    const { passkeys, truncated } = await listPasskeys('token', client);
    assert.equal(calls.length, 2);
    assert.equal(truncated, true);
    assert.equal(passkeys.length, 1, 'and shows a passkey seen twice once');
  });

  it('fails as a whole, in portal terms, when a later page fails', async () => {
    answer = (call) => (call.body.NextToken ? { error: 'TooManyRequestsException' } : pagesOf(30)(call));
    const error = await cognitoRejection(listPasskeys('token', client));
    assert.equal(error.code, 'throttled');
    assert.equal(error.operation, 'ListWebAuthnCredentials');
  });

  it('asks to sign in again when the token is refused', async () => {
    answer = () => ({ error: 'NotAuthorizedException' });
    const error = await cognitoRejection(listPasskeys('token', client));
    assert.equal(error.signInAgain, true);
  });
});

const OPTIONS = {
  rp: { id: 'portal.example.com', name: 'portal.example.com' },
  user: { id: 'dXNlcg', name: 'alice', displayName: '' },
  challenge: 'Y2hhbGxlbmdl',
  pubKeyCredParams: [
    { type: 'public-key', alg: -7 },
    { type: 'public-key', alg: -257 },
  ],
  timeout: 60000,
  excludeCredentials: [{ type: 'public-key', id: 'cred-000' }],
  authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: 'required' },
};

describe('startPasskeyRegistration', () => {
  it('returns Cognito’s CredentialCreationOptions as they are', async () => {
    answer = () => ({ body: { CredentialCreationOptions: OPTIONS } });
    assert.deepEqual(await startPasskeyRegistration('token', client), OPTIONS);
    assert.deepEqual(calls, [{ operation: 'StartWebAuthnRegistration', body: { AccessToken: 'token' } }]);
  });

  it('turns an answer the browser could not use into an error, not a crash in the browser', async () => {
    answer = () => ({ body: { CredentialCreationOptions: { ...OPTIONS, challenge: undefined } } });
    const error = await cognitoRejection(startPasskeyRegistration('token', client));
    assert.equal(error.code, 'unexpected');
  });

  for (const [exception, code] of [
    ['WebAuthnNotEnabledException', 'passkeys-not-enabled'],
    ['WebAuthnConfigurationMissingException', 'service-misconfigured'],
    ['LimitExceededException', 'limit-exceeded'],
  ] as const) {
    it(`maps ${exception} to ${code}`, async () => {
      answer = () => ({ error: exception });
      assert.equal((await cognitoRejection(startPasskeyRegistration('token', client))).code, code);
    });
  }
});

describe('completePasskeyRegistration', () => {
  it('sends the checked credential as JSON, without undefined members', async () => {
    answer = () => ({ body: {} });
    const credentialJson = {
      id: 'abcd',
      rawId: 'abcd',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'o2Nm', transports: ['usb'], publicKey: undefined },
      authenticatorAttachment: undefined,
      clientExtensionResults: {},
    } as RegistrationCredential;
    await completePasskeyRegistration('token', credentialJson, client);
    assert.deepEqual(calls, [
      {
        operation: 'CompleteWebAuthnRegistration',
        body: {
          AccessToken: 'token',
          Credential: { id: 'abcd', rawId: 'abcd', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'o2Nm', transports: ['usb'] }, clientExtensionResults: {} },
        },
      },
    ]);
  });

  // Cognito carries out the first call but answers too late; a repeat finds the challenge spent.
  const slowThenSpent = () => (calls.length === 1 ? 'hang' : { error: 'WebAuthnChallengeNotFoundException' });
  it('is not repeated after a timeout: it may have stored the passkey, so the outcome is unknown, not an expired challenge', async () => {
    answer = slowThenSpent;
    const client = createCognitoClient({ region: 'local-1', sdkEndpoint: fake.endpoint }, { ...COGNITO_CALL_LIMITS, requestTimeoutMs: 300 });
    const error = await cognitoRejection(completePasskeyRegistration('token', {} as RegistrationCredential, client));
    assert.equal(calls.length, 1);
    assert.equal(error.code, 'outcome-unknown');
  });

  for (const [exception, code] of [
    ['WebAuthnChallengeNotFoundException', 'passkey-challenge-expired'],
    ['WebAuthnOriginNotAllowedException', 'passkey-origin-not-allowed'],
    ['WebAuthnRelyingPartyMismatchException', 'passkey-relying-party-mismatch'],
    ['WebAuthnCredentialNotSupportedException', 'passkey-not-supported'],
  ] as const) {
    it(`maps ${exception} to ${code}`, async () => {
      answer = () => ({ error: exception });
      assert.equal((await cognitoRejection(completePasskeyRegistration('token', {} as RegistrationCredential, client))).code, code);
    });
  }
});

describe('deletePasskey', () => {
  it('deletes by CredentialId', async () => {
    answer = () => ({ body: {} });
    await deletePasskey('token', 'cred-001', client);
    assert.deepEqual(calls, [{ operation: 'DeleteWebAuthnCredential', body: { AccessToken: 'token', CredentialId: 'cred-001' } }]);
  });

  it('reports a passkey that is already gone as not-found', async () => {
    answer = () => ({ error: 'ResourceNotFoundException' });
    assert.equal((await cognitoRejection(deletePasskey('token', 'cred-001', client))).code, 'not-found');
  });
});
