import type { OperationHandler, PoolContext } from '../context';
import { invalidParameter, notAuthorized } from '../errors';
import { userForPassword } from '../oidc/password-check';
import type { AppClient, AuthFlowSession, User } from '../store';
import { AssertionRefused, verifyAssertion } from '../webauthn/assertion';
import { parseAuthenticationDocument, type AuthenticationDocument } from '../webauthn/authentication-document';
import { newWebAuthnChallenge, requestOptions } from '../webauthn/request-options';
import { issueAuthFlowSession, openAuthFlowSession, spendAuthFlowSession } from './auth-flow-sessions';
import { checkSecretHash, clientOrThrow, requireParameter, signedIn } from './auth-helpers';

/** The first factors a USER_AUTH client may prefer or select, as the model's ChallengeNameType names them. */
const FIRST_FACTORS = ['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP'];

/** The challenges RespondToAuthChallenge answers here; every other ChallengeNameType is refused. */
const ANSWERABLE = ['SELECT_CHALLENGE', 'WEB_AUTHN', 'PASSWORD'] as const;
type Answerable = (typeof ANSWERABLE)[number];

const INCORRECT_PASSWORD = 'Incorrect username or password.';

/** Passkeys can be used for sign-in when they are on and the pool has a relying-party ID. */
export const passkeysEnabled = (ctx: PoolContext) => ctx.config.webauthn.enabled && ctx.config.webauthn.relyingPartyId !== '';

export const passkeysOf = (ctx: PoolContext, sub: string) =>
  ctx.store.state.credentials.filter((c) => c.sub === sub && c.relyingPartyId === ctx.config.webauthn.relyingPartyId);

/**
 * What this user can sign in with. An unknown user gets what a user without passkeys gets, so
 * the answer does not tell which usernames exist (as with user-existence errors prevented).
 * SRP and one-time passwords are not offered: the pool implements neither.
 */
function availableChallenges(ctx: PoolContext, user: User | undefined): string[] {
  // An unknown user is offered PASSWORD too; a passwordless one is not.
  const available = user && user.passwordHash === undefined ? [] : ['PASSWORD'];
  if (user && passkeysEnabled(ctx) && passkeysOf(ctx, user.sub).length > 0) available.push('WEB_AUTHN');
  return available;
}

function webAuthnChallenge(ctx: PoolContext, client: AppClient, user: User): Record<string, unknown> {
  const challenge = newWebAuthnChallenge();
  const Session = issueAuthFlowSession(ctx, { clientId: client.clientId, username: user.username, sub: user.sub, challengeName: 'WEB_AUTHN', webAuthnChallenge: challenge });
  const options = requestOptions({
    relyingPartyId: ctx.config.webauthn.relyingPartyId,
    challenge,
    // The ceremony may take as long as the session lasts (Cognito: 180000 ms for its 3 minutes).
    timeoutSeconds: ctx.config.sessions.authFlowTtlSeconds,
    userVerification: ctx.config.webauthn.userVerification,
    allow: passkeysOf(ctx, user.sub),
  });
  return { ChallengeName: 'WEB_AUTHN', Session, ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) } };
}

/**
 * `InitiateAuth` with `AuthFlow: USER_AUTH` (choice-based sign-in). With PREFERRED_CHALLENGE
 * WEB_AUTHN and a user who has passkeys: the WEB_AUTHN challenge, its CREDENTIAL_REQUEST_OPTIONS
 * and a Session. With PREFERRED_CHALLENGE PASSWORD and PASSWORD: tokens at once (without PASSWORD:
 * the PASSWORD challenge). Otherwise — no preference, or one the user cannot do — SELECT_CHALLENGE
 * with AvailableChallenges. The caller has checked that the client allows USER_AUTH.
 */
