import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { StoredCredential, User } from '../store';
import { SUPPORTED_ALGORITHMS } from './verify';

/** Cognito's ceremony timeout, as seen in StartWebAuthnRegistration responses. */
const TIMEOUT_MS = 60_000;

/**
 * CredentialCreationOptions in the shape Cognito returns (see platform-facts.md): no
 * `attestation` and no `extensions`, a discoverable credential required, and the user's
 * existing passkeys excluded so an authenticator does not register twice.
 */
export function creationOptions(args: {
  relyingPartyId: string;
  user: User;
  challenge: string;
  userVerification: 'required' | 'preferred';
  existing: StoredCredential[];
}): PublicKeyCredentialCreationOptionsJSON {
  return {
    // Cognito's rp.name is not documented; the RP ID is what a passkey manager would show anyway.
    rp: { id: args.relyingPartyId, name: args.relyingPartyId },
    user: { id: Buffer.from(args.user.sub, 'utf8').toString('base64url'), name: args.user.username, displayName: '' },
    challenge: args.challenge,
    pubKeyCredParams: SUPPORTED_ALGORITHMS.map((alg) => ({ type: 'public-key' as const, alg })),
    timeout: TIMEOUT_MS,
    excludeCredentials: args.existing.map((c) => ({ type: 'public-key', id: c.credentialId, ...(c.transports.length ? { transports: c.transports } : {}) })),
    authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: args.userVerification },
  };
}
