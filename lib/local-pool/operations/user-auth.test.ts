import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  CognitoIdentityProviderClient,
  GetUserCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { wireStatus } from '../errors';
import { modelTable } from '../model/model-table';
import { nowSeconds, type PoolState } from '../store';
import { snapshot, startTestPool, type TestPool, type WireResult } from '../testing/harness';
import { SoftAuthenticator } from '../testing/soft-authenticator';
import { sha256 } from '../tokens';

const PASSWORD = 'Passkeys-4-everyone!';

let t: TestPool;
let defaults: TestPool['pool']['ctx']['config']['webauthn'];
before(async () => {
  t = await startTestPool();
  defaults = structuredClone(t.pool.ctx.config.webauthn);
});
after(() => t.close());
afterEach(async () => {
  await t.admin('PATCH', '/_local/settings', { userVerification: defaults.userVerification, webauthnEnabled: defaults.enabled });
});

type Person = { username: string; sub: string; authenticator: SoftAuthenticator; credentialId: string };
type RequestOptions = PublicKeyCredentialRequestOptionsJSON & { hints: string[]; attestation: string; attestationFormats: string[] };

let count = 0;
async function newUser(withPasskey = true): Promise<Person> {
  count += 1;
  const username = `passkey-user-${count}`;
  const created = await t.admin('POST', '/_local/users', { username, password: PASSWORD });
  assert.equal(created.status, 201);
  const authenticator = new SoftAuthenticator({ origin: t.pool.info.portalUrl });
  if (!withPasskey) return { username, sub: created.body.sub as string, authenticator, credentialId: '' };
  const { AccessToken } = await t.signIn(username, PASSWORD);
  const start = await t.call('StartWebAuthnRegistration', { AccessToken });
  const credential = authenticator.register(start.body.CredentialCreationOptions as PublicKeyCredentialCreationOptionsJSON);
  const complete = await t.call('CompleteWebAuthnRegistration', { AccessToken, Credential: credential });
  assert.equal(complete.status, 200, JSON.stringify(complete.body));
  return { username, sub: created.body.sub as string, authenticator, credentialId: credential.id };
}

const initiate = (params: Record<string, string>, clientId = t.pool.info.clientId) =>
  t.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: clientId, AuthParameters: params });

const respond = (challengeName: string, session: string, responses: Record<string, string>, clientId = t.pool.info.clientId) =>
  t.call('RespondToAuthChallenge', { ChallengeName: challengeName, ClientId: clientId, Session: session, ChallengeResponses: responses });

async function webAuthnChallenge(person: Person): Promise<{ session: string; options: RequestOptions }> {
  const result = await initiate({ USERNAME: person.username, PREFERRED_CHALLENGE: 'WEB_AUTHN' });
  assert.equal(result.status, 200, JSON.stringify(result.body));
  assert.equal(result.body.ChallengeName, 'WEB_AUTHN');
  const parameters = result.body.ChallengeParameters as Record<string, string>;
  return { session: result.body.Session as string, options: JSON.parse(parameters.CREDENTIAL_REQUEST_OPTIONS) as RequestOptions };
}

function expectError(operation: string, result: WireResult, type: string, message?: RegExp) {
  assert.equal(result.body.__type, type, JSON.stringify(result.body));
  assert.equal(result.headers.get('x-amzn-errortype'), type);
  assert.equal(result.status, wireStatus(type));
  assert.ok(modelTable.operations[operation].errors.includes(type), `${type} is not in ${operation}'s error list`);
  if (message) assert.match(String(result.body.message), message);
}

const state = () => t.pool.ctx.store.state;
const storedCounter = (credentialId: string) => state().credentials.find((c) => c.credentialId === credentialId)?.counter;
const flowSession = (session: string) => state().authFlowSessions.find((s) => s.sessionHash === sha256(session));
const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

/** The state as it was, with only this Session marked spent: what a refused answer may change. */
function withSessionSpent(before: string, session: string): PoolState {
  const expected = JSON.parse(before) as PoolState;
  const record = expected.authFlowSessions.find((s) => s.sessionHash === sha256(session));
  assert.ok(record, 'the session was recorded');
  record.spentAt = flowSession(session)?.spentAt;
  assert.equal(typeof record.spentAt, 'number', 'the session is spent');
  return expected;
}

