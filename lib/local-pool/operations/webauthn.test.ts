import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { verifyAuthenticationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { cose, decodeCredentialPublicKey, isoBase64URL } from '@simplewebauthn/server/helpers';
import { wireStatus } from '../errors';
import { modelTable } from '../model/model-table';
import { nowSeconds } from '../store';
import { withBrowserWebAuthn } from '../testing/browser-webauthn';
import { snapshot, startTestPool, type TestPool, type WireResult } from '../testing/harness';
import { SoftAuthenticator, type RegistrationTamper } from '../testing/soft-authenticator';

const PASSWORD = 'Passkeys-4-everyone!';
const YUBIKEY_5 = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
const ICLOUD = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd';

let t: TestPool;
let origin: string;
let defaults: TestPool['pool']['ctx']['config']['webauthn'];

before(async () => {
  t = await startTestPool();
  origin = t.pool.info.portalUrl;
  defaults = structuredClone(t.pool.ctx.config.webauthn);
});
after(() => t.close());
// Tests that change pool settings must not leak them into the next test.
afterEach(async () => {
  await t.admin('PATCH', '/_local/settings', {
    webauthnEnabled: defaults.enabled,
    relyingPartyId: defaults.relyingPartyId,
    allowedOrigins: defaults.allowedOrigins,
    userVerification: defaults.userVerification,
    maxPasskeysPerUser: defaults.maxPasskeysPerUser,
    challengeTtlSeconds: defaults.challengeTtlSeconds,
  });
});

type Caller = { token: string; sub: string; username: string };
type CredentialWire = {
  CredentialId: string;
  FriendlyCredentialName: string;
  RelyingPartyId: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports: string[];
  CreatedAt: number;
};

let userCount = 0;
/** A fresh user, so each test counts only its own passkeys. */
async function newUser(): Promise<Caller> {
  userCount += 1;
  const username = `webauthn-user-${userCount}`;
  const created = await t.admin('POST', '/_local/users', { username, password: PASSWORD });
  assert.equal(created.status, 201);
  const { AccessToken } = await t.signIn(username, PASSWORD);
  return { token: AccessToken, sub: created.body.sub as string, username };
}

function expectError(operation: string, result: WireResult, type: string, status: number) {
  assert.equal(result.status, status, JSON.stringify(result.body));
  assert.equal(result.body.__type, type, JSON.stringify(result.body));
  assert.equal(result.headers.get('x-amzn-errortype'), type);
  assert.equal(typeof result.body.message, 'string');
  // The model must list the error for this operation, so the SDK can type it.
  assert.ok(modelTable.operations[operation].errors.includes(type), `${type} is not in ${operation}'s error list`);
  assert.equal(wireStatus(type), status);
}

async function startOptions(token: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const result = await t.call('StartWebAuthnRegistration', { AccessToken: token });
  assert.equal(result.status, 200, JSON.stringify(result.body));
  return result.body.CredentialCreationOptions as PublicKeyCredentialCreationOptionsJSON;
}

const complete = (token: string, credential: unknown) => t.call('CompleteWebAuthnRegistration', { AccessToken: token, Credential: credential });

async function register(caller: Caller, authenticator: SoftAuthenticator, tamper?: RegistrationTamper): Promise<RegistrationResponseJSON> {
  const credential = authenticator.register(await startOptions(caller.token), tamper);
  const result = await complete(caller.token, credential);
  assert.equal(result.status, 200, JSON.stringify(result.body));
  assert.deepEqual(result.body, {});
  return credential;
}

async function list(token: string, extra: Record<string, unknown> = {}): Promise<{ credentials: CredentialWire[]; next?: string }> {
  const result = await t.call('ListWebAuthnCredentials', { AccessToken: token, ...extra });
  assert.equal(result.status, 200, JSON.stringify(result.body));
  return { credentials: result.body.Credentials as CredentialWire[], next: result.body.NextToken as string | undefined };
}

const settings = (patch: Record<string, unknown>) => t.admin('PATCH', '/_local/settings', patch);
const soft = (options: Partial<ConstructorParameters<typeof SoftAuthenticator>[0]> = {}) => new SoftAuthenticator({ origin, ...options });
/** The state as committed to disk: what a restart would see. */
const onDisk = () => JSON.parse(readFileSync(t.dataFile, 'utf8')) as typeof t.pool.ctx.store.state;
const challengesOf = (sub: string) => t.pool.ctx.store.state.challenges.filter((c) => c.sub === sub);

describe('StartWebAuthnRegistration', () => {
  it('returns creation options in the shape Cognito returns, and records the challenge', async () => {
    const caller = await newUser();
    const before = nowSeconds();
    const options = await startOptions(caller.token);
    // Typed with @simplewebauthn/browser's own type, so the compiler checks the shape it accepts.
    const expected = {
      rp: { id: 'localhost', name: 'localhost' },
      user: { id: Buffer.from(caller.sub, 'utf8').toString('base64url'), name: caller.username, displayName: '' },
      challenge: options.challenge,
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      timeout: 60000,
      excludeCredentials: [],
      authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: 'required' },
    } satisfies PublicKeyCredentialCreationOptionsJSON;
    assert.deepEqual(options, expected);
    assert.match(options.challenge, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(Buffer.from(options.challenge, 'base64url').length, 16);
    assert.ok(!('attestation' in options) && !('extensions' in options));

    const [stored] = challengesOf(caller.sub);
    assert.equal(stored.challenge, options.challenge);
    assert.equal(stored.clientId, t.pool.info.clientId);
    assert.ok(stored.expiresAt >= before + 300 && stored.expiresAt <= nowSeconds() + 300);
  });

  it('gives a fresh challenge each time', async () => {
    const caller = await newUser();
    const a = await startOptions(caller.token);
    const b = await startOptions(caller.token);
    assert.notEqual(a.challenge, b.challenge);
    assert.equal(challengesOf(caller.sub).length, 2);
  });

  it('takes userVerification from the pool settings', async () => {
    const caller = await newUser();
    await settings({ userVerification: 'preferred' });
    assert.equal((await startOptions(caller.token)).authenticatorSelection?.userVerification, 'preferred');
  });

  it('is usable as-is by @simplewebauthn/browser startRegistration()', async () => {
    const caller = await newUser();
    const optionsJSON = await startOptions(caller.token);
    const authenticator = soft({ attachment: 'platform', aaguid: ICLOUD });
    const credential = await withBrowserWebAuthn(authenticator, () => startRegistration({ optionsJSON }));
    assert.equal(credential.id, authenticator.credentials[0].id);
    assert.equal(authenticator.credentials[0].userHandle, optionsJSON.user.id);
    const result = await complete(caller.token, credential);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const { credentials } = await list(caller.token);
    assert.deepEqual(
      credentials.map((c) => [c.CredentialId, c.FriendlyCredentialName, c.AuthenticatorAttachment]),
      [[credential.id, 'iCloud Keychain', 'platform']],
    );
  });

  it('lists the user’s passkeys in excludeCredentials, with their transports', async () => {
    const caller = await newUser();
    const key = soft({ attachment: 'cross-platform', transports: ['usb', 'nfc'] });
    const phone = soft({ transports: [] });
    const first = await register(caller, key);
    const second = await register(caller, phone);
    const options = await startOptions(caller.token);
    // Same order as ListWebAuthnCredentials: oldest first.
    const listed = (await list(caller.token)).credentials.map((c) => c.CredentialId);
    assert.deepEqual(new Set(listed), new Set([first.id, second.id]));
    assert.deepEqual(
      options.excludeCredentials,
      listed.map((id) => (id === first.id ? { type: 'public-key', id, transports: ['usb', 'nfc'] } : { type: 'public-key', id })),
    );
    // A real authenticator then refuses to register again.
    assert.throws(() => key.register(options), { name: 'InvalidStateError' });
  });

  it('is WebAuthnNotEnabled when passkeys are off, and stores no challenge', async () => {
    const caller = await newUser();
    await settings({ webauthnEnabled: false });
    expectError('StartWebAuthnRegistration', await t.call('StartWebAuthnRegistration', { AccessToken: caller.token }), 'WebAuthnNotEnabledException', 400);
    assert.equal(challengesOf(caller.sub).length, 0);
  });

  it('is WebAuthnConfigurationMissing when the pool has no relying-party ID', async () => {
    const caller = await newUser();
    await settings({ relyingPartyId: '' });
    expectError('StartWebAuthnRegistration', await t.call('StartWebAuthnRegistration', { AccessToken: caller.token }), 'WebAuthnConfigurationMissingException', 400);
    assert.equal(challengesOf(caller.sub).length, 0);
  });

  it('is LimitExceeded when the user already has the maximum number of passkeys', async () => {
    const caller = await newUser();
    await settings({ maxPasskeysPerUser: 1 });
    await register(caller, soft());
    expectError('StartWebAuthnRegistration', await t.call('StartWebAuthnRegistration', { AccessToken: caller.token }), 'LimitExceededException', 400);
    assert.equal(challengesOf(caller.sub).length, 0);
  });

  it('is NotAuthorized for a bad or revoked access token', async () => {
    expectError('StartWebAuthnRegistration', await t.call('StartWebAuthnRegistration', { AccessToken: 'not.a.token' }), 'NotAuthorizedException', 400);
    const session = await t.signIn();
    await t.call('GlobalSignOut', { AccessToken: session.AccessToken });
    expectError('StartWebAuthnRegistration', await t.call('StartWebAuthnRegistration', { AccessToken: session.AccessToken }), 'NotAuthorizedException', 400);
  });
});

describe('CompleteWebAuthnRegistration', () => {
  it('verifies and stores a real credential whose key verifies a later assertion', async () => {
    const caller = await newUser();
    const authenticator = soft({ attachment: 'cross-platform', transports: ['usb', 'nfc'], aaguid: YUBIKEY_5 });
    const before = nowSeconds();
    const credential = await register(caller, authenticator);

    const stored = t.pool.ctx.store.state.credentials.find((c) => c.credentialId === credential.id);
    assert.ok(stored);
    assert.equal(stored.sub, caller.sub);
    assert.equal(stored.aaguid, YUBIKEY_5);
    assert.equal(stored.relyingPartyId, 'localhost');
    assert.equal(stored.counter, 0);
    assert.equal(stored.attachment, 'cross-platform');
    assert.deepEqual(stored.transports, ['usb', 'nfc']);
    assert.ok(stored.createdAt >= before && stored.createdAt <= nowSeconds());
    assert.equal(decodeCredentialPublicKey(isoBase64URL.toBuffer(stored.publicKey)).get(cose.COSEKEYS.alg), cose.COSEALG.ES256);
    assert.equal(challengesOf(caller.sub).length, 0, 'the challenge is spent');
    assert.deepEqual(onDisk().credentials.find((c) => c.credentialId === credential.id), stored);

    const { credentials } = await list(caller.token);
    assert.deepEqual(credentials, [
      {
        CredentialId: credential.id,
        FriendlyCredentialName: 'YubiKey 5 Series',
        RelyingPartyId: 'localhost',
        AuthenticatorAttachment: 'cross-platform',
        AuthenticatorTransports: ['usb', 'nfc'],
        CreatedAt: stored.createdAt,
      },
    ]);

    const challenge = isoBase64URL.fromBuffer(new Uint8Array(16).fill(7));
    const verify = (response: ReturnType<SoftAuthenticator['assert']>) =>
      verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: 'localhost',
        credential: { id: stored.credentialId, publicKey: isoBase64URL.toBuffer(stored.publicKey), counter: stored.counter },
      });
    assert.equal((await verify(authenticator.assert({ challenge, rpId: 'localhost' }))).verified, true);
    assert.equal((await verify(authenticator.assert({ challenge, rpId: 'localhost' }, { badSignature: true }))).verified, false);
  });

  it('names passkeys by AAGUID or kind and keeps names distinct', async () => {
    const caller = await newUser();
    await register(caller, soft());
    await register(caller, soft());
    await register(caller, soft({ attachment: 'cross-platform' }));
    await register(caller, soft({ aaguid: ICLOUD }));
    await register(caller, soft({ aaguid: ICLOUD }));
    const { credentials } = await list(caller.token);
    assert.deepEqual(credentials.map((c) => c.FriendlyCredentialName).sort(), ['Passkey', 'Passkey 2', 'Security key', 'iCloud Keychain', 'iCloud Keychain 2']);
    const attachments = credentials.filter((c) => c.FriendlyCredentialName.startsWith('Passkey')).map((c) => c.AuthenticatorAttachment);
    assert.deepEqual(attachments, ['platform', 'platform']);
  });

  it('stores no attachment when the client reports none, and lists it without one', async () => {
    const caller = await newUser();
    const credential = soft().register(await startOptions(caller.token));
    delete credential.authenticatorAttachment;
    assert.equal((await complete(caller.token, credential)).status, 200);
    const [listed] = (await list(caller.token)).credentials;
    assert.ok(!('AuthenticatorAttachment' in listed));
    assert.equal(listed.FriendlyCredentialName, 'Passkey');
  });

  it('refuses a replayed challenge with WebAuthnChallengeNotFound', async () => {
    const caller = await newUser();
    const authenticator = soft();
    const options = await startOptions(caller.token);
    assert.equal((await complete(caller.token, authenticator.register(options))).status, 200);
    const replay = authenticator.register(options, { credentialId: isoBase64URL.fromBuffer(new Uint8Array(32).fill(1)) });
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, replay), 'WebAuthnChallengeNotFoundException', 400);
    assert.equal((await list(caller.token)).credentials.length, 1);
  });

  it('lets only one of two concurrent completions use a challenge', async () => {
    const caller = await newUser();
    const options = await startOptions(caller.token);
    const results = await Promise.all([complete(caller.token, soft().register(options)), complete(caller.token, soft().register(options))]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 400]);
    assert.equal(results.find((r) => r.status === 400)?.body.__type, 'WebAuthnChallengeNotFoundException');
    assert.equal((await list(caller.token)).credentials.length, 1);
  });

  it('refuses an expired challenge, and a later Start prunes it', async () => {
    const caller = await newUser();
    await settings({ challengeTtlSeconds: 1 });
    const options = await startOptions(caller.token);
    const [entry] = challengesOf(caller.sub);
    while (nowSeconds() < entry.expiresAt) await new Promise((r) => setTimeout(r, 50));
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, soft().register(options)), 'WebAuthnChallengeNotFoundException', 400);
    await settings({ challengeTtlSeconds: 300 });
    const fresh = await startOptions(caller.token);
    assert.deepEqual(challengesOf(caller.sub).map((c) => c.challenge), [fresh.challenge]);
  });

  it('refuses a challenge never issued', async () => {
    const caller = await newUser();
    const options = await startOptions(caller.token);
    const forged = soft().register({ ...options, challenge: isoBase64URL.fromBuffer(new Uint8Array(16)) });
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, forged), 'WebAuthnChallengeNotFoundException', 400);
  });

  it('refuses another user’s challenge without spending it', async () => {
    const owner = await newUser();
    const thief = await newUser();
    const options = await startOptions(owner.token);
    const credential = soft().register(options);
    const before = snapshot(t.pool);
    expectError('CompleteWebAuthnRegistration', await complete(thief.token, credential), 'WebAuthnChallengeNotFoundException', 400);
    assert.equal(snapshot(t.pool), before);
    assert.equal((await complete(owner.token, credential)).status, 200);
  });

  it('is WebAuthnClientMismatch when another app client completes, without spending the challenge', async () => {
    const caller = await newUser();
    const client = await t.admin('POST', '/_local/clients', { name: 'Other app' });
    const signIn = await t.call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: client.body.clientId,
      AuthParameters: { USERNAME: caller.username, PASSWORD },
    });
    const otherToken = (signIn.body.AuthenticationResult as { AccessToken: string }).AccessToken;
    const credential = soft().register(await startOptions(caller.token));
    const before = snapshot(t.pool);
    expectError('CompleteWebAuthnRegistration', await complete(otherToken, credential), 'WebAuthnClientMismatchException', 400);
    assert.equal(snapshot(t.pool), before);
    assert.equal((await complete(caller.token, credential)).status, 200);
  });

  it('is WebAuthnOriginNotAllowed for a foreign origin, changing nothing and keeping the challenge', async () => {
    const caller = await newUser();
    const authenticator = soft();
    const options = await startOptions(caller.token);
    const before = snapshot(t.pool);
    const onDiskBefore = JSON.stringify(onDisk());
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, authenticator.register(options, { origin: 'https://evil.example' })), 'WebAuthnOriginNotAllowedException', 400);
    assert.equal(snapshot(t.pool), before);
    assert.equal(JSON.stringify(onDisk()), onDiskBefore);
    assert.equal((await complete(caller.token, soft().register(options))).status, 200);
    assert.equal((await list(caller.token)).credentials.length, 1);
  });

  it('accepts a ceremony from a cross-origin iframe when its own origin is allowed', async () => {
    const caller = await newUser();
    const embedded = await startOptions(caller.token);
    assert.equal((await complete(caller.token, soft().register(embedded, { topOrigin: 'https://host.example' }))).status, 200);
    const framedElsewhere = await startOptions(caller.token);
    const foreign = soft().register(framedElsewhere, { topOrigin: origin, origin: 'https://evil.example' });
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, foreign), 'WebAuthnOriginNotAllowedException', 400);
  });

  it('is WebAuthnRelyingPartyMismatch for a credential made for another RP ID', async () => {
    const caller = await newUser();
    const credential = soft().register(await startOptions(caller.token), { rpId: 'evil.example' });
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, credential), 'WebAuthnRelyingPartyMismatchException', 400);
    assert.equal((await list(caller.token)).credentials.length, 0);
  });

  it('is WebAuthnCredentialNotSupported for an EdDSA key or an unknown attestation format', async () => {
    const caller = await newUser();
    const eddsa = soft().register(await startOptions(caller.token), { algorithm: 'EdDSA' });
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, eddsa), 'WebAuthnCredentialNotSupportedException', 400);
    const format = soft().register(await startOptions(caller.token), { format: 'made-up' });
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, format), 'WebAuthnCredentialNotSupportedException', 400);
    assert.equal((await list(caller.token)).credentials.length, 0);
  });

  it('requires user verification only when the pool does; a refusal changes nothing and keeps the challenge', async () => {
    const caller = await newUser();
    const options = await startOptions(caller.token);
    const unverified = soft().register(options, { userVerified: false });
    const before = snapshot(t.pool);
    const refused = await complete(caller.token, unverified);
    expectError('CompleteWebAuthnRegistration', refused, 'InvalidParameterException', 400);
    assert.match(String(refused.body.message), /User verification/);
    assert.equal(snapshot(t.pool), before);
    assert.deepEqual(challengesOf(caller.sub).map((c) => c.challenge), [options.challenge]);
    // The same challenge still completes with a verified ceremony.
    assert.equal((await complete(caller.token, soft().register(options))).status, 200);
    await settings({ userVerification: 'preferred' });
    assert.equal((await complete(caller.token, soft().register(await startOptions(caller.token), { userVerified: false }))).status, 200);
  });

  it('is WebAuthnNotEnabled when passkeys are switched off between Start and Complete', async () => {
    const caller = await newUser();
    const credential = soft().register(await startOptions(caller.token));
    await settings({ webauthnEnabled: false });
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, credential), 'WebAuthnNotEnabledException', 400);
    // The document's structure is checked first.
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, { id: 'AA' }), 'InvalidParameterException', 400);
    await settings({ webauthnEnabled: true });
    assert.equal((await complete(caller.token, credential)).status, 200);
  });

  it('is LimitExceeded when the limit is reached between Start and Complete', async () => {
    const caller = await newUser();
    await settings({ maxPasskeysPerUser: 1 });
    const first = soft().register(await startOptions(caller.token));
    const second = soft().register(await startOptions(caller.token));
    assert.equal((await complete(caller.token, first)).status, 200);
    const before = snapshot(t.pool);
    expectError('CompleteWebAuthnRegistration', await complete(caller.token, second), 'LimitExceededException', 400);
    assert.equal(snapshot(t.pool), before);
    assert.equal((await list(caller.token)).credentials.length, 1);
  });

  it('refuses a credential ID that is already registered, to this user or another, changing nothing', async () => {
    const caller = await newUser();
    const other = await newUser();
    const existing = await register(caller, soft());
    for (const who of [caller, other]) {
      const options = await startOptions(who.token);
      const duplicate = soft().register(options, { credentialId: existing.id });
      const before = snapshot(t.pool);
      const onDiskBefore = JSON.stringify(onDisk());
      const result = await complete(who.token, duplicate);
      expectError('CompleteWebAuthnRegistration', result, 'InvalidParameterException', 400);
      assert.match(String(result.body.message), /already registered/);
      assert.equal(snapshot(t.pool), before, 'nothing changed, the challenge included');
      assert.equal(JSON.stringify(onDisk()), onDiskBefore);
      // The challenge was not spent: a genuine new passkey completes with it.
      assert.equal((await complete(who.token, soft().register(options))).status, 200);
    }
    assert.equal(t.pool.ctx.store.state.credentials.filter((c) => c.credentialId === existing.id).length, 1);
    assert.equal((await list(other.token)).credentials.length, 1);
  });

  it('refuses malformed documents with InvalidParameter, changing nothing and keeping the challenge', async () => {
    const caller = await newUser();
    const options = await startOptions(caller.token);
    const good = soft().register(options);
    const clientData = (patch: Record<string, unknown>) =>
      Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(good.response.clientDataJSON, 'base64url').toString()), ...patch })).toString('base64url');
    const withResponse = (patch: Record<string, unknown>) => ({ ...good, response: { ...good.response, ...patch } });
    const { id: _id, ...withoutId } = good;
    void _id;
    const cases: [string, unknown, RegExp][] = [
      ['a non-JSON string', 'this is not json', /must be a JSON object/],
      ['a JSON string', JSON.stringify(good), /must be a JSON object/],
      ['an array', [good], /must be a JSON object/],
      ['a number', 42, /must be a JSON object/],
      ['no id', withoutId, /Credential\.id must be/],
      ['a numeric id', { ...good, id: 12345 }, /Credential\.id must be/],
      ['an id that is not base64url', { ...good, id: 'a+b/c=', rawId: 'a+b/c=' }, /Credential\.id is not unpadded base64url/],
      ['rawId differing from id', { ...good, rawId: 'AAAA' }, /rawId must equal/],
      ['another type', { ...good, type: 'password' }, /type must be "public-key"/],
      ['no response', { ...good, response: undefined }, /Credential\.response must be an object/],
      ['no clientDataJSON', withResponse({ clientDataJSON: undefined }), /clientDataJSON must be/],
      ['a numeric attestationObject', withResponse({ attestationObject: 7 }), /attestationObject must be/],
      ['clientDataJSON that is not JSON', withResponse({ clientDataJSON: Buffer.from('{oops').toString('base64url') }), /clientDataJSON is not base64url-encoded JSON/],
      ['clientDataJSON without a challenge', withResponse({ clientDataJSON: clientData({ challenge: undefined }) }), /clientDataJSON\.challenge/],
      ['an assertion’s clientDataJSON', withResponse({ clientDataJSON: clientData({ type: 'webauthn.get' }) }), /webauthn\.get/],
      ['an attestationObject that is not CBOR', withResponse({ attestationObject: Buffer.from('not cbor at all').toString('base64url') }), /not a valid CBOR attestation object/],
      ['an unknown transport', withResponse({ transports: ['usb', 'carrier-pigeon'] }), /carrier-pigeon/],
      ['transports that are not a list', withResponse({ transports: 'usb' }), /transports must be an array/],
      ['an unknown attachment', { ...good, authenticatorAttachment: 'implant' }, /authenticatorAttachment must be/],
      ['an id other than the authenticator data’s', { ...good, id: 'AAAAAAAA', rawId: 'AAAAAAAA' }, /does not match the credential ID in the authenticator data/],
      ['a 1 MB document', { ...good, padding: 'x'.repeat(1_000_000) }, /64 KiB/],
      ['a document just over 64 KiB', { ...good, padding: 'x'.repeat(64 * 1024) }, /64 KiB/],
    ];
    const before = snapshot(t.pool);
    const beforeState = structuredClone({ credentials: t.pool.ctx.store.state.credentials, challenges: t.pool.ctx.store.state.challenges });
    for (const [what, document, message] of cases) {
      const result = await complete(caller.token, document);
      assert.equal(result.body.__type, 'InvalidParameterException', `${what}: ${JSON.stringify(result.body)}`);
      assert.equal(result.status, 400, what);
      assert.match(String(result.body.message), message, what);
    }
    assert.deepEqual({ credentials: t.pool.ctx.store.state.credentials, challenges: t.pool.ctx.store.state.challenges }, beforeState);
    assert.equal(snapshot(t.pool), before);
    // Nothing was consumed: the genuine response still completes.
    assert.equal((await complete(caller.token, good)).status, 200);
  });

  it('refuses a missing or non-object Credential member before the handler runs', async () => {
    const caller = await newUser();
    expectError('CompleteWebAuthnRegistration', await t.call('CompleteWebAuthnRegistration', { AccessToken: caller.token }), 'InvalidParameterException', 400);
  });
});