export async function initiateUserAuth(ctx: PoolContext, client: AppClient, params: Record<string, string>): Promise<Record<string, unknown>> {
  const username = requireParameter(params, 'USERNAME');
  checkSecretHash(client, username, params.SECRET_HASH);
  const preferred = params.PREFERRED_CHALLENGE;
  if (preferred !== undefined && !FIRST_FACTORS.includes(preferred)) {
    throw invalidParameter(`PREFERRED_CHALLENGE must be one of ${FIRST_FACTORS.join(', ')}.`);
  }
  const user = ctx.store.state.users.find((u) => u.username === username);
  const available = availableChallenges(ctx, user);

  if (preferred === 'PASSWORD' && params.PASSWORD) {
    const signedInUser = userForPassword(ctx, username, params.PASSWORD);
    if (!signedInUser) throw notAuthorized(INCORRECT_PASSWORD);
    return signedIn(ctx, signedInUser, client, params.DEVICE_KEY);
  }
  let result: Record<string, unknown>;
  if (preferred === 'WEB_AUTHN' && user && available.includes('WEB_AUTHN')) {
    result = webAuthnChallenge(ctx, client, user);
  } else if (preferred === 'PASSWORD') {
    const Session = issueAuthFlowSession(ctx, { clientId: client.clientId, username, ...(user ? { sub: user.sub } : {}), challengeName: 'PASSWORD' });
    result = { ChallengeName: 'PASSWORD', Session, ChallengeParameters: {} };
  } else {
    const Session = issueAuthFlowSession(ctx, {
      clientId: client.clientId,
      username,
      ...(user ? { sub: user.sub } : {}),
      challengeName: 'SELECT_CHALLENGE',
      availableChallenges: available,
    });
    result = { ChallengeName: 'SELECT_CHALLENGE', Session, ChallengeParameters: {}, AvailableChallenges: available };
  }
  await ctx.store.commit();
  return result;
}

/** The user a session was started for, as they are now. */
const userOf = (ctx: PoolContext, session: AuthFlowSession) => (session.sub ? ctx.store.state.users.find((u) => u.sub === session.sub) : undefined);

async function answerWithPassword(ctx: PoolContext, client: AppClient, session: AuthFlowSession, password: string, deviceKey: string | undefined) {
  spendAuthFlowSession(session);
  const user = userForPassword(ctx, session.username, password);
  if (!user || user.sub !== session.sub) {
    await ctx.store.commit();
    throw notAuthorized(INCORRECT_PASSWORD);
  }
  return signedIn(ctx, user, client, deviceKey);
}

const PASSKEY_REFUSALS: Record<AssertionRefused['reason'], string> = {
  'unknown-credential': 'Incorrect username or passkey.',
  'wrong-user': 'Incorrect username or passkey.',
  'user-handle': 'Incorrect username or passkey.',
  'bad-signature': 'Incorrect username or passkey.',
  challenge: 'The passkey answered a different challenge than the one this session issued.',
  'user-verification': 'User verification is required, but the passkey did not verify the user.',
  counter: 'The signature counter of the passkey did not increase; the authenticator may have been cloned.',
  origin: 'The passkey ceremony ran on an origin this user pool does not allow.',
  'relying-party': 'The passkey belongs to a different relying party than the one of this user pool.',
  invalid: 'The passkey response could not be verified.',
};

async function answerWithPasskey(ctx: PoolContext, client: AppClient, session: AuthFlowSession, document: AuthenticationDocument, deviceKey: string | undefined) {
  // Spent before the first await: the same Session cannot be answered twice, right or wrong.
  spendAuthFlowSession(session);
  const settings = ctx.config.webauthn;
  try {
    if (!session.webAuthnChallenge || !session.sub) throw new AssertionRefused('challenge', 'This session has no passkey challenge.');
    await verifyAssertion(ctx.store.state, document, {
      challenge: session.webAuthnChallenge,
      origins: settings.allowedOrigins,
      relyingPartyId: settings.relyingPartyId,
      requireUserVerification: settings.userVerification === 'required',
      sub: session.sub,
    });
  } catch (error) {
    await ctx.store.commit();
    if (error instanceof AssertionRefused) throw notAuthorized(PASSKEY_REFUSALS[error.reason]);
    throw error;
  }
  const user = userOf(ctx, session);
  if (!user) {
    await ctx.store.commit();
    throw notAuthorized('Incorrect username or passkey.');
  }
  // signedIn commits the new sign-in together with the spent session and the passkey's new counter.
  return signedIn(ctx, user, client, deviceKey);
}