describe('InitiateAuth USER_AUTH', () => {
  it('returns the WEB_AUTHN challenge with CREDENTIAL_REQUEST_OPTIONS in the shape Cognito sends', async () => {
    const person = await newUser();
    const result = await initiate({ USERNAME: person.username, PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.deepEqual(Object.keys(result.body).sort(), ['ChallengeName', 'ChallengeParameters', 'Session']);
    assert.equal(result.body.ChallengeName, 'WEB_AUTHN');
    const session = result.body.Session as string;
    assert.ok(session.length >= 20 && session.length <= 2048, 'Session fits SessionType (20–2048)');
    const parameters = result.body.ChallengeParameters as Record<string, string>;
    assert.deepEqual(Object.keys(parameters), ['CREDENTIAL_REQUEST_OPTIONS']);
    assert.equal(typeof parameters.CREDENTIAL_REQUEST_OPTIONS, 'string');
    const options = JSON.parse(parameters.CREDENTIAL_REQUEST_OPTIONS) as RequestOptions;
    assert.deepEqual(options, {
      hints: [],
      attestation: 'none',
      attestationFormats: [],
      challenge: options.challenge,
      timeout: 180000,
      rpId: 'localhost',
      allowCredentials: [{ id: person.credentialId, type: 'public-key', transports: ['internal', 'hybrid'] }],
      userVerification: 'required',
    });
    assert.equal(Buffer.from(options.challenge, 'base64url').length, 16);
    assert.match(options.challenge, /^[A-Za-z0-9_-]{22}$/);

    // Stored by hash only, bound to the user, client and challenge, expiring after 3 minutes.
    const record = flowSession(session)!;
    assert.deepEqual({ ...record, expiresAt: 0 }, {
      sessionHash: sha256(session),
      clientId: t.pool.info.clientId,
      username: person.username,
      sub: person.sub,
      challengeName: 'WEB_AUTHN',
      webAuthnChallenge: options.challenge,
      expiresAt: 0,
    });
    assert.ok(Math.abs(record.expiresAt - (nowSeconds() + 180)) <= 2);
    const onDisk = readFileSync(t.dataFile, 'utf8');
    assert.ok(onDisk.includes(sha256(session)), 'the session is on disk, so it survives a restart');
    assert.ok(!onDisk.includes(session), 'the Session itself is never stored');
  });

  it('without PREFERRED_CHALLENGE answers SELECT_CHALLENGE with AvailableChallenges', async () => {
    const person = await newUser();
    const result = await initiate({ USERNAME: person.username });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal(result.body.ChallengeName, 'SELECT_CHALLENGE');
    assert.deepEqual(result.body.AvailableChallenges, ['PASSWORD', 'WEB_AUTHN']);
    assert.deepEqual(result.body.ChallengeParameters, {});
    assert.equal(typeof result.body.Session, 'string');
    assert.equal(result.body.AuthenticationResult, undefined);
  });

  it('offers no WEB_AUTHN to a user without passkeys, and answers an unknown user the same way', async () => {
    const person = await newUser(false);
    for (const username of [person.username, 'nobody-by-this-name']) {
      for (const params of [{ USERNAME: username }, { USERNAME: username, PREFERRED_CHALLENGE: 'WEB_AUTHN' }] as Record<string, string>[]) {
        const result = await initiate(params);
        assert.equal(result.status, 200, JSON.stringify(result.body));
        assert.equal(result.body.ChallengeName, 'SELECT_CHALLENGE', JSON.stringify(params));
        assert.deepEqual(result.body.AvailableChallenges, ['PASSWORD']);
      }
    }
  });

  it('offers no WEB_AUTHN when passkeys are off in the pool', async () => {
    const person = await newUser();
    await t.admin('PATCH', '/_local/settings', { webauthnEnabled: false });
    const result = await initiate({ USERNAME: person.username, PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    assert.equal(result.body.ChallengeName, 'SELECT_CHALLENGE');
    assert.deepEqual(result.body.AvailableChallenges, ['PASSWORD']);
  });

  it('signs in at once with PREFERRED_CHALLENGE PASSWORD and the password', async () => {
    const person = await newUser(false);
    const result = await initiate({ USERNAME: person.username, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const tokens = result.body.AuthenticationResult as Record<string, string>;
    assert.equal(decode(tokens.AccessToken).sub, person.sub);
    const before = snapshot(t.pool);
    expectError('InitiateAuth', await initiate({ USERNAME: person.username, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'wrong' }), 'NotAuthorizedException', /Incorrect username or password/);
    assert.equal(snapshot(t.pool), before);
  });

  it('refuses bad input and clients that do not allow USER_AUTH, recording nothing', async () => {
    const person = await newUser();
    const before = snapshot(t.pool);
    expectError('InitiateAuth', await initiate({ PREFERRED_CHALLENGE: 'WEB_AUTHN' }), 'InvalidParameterException', /USERNAME/);
    expectError('InitiateAuth', await initiate({ USERNAME: person.username, PREFERRED_CHALLENGE: 'FINGERPRINT' }), 'InvalidParameterException', /PREFERRED_CHALLENGE/);
    expectError('InitiateAuth', await initiate({ USERNAME: person.username }, 'unknownclient'), 'ResourceNotFoundException');
    assert.equal(snapshot(t.pool), before);
    const client = (await t.admin('POST', '/_local/clients', { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] })).body as { clientId: string };
    const snapshotWithClient = snapshot(t.pool);
    expectError('InitiateAuth', await initiate({ USERNAME: person.username, PREFERRED_CHALLENGE: 'WEB_AUTHN' }, client.clientId), 'InvalidParameterException', /USER_AUTH flow not enabled/);
    assert.equal(snapshot(t.pool), snapshotWithClient);
  });
});

describe('RespondToAuthChallenge WEB_AUTHN', () => {
  it('returns tokens for a good assertion, moves the stored counter forward and spends the Session', async () => {
    const person = await newUser();
    const { session, options } = await webAuthnChallenge(person);
    const sessionsBefore = state().sessions.length;
    const assertion = person.authenticator.assert(options);
    const result = await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(assertion) });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const tokens = result.body.AuthenticationResult as Record<string, string | number>;
    assert.equal(tokens.TokenType, 'Bearer');
    assert.ok(tokens.RefreshToken && tokens.IdToken);
    const access = decode(tokens.AccessToken as string);
    assert.equal(access.sub, person.sub);
    assert.equal(access.username, person.username);
    assert.ok(Math.abs((access.auth_time as number) - nowSeconds()) <= 2, 'auth_time is the passkey sign-in');
    assert.equal((await t.call('GetUser', { AccessToken: tokens.AccessToken })).body.Username, person.username);

    assert.equal(storedCounter(person.credentialId), 1);
    assert.equal(JSON.parse(readFileSync(t.dataFile, 'utf8')).credentials.find((c: { credentialId: string }) => c.credentialId === person.credentialId).counter, 1);
    assert.equal(state().sessions.length, sessionsBefore + 1);
    assert.equal(typeof flowSession(session)?.spentAt, 'number');
  });

  it('refuses a replayed Session without changing anything', async () => {
    const person = await newUser();
    const { session, options } = await webAuthnChallenge(person);
    const first = await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(options)) });
    assert.equal(first.status, 200);
    const before = snapshot(t.pool);
    // A fresh, validly signed assertion for the same challenge: the Session alone makes it a replay.
    const replay = await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(options)) });
    expectError('RespondToAuthChallenge', replay, 'NotAuthorizedException', /session can only be used once/);
    assert.equal(snapshot(t.pool), before);
    assert.equal(storedCounter(person.credentialId), 1);
  });

  it('refuses an assertion for another Session’s challenge (a replayed challenge), spending only this Session', async () => {
    const person = await newUser();
    const a = await webAuthnChallenge(person);
    const b = await webAuthnChallenge(person);
    const before = snapshot(t.pool);
    const result = await respond('WEB_AUTHN', b.session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(a.options)) });
    expectError('RespondToAuthChallenge', result, 'NotAuthorizedException');
    assert.deepEqual(state(), withSessionSpent(before, b.session));
    assert.equal(flowSession(a.session)?.spentAt, undefined, 'the other session is untouched');
  });

  it('refuses an expired Session without changing anything', async () => {
    const person = await newUser();
    const { session, options } = await webAuthnChallenge(person);
    flowSession(session)!.expiresAt = nowSeconds() - 1;
    const before = snapshot(t.pool);
    const result = await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(options)) });
    expectError('RespondToAuthChallenge', result, 'NotAuthorizedException', /session is expired/);
    assert.equal(snapshot(t.pool), before);
  });

  it('refuses an unknown Session, and one from another app client', async () => {
    const person = await newUser();
    const { session, options } = await webAuthnChallenge(person);
    const credential = JSON.stringify(person.authenticator.assert(options));
    const other = (await t.admin('POST', '/_local/clients', { explicitAuthFlows: ['ALLOW_USER_AUTH'] })).body as { clientId: string };
    const before = snapshot(t.pool);
    expectError('RespondToAuthChallenge', await respond('WEB_AUTHN', 'x'.repeat(64), { USERNAME: person.username, CREDENTIAL: credential }), 'NotAuthorizedException', /Invalid session/);
    expectError('RespondToAuthChallenge', await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: credential }, other.clientId), 'NotAuthorizedException', /Invalid session/);
    assert.equal(snapshot(t.pool), before);
  });

  it('refuses a wrong signature, leaving the counter and sign-ins as they were', async () => {
    const person = await newUser();
    const { session, options } = await webAuthnChallenge(person);
    const before = snapshot(t.pool);
    const result = await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(options, { badSignature: true })) });
    expectError('RespondToAuthChallenge', result, 'NotAuthorizedException');
    assert.equal(result.body.AuthenticationResult, undefined);
    assert.deepEqual(state(), withSessionSpent(before, session));
  });

  it('refuses a credential the pool does not know', async () => {
    const person = await newUser();
    const { session, options } = await webAuthnChallenge(person);
    // A passkey for the same RP ID that was never registered with the pool.
    const stranger = new SoftAuthenticator({ origin: t.pool.info.portalUrl });
    stranger.register({ rp: { id: 'localhost', name: 'localhost' }, user: { id: 'c3RyYW5nZXI', name: 'x', displayName: '' }, challenge: 'AAAA', pubKeyCredParams: [{ type: 'public-key', alg: -7 }] });
    const before = snapshot(t.pool);
    const result = await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(stranger.assert({ ...options, allowCredentials: [] })) });
    expectError('RespondToAuthChallenge', result, 'NotAuthorizedException');
    assert.deepEqual(state(), withSessionSpent(before, session));
  });

  it('refuses another user’s passkey for the named USERNAME', async () => {
    const alice = await newUser();
    const bob = await newUser();
    const { session, options } = await webAuthnChallenge(alice);
    const before = snapshot(t.pool);
    // Bob's authenticator signs Alice's challenge with Bob's (registered, valid) passkey.
    const result = await respond('WEB_AUTHN', session, { USERNAME: alice.username, CREDENTIAL: JSON.stringify(bob.authenticator.assert({ ...options, allowCredentials: [] })) });
    expectError('RespondToAuthChallenge', result, 'NotAuthorizedException');
    assert.deepEqual(state(), withSessionSpent(before, session));
    assert.equal(storedCounter(bob.credentialId), 0);
  });

  it('refuses a signature counter that does not move forward', async () => {
    const person = await newUser();
    state().credentials.find((c) => c.credentialId === person.credentialId)!.counter = 100;
    const { session, options } = await webAuthnChallenge(person);
    const before = snapshot(t.pool);
    const result = await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(options)) });
    expectError('RespondToAuthChallenge', result, 'NotAuthorizedException', /counter/);
    assert.deepEqual(state(), withSessionSpent(before, session));
    assert.equal(storedCounter(person.credentialId), 100);
  });

  it('requires user verification when the pool does, and not when it prefers it', async () => {
    const person = await newUser();
    const required = await webAuthnChallenge(person);
    const before = snapshot(t.pool);
    const refused = await respond('WEB_AUTHN', required.session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(required.options, { userVerified: false })) });
    expectError('RespondToAuthChallenge', refused, 'NotAuthorizedException', /verif/);
    assert.deepEqual(state(), withSessionSpent(before, required.session));

    await t.admin('PATCH', '/_local/settings', { userVerification: 'preferred' });
    const preferred = await webAuthnChallenge(person);
    assert.equal(preferred.options.userVerification, 'preferred');
    const accepted = await respond('WEB_AUTHN', preferred.session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(preferred.options, { userVerified: false })) });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  });

  it('refuses an assertion made on an origin the pool does not allow', async () => {
    const person = await newUser();
    const { session, options } = await webAuthnChallenge(person);
    const before = snapshot(t.pool);
    const result = await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(options, { origin: 'https://evil.example' })) });
    expectError('RespondToAuthChallenge', result, 'NotAuthorizedException', /origin/);
    assert.deepEqual(state(), withSessionSpent(before, session));
  });

  it('refuses a malformed CREDENTIAL with InvalidParameter, leaving the Session usable', async () => {
    const person = await newUser();
    const { session, options } = await webAuthnChallenge(person);
    const good = person.authenticator.assert(options);
    const before = snapshot(t.pool);
    const malformed = [
      'not json',
      '[]',
      JSON.stringify({ ...good, id: 'not base64url!' }),
      JSON.stringify({ ...good, rawId: 'AAAA' }),
      JSON.stringify({ ...good, type: 'password' }),
      JSON.stringify({ ...good, response: { ...good.response, signature: undefined } }),
      JSON.stringify({ ...good, response: { ...good.response, clientDataJSON: Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin: 'http://localhost:3000' })).toString('base64url') } }),
    ];
    for (const credential of malformed) {
      expectError('RespondToAuthChallenge', await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: credential }), 'InvalidParameterException');
    }
    expectError('RespondToAuthChallenge', await respond('WEB_AUTHN', session, { USERNAME: person.username }), 'InvalidParameterException', /CREDENTIAL/);
    expectError('RespondToAuthChallenge', await respond('WEB_AUTHN', session, { CREDENTIAL: JSON.stringify(good) }), 'InvalidParameterException', /USERNAME/);
    expectError(
      'RespondToAuthChallenge',
      await t.call('RespondToAuthChallenge', { ChallengeName: 'WEB_AUTHN', ClientId: t.pool.info.clientId, ChallengeResponses: { USERNAME: person.username, CREDENTIAL: JSON.stringify(good) } }),
      'InvalidParameterException',
      /Session/,
    );
    expectError('RespondToAuthChallenge', await respond('SMS_MFA', session, { USERNAME: person.username, SMS_MFA_CODE: '123456' }), 'InvalidParameterException');
    assert.equal(snapshot(t.pool), before);
    // None of that spent the Session.
    const result = await respond('WEB_AUTHN', session, { USERNAME: person.username, CREDENTIAL: JSON.stringify(good) });
    assert.equal(result.status, 200, JSON.stringify(result.body));
  });

  it('refuses a USERNAME other than the one the Session is for, without spending it', async () => {
    const alice = await newUser();
    const bob = await newUser();
    const { session, options } = await webAuthnChallenge(alice);
    const before = snapshot(t.pool);
    const result = await respond('WEB_AUTHN', session, { USERNAME: bob.username, CREDENTIAL: JSON.stringify(alice.authenticator.assert(options)) });
    expectError('RespondToAuthChallenge', result, 'NotAuthorizedException', /Invalid session/);
    assert.equal(snapshot(t.pool), before);
  });
});