describe('ListWebAuthnCredentials', () => {
  it('pages oldest first with MaxResults and NextToken, each credential once', async () => {
    const caller = await newUser();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await register(caller, soft())).id);
    // Spread the creation times so "oldest first" is observable, not just ID order.
    const state = t.pool.ctx.store.state;
    ids.forEach((id, i) => {
      state.credentials.find((c) => c.credentialId === id)!.createdAt = 1_700_000_000 + (4 - i) * 60;
    });
    const pages: string[][] = [];
    let next: string | undefined;
    do {
      const page = await list(caller.token, { MaxResults: 2, ...(next ? { NextToken: next } : {}) });
      pages.push(page.credentials.map((c) => c.CredentialId));
      next = page.next;
    } while (next);
    assert.deepEqual(pages, [[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]]]);
    for (const max of [0, undefined]) {
      const all = await list(caller.token, max === undefined ? {} : { MaxResults: max });
      assert.equal(all.credentials.length, 5);
      assert.equal(all.next, undefined);
    }
  });

  it('continues after a credential deleted between pages', async () => {
    const caller = await newUser();
    for (let i = 0; i < 3; i += 1) await register(caller, soft());
    const first = await list(caller.token, { MaxResults: 1 });
    const [gone] = first.credentials;
    assert.equal((await t.call('DeleteWebAuthnCredential', { AccessToken: caller.token, CredentialId: gone.CredentialId })).status, 200);
    const rest = await list(caller.token, { NextToken: first.next });
    assert.equal(rest.credentials.length, 2);
    assert.ok(!rest.credentials.some((c) => c.CredentialId === gone.CredentialId));
  });

  it('refuses a forged, altered or foreign NextToken', async () => {
    const caller = await newUser();
    const other = await newUser();
    for (let i = 0; i < 2; i += 1) await register(caller, soft());
    const genuine = (await list(caller.token, { MaxResults: 1 })).next;
    assert.ok(genuine);
    const altered = Buffer.from(genuine, 'base64url');
    altered[0] ^= 1;
    const forged = Buffer.from(JSON.stringify({ op: 'ListWebAuthnCredentials', sub: other.sub, after: '' })).toString('base64url');
    for (const bad of ['forged', forged, altered.toString('base64url')]) {
      expectError('ListWebAuthnCredentials', await t.call('ListWebAuthnCredentials', { AccessToken: caller.token, NextToken: bad }), 'InvalidParameterException', 400);
    }
    expectError('ListWebAuthnCredentials', await t.call('ListWebAuthnCredentials', { AccessToken: other.token, NextToken: genuine }), 'InvalidParameterException', 400);
  });

  it('shows only the caller’s credentials, and works while passkeys are off', async () => {
    const caller = await newUser();
    const other = await newUser();
    await register(caller, soft());
    assert.deepEqual((await list(other.token)).credentials, []);
    await settings({ webauthnEnabled: false });
    assert.equal((await list(caller.token)).credentials.length, 1);
    expectError('ListWebAuthnCredentials', await t.call('ListWebAuthnCredentials', { AccessToken: 'x' }), 'NotAuthorizedException', 400);
    expectError('ListWebAuthnCredentials', await t.call('ListWebAuthnCredentials', { AccessToken: caller.token, MaxResults: 21 }), 'InvalidParameterException', 400);
  });
});

