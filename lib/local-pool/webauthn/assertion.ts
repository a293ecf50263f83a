import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { PoolState, StoredCredential } from '../store';
import type { AuthenticationDocument } from './authentication-document';

/** Why a passkey sign-in was refused. Callers turn these into Cognito's exceptions or page messages. */
export type AssertionFailure =
  | 'unknown-credential'
  | 'wrong-user'
  | 'user-handle'
  | 'bad-signature'
  | 'user-verification'
  | 'counter'
  | 'origin'
  | 'relying-party'
  | 'challenge'
  | 'invalid';

export class AssertionRefused extends Error {
  constructor(
    readonly reason: AssertionFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AssertionRefused';
  }
}

export type AssertionExpectations = {
  challenge: string;
  /** Origins the ceremony may have run on. */
  origins: string[];
  relyingPartyId: string;
  requireUserVerification: boolean;
  /** The user the sign-in is for (username-first, or the USERNAME of a WEB_AUTHN challenge); any user when absent. */
  sub?: string;
};

/** The user handle a passkey returns is the registration's user.id: base64url of the user's sub (see creation-options.ts). */
const userHandleFor = (sub: string) => Buffer.from(sub, 'utf8').toString('base64url');

// The verifier throws plain Errors; these are the ones that mean something specific here.
const CLASSIFY: Array<[RegExp, AssertionFailure]> = [
  [/User verification required/, 'user-verification'],
  [/origin/i, 'origin'],
  [/RP ID/, 'relying-party'],
  [/challenge/, 'challenge'],
];

/**
 * Verifies a passkey assertion against the stored public key with @simplewebauthn/server, as
 * WebAuthn §7.2 asks: the credential is known (and the expected user's), the user handle is its
 * owner's, the challenge, origin, RP ID, user presence and (per the pool) user verification hold,
 * the signature is good, and the signature counter moved forward. On success the stored counter
 * is updated — with no await between the counter check and the update, so two assertions racing
 * with one counter value cannot both pass. The caller commits the store.
 */
export async function verifyAssertion(state: PoolState, document: AuthenticationDocument, expected: AssertionExpectations): Promise<StoredCredential> {
  const credential = state.credentials.find((c) => c.credentialId === document.credentialId);
  if (!credential) throw new AssertionRefused('unknown-credential', 'The passkey is not registered with this user pool.');
  if (expected.sub !== undefined && credential.sub !== expected.sub) throw new AssertionRefused('wrong-user', 'The passkey is not registered for this user.');
  if (document.userHandle !== undefined && document.userHandle !== userHandleFor(credential.sub)) {
    throw new AssertionRefused('user-handle', 'The passkey returned a user handle that does not belong to its registered user.');
  }

  let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    result = await verifyAuthenticationResponse({
      response: document.response,
      expectedChallenge: expected.challenge,
      expectedOrigin: expected.origins,
      expectedRPID: expected.relyingPartyId,
      // A ceremony in a cross-origin iframe is accepted when the page embedding it is an allowed origin too.
      expectedTopOrigin: expected.origins,
      // The counter is checked below, after the signature: a counter error must mean a validly signed
      // assertion from a cloned or misbehaving authenticator, not a forgery that guessed wrong.
      credential: { id: credential.credentialId, publicKey: isoBase64URL.toBuffer(credential.publicKey), counter: 0 },
      requireUserVerification: expected.requireUserVerification,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = CLASSIFY.find(([re]) => re.test(message))?.[1] ?? 'invalid';
    throw new AssertionRefused(reason, `The passkey sign-in could not be verified: ${message}`);
  }
  if (!result.verified) throw new AssertionRefused('bad-signature', 'The passkey signature is not valid.');

  const { newCounter } = result.authenticationInfo;
  // WebAuthn §7.2 step 22: a counter that does not increase, when either value is non-zero, may be a clone.
  if ((newCounter > 0 || credential.counter > 0) && newCounter <= credential.counter) {
    throw new AssertionRefused('counter', `The passkey's signature counter went from ${credential.counter} to ${newCounter}; it may have been cloned.`);
  }
  credential.counter = newCounter;
  return credential;
}