/**
 * `RespondToAuthChallenge` for the challenges USER_AUTH issues: SELECT_CHALLENGE (ANSWER
 * WEB_AUTHN → the WEB_AUTHN challenge; ANSWER PASSWORD with PASSWORD → tokens), WEB_AUTHN
 * (CREDENTIAL: an AuthenticationResponseJSON as a JSON string → tokens) and PASSWORD.
 * Malformed input is InvalidParameterException and leaves the Session usable; a Session that is
 * unknown, from another client, spent or expired is NotAuthorizedException; any answer that gets
 * as far as checking a password or a passkey spends the Session, right or wrong.
 */
export const respondToAuthChallenge: OperationHandler = async (input, ctx) => {
  const client = clientOrThrow(ctx, input.ClientId as string);
  const challengeName = input.ChallengeName as string;
  if (!(ANSWERABLE as readonly string[]).includes(challengeName)) {
    throw invalidParameter(`This user pool does not issue the ${challengeName} challenge; it answers ${ANSWERABLE.join(', ')}.`);
  }
  const responses = (input.ChallengeResponses ?? {}) as Record<string, string>;
  const token = input.Session as string | undefined;
  if (!token) throw invalidParameter('Missing required parameter Session');
  const username = requireParameter(responses, 'USERNAME');
  checkSecretHash(client, username, responses.SECRET_HASH);

  // Everything the answer carries is checked before the Session is looked at.
  const answer = challengeName === 'SELECT_CHALLENGE' ? requireParameter(responses, 'ANSWER') : undefined;
  const usesPassword = challengeName === 'PASSWORD' || answer === 'PASSWORD';
  const password = usesPassword ? requireParameter(responses, 'PASSWORD') : undefined;
  let document: AuthenticationDocument | undefined;
  if (challengeName === 'WEB_AUTHN') document = parseAuthenticationDocument(requireParameter(responses, 'CREDENTIAL'));
  if (answer === 'WEB_AUTHN' && responses.CREDENTIAL !== undefined) {
    throw invalidParameter('Answer SELECT_CHALLENGE with WEB_AUTHN alone, then send CREDENTIAL in answer to the WEB_AUTHN challenge.');
  }

  const session = openAuthFlowSession(ctx, token, client.clientId);
  if (session.challengeName !== (challengeName as Answerable)) {
    throw invalidParameter(`This session is for the ${session.challengeName} challenge, not ${challengeName}.`);
  }
  if (session.username !== username) throw notAuthorized('Invalid session for the user.');

  if (challengeName === 'WEB_AUTHN') return answerWithPasskey(ctx, client, session, document!, responses.DEVICE_KEY);
  if (challengeName === 'PASSWORD') return answerWithPassword(ctx, client, session, password!, responses.DEVICE_KEY);

  // SELECT_CHALLENGE
  if (!session.availableChallenges?.includes(answer!)) {
    throw invalidParameter(`ANSWER must be one of the AvailableChallenges: ${(session.availableChallenges ?? []).join(', ')}.`);
  }
  if (answer === 'PASSWORD') return answerWithPassword(ctx, client, session, password!, responses.DEVICE_KEY);
  // WEB_AUTHN: this session is done; the passkey challenge gets one of its own.
  spendAuthFlowSession(session);
  const user = userOf(ctx, session);
  if (!user || !passkeysEnabled(ctx) || passkeysOf(ctx, user.sub).length === 0) {
    await ctx.store.commit();
    throw notAuthorized('Incorrect username or passkey.');
  }
  const result = webAuthnChallenge(ctx, client, user);
  await ctx.store.commit();
  return result;
};
