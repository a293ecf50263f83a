import { randomBytes } from 'node:crypto';
import type { PublicKeyCredentialDescriptorJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { StoredCredential } from '../store';

/** Cognito's challenges are 16 random bytes, base64url without padding. */
export const newWebAuthnChallenge = () => randomBytes(16).toString('base64url');

/**
 * CREDENTIAL_REQUEST_OPTIONS as Cognito returns it for the WEB_AUTHN challenge. The shape is the
 * one captured in Amplify JS's test fixtures (`packages/auth/__tests__/mockData.ts`,
 * `passkeyCredentialRequestOptions`): `hints: []`, `attestation: 'none'`, `attestationFormats: []`,
 * `challenge`, `timeout` (180000 there: the 3-minute authentication session), `rpId`,
 * `allowCredentials [{id, type}]` and `userVerification`. An empty `allowCredentials` asks for a
 * discoverable credential (the browser offers every passkey it has for the RP ID).
 */
export type CognitoRequestOptions = PublicKeyCredentialRequestOptionsJSON & {
  hints: string[];
  attestation: 'none';
  attestationFormats: string[];
  allowCredentials: PublicKeyCredentialDescriptorJSON[];
};

export function requestOptions(args: {
  relyingPartyId: string;
  challenge: string;
  timeoutSeconds: number;
  userVerification: 'required' | 'preferred';
  allow: Array<Pick<StoredCredential, 'credentialId' | 'transports'>>;
}): CognitoRequestOptions {
  return {
    hints: [],
    attestation: 'none',
    attestationFormats: [],
    challenge: args.challenge,
    timeout: args.timeoutSeconds * 1000,
    rpId: args.relyingPartyId,
    allowCredentials: args.allow.map((c) => ({
      id: c.credentialId,
      type: 'public-key' as const,
      // As in StartWebAuthnRegistration's excludeCredentials: transports only when known.
      ...(c.transports.length ? { transports: c.transports as PublicKeyCredentialDescriptorJSON['transports'] } : {}),
    })),
    userVerification: args.userVerification,
  };
}