describe('RespondToAuthChallenge SELECT_CHALLENGE', () => {
  it('ANSWER WEB_AUTHN gives the WEB_AUTHN challenge, which a passkey then answers', async () => {
    const person = await newUser();
    const select = await initiate({ USERNAME: person.username });
    const step = await respond('SELECT_CHALLENGE', select.body.Session as string, { USERNAME: person.username, ANSWER: 'WEB_AUTHN' });
    assert.equal(step.status, 200, JSON.stringify(step.body));
    assert.equal(step.body.ChallengeName, 'WEB_AUTHN');
    assert.notEqual(step.body.Session, select.body.Session);
    const options = JSON.parse((step.body.ChallengeParameters as Record<string, string>).CREDENTIAL_REQUEST_OPTIONS) as RequestOptions;
    const done = await respond('WEB_AUTHN', step.body.Session as string, { USERNAME: person.username, CREDENTIAL: JSON.stringify(person.authenticator.assert(options)) });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.ok((done.body.AuthenticationResult as Record<string, string>).AccessToken);
    expectError('RespondToAuthChallenge', await respond('SELECT_CHALLENGE', select.body.Session as string, { USERNAME: person.username, ANSWER: 'WEB_AUTHN' }), 'NotAuthorizedException', /only be used once/);
  });

  it('ANSWER PASSWORD with the password signs in; a wrong one is refused and spends the Session', async () => {
    const person = await newUser(false);
    const first = await initiate({ USERNAME: person.username });
    const ok = await respond('SELECT_CHALLENGE', first.body.Session as string, { USERNAME: person.username, ANSWER: 'PASSWORD', PASSWORD });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(decode((ok.body.AuthenticationResult as Record<string, string>).AccessToken).sub, person.sub);

    const second = await initiate({ USERNAME: person.username });
    const before = snapshot(t.pool);
    expectError('RespondToAuthChallenge', await respond('SELECT_CHALLENGE', second.body.Session as string, { USERNAME: person.username, ANSWER: 'PASSWORD', PASSWORD: 'wrong' }), 'NotAuthorizedException', /Incorrect username or password/);
    assert.deepEqual(state(), withSessionSpent(before, second.body.Session as string));
  });

  it('refuses an ANSWER that is not among AvailableChallenges, without spending the Session', async () => {
    const person = await newUser(false);
    const select = await initiate({ USERNAME: person.username });
    const before = snapshot(t.pool);
    expectError('RespondToAuthChallenge', await respond('SELECT_CHALLENGE', select.body.Session as string, { USERNAME: person.username, ANSWER: 'WEB_AUTHN' }), 'InvalidParameterException', /AvailableChallenges/);
    expectError('RespondToAuthChallenge', await respond('WEB_AUTHN', select.body.Session as string, { USERNAME: person.username, CREDENTIAL: '{}' }), 'InvalidParameterException');
    assert.equal(snapshot(t.pool), before);
  });
});