describe('DeleteWebAuthnCredential', () => {
  it('deletes the caller’s own credential and nothing else', async () => {
    const caller = await newUser();
    const keep = await register(caller, soft());
    const drop = await register(caller, soft());
    const result = await t.call('DeleteWebAuthnCredential', { AccessToken: caller.token, CredentialId: drop.id });
    assert.equal(result.status, 200);
    assert.deepEqual(result.body, {});
    assert.deepEqual((await list(caller.token)).credentials.map((c) => c.CredentialId), [keep.id]);
    // The freed slot counts again: the same authenticator may register anew.
    assert.equal((await startOptions(caller.token)).excludeCredentials?.length, 1);
  });

  it('is ResourceNotFound for an unknown credential or another user’s, changing nothing', async () => {
    const caller = await newUser();
    const other = await newUser();
    const theirs = await register(other, soft());
    const before = snapshot(t.pool);
    for (const id of ['unknown-credential', '', theirs.id]) {
      expectError('DeleteWebAuthnCredential', await t.call('DeleteWebAuthnCredential', { AccessToken: caller.token, CredentialId: id }), 'ResourceNotFoundException', 400);
    }
    assert.equal(snapshot(t.pool), before);
    assert.deepEqual((await list(other.token)).credentials.map((c) => c.CredentialId), [theirs.id]);
  });

  it('is NotAuthorized without a valid token', async () => {
    expectError('DeleteWebAuthnCredential', await t.call('DeleteWebAuthnCredential', { AccessToken: 'bad', CredentialId: 'x' }), 'NotAuthorizedException', 400);
  });
});