describe('USER_AUTH through @aws-sdk/client-cognito-identity-provider', () => {
  it('runs the passkey sign-in with the real SDK, and maps a refusal to NotAuthorizedException', async () => {
    const person = await newUser();
    const client = new CognitoIdentityProviderClient({ region: t.pool.info.region, endpoint: t.pool.info.endpoint, maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    try {
      const select = await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId: t.pool.info.clientId, AuthParameters: { USERNAME: person.username } }));
      assert.equal(select.ChallengeName, 'SELECT_CHALLENGE');
      assert.deepEqual(select.AvailableChallenges, ['PASSWORD', 'WEB_AUTHN']);

      const challenge = await client.send(
        new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId: t.pool.info.clientId, AuthParameters: { USERNAME: person.username, PREFERRED_CHALLENGE: 'WEB_AUTHN' } }),
      );
      assert.equal(challenge.ChallengeName, 'WEB_AUTHN');
      const options = JSON.parse(challenge.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS) as RequestOptions;
      const respondWith = (credential: unknown) =>
        client.send(
          new RespondToAuthChallengeCommand({
            ChallengeName: 'WEB_AUTHN',
            ClientId: t.pool.info.clientId,
            Session: challenge.Session,
            ChallengeResponses: { USERNAME: person.username, CREDENTIAL: JSON.stringify(credential) },
          }),
        );
      const signedIn = await respondWith(person.authenticator.assert(options));
      const user = await client.send(new GetUserCommand({ AccessToken: signedIn.AuthenticationResult!.AccessToken }));
      assert.equal(user.Username, person.username);
      await assert.rejects(respondWith(person.authenticator.assert(options)), (error: Error) => error instanceof NotAuthorizedException);
    } finally {
      client.destroy();
    }
  });
});
