import { PQCNotSupportedError, verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { cose, decodeCredentialPublicKey, isoBase64URL } from '@simplewebauthn/server/helpers';
import { invalidParameter } from '../errors';
import { credentialNotSupported } from './errors';
import { checkCredentialPublicKey } from './public-key';

/** The algorithms StartWebAuthnRegistration offers, as Cognito offers them. */
export const SUPPORTED_ALGORITHMS = [cose.COSEALG.ES256, cose.COSEALG.RS256];

export type VerifiedCredential = { credentialId: string; publicKey: string; counter: number; aaguid: string };

// The verifier only throws plain Errors; these messages are how it says "valid but not for us".
const NOT_SUPPORTED = [/^Unexpected public key alg/, /^Unsupported Attestation Format/];

/**
 * Runs @simplewebauthn/server's full registration verification and sorts its failures into
 * Cognito's exceptions: an algorithm or attestation format we do not take is
 * WebAuthnCredentialNotSupported, anything else InvalidParameter.
 */
export async function verifyCredential(
  response: RegistrationResponseJSON,
  expected: { challenge: string; origins: string[]; relyingPartyId: string; requireUserVerification: boolean },
): Promise<VerifiedCredential> {
  let result: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    result = await verifyRegistrationResponse({
      response,
      expectedChallenge: expected.challenge,
      expectedOrigin: expected.origins,
      expectedRPID: expected.relyingPartyId,
      requireUserVerification: expected.requireUserVerification,
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PQCNotSupportedError || NOT_SUPPORTED.some((re) => re.test(message))) throw credentialNotSupported(message);
    throw invalidParameter(`The passkey registration could not be verified: ${message}`);
  }
  if (!result.verified) throw invalidParameter('The passkey registration could not be verified: the attestation statement is invalid.');
  const { credential, aaguid } = result.registrationInfo;
  const alg = decodeCredentialPublicKey(credential.publicKey).get(cose.COSEKEYS.alg);
  checkCredentialPublicKey(credential.publicKey, alg ?? 0);
  return { credentialId: credential.id, publicKey: isoBase64URL.fromBuffer(credential.publicKey), counter: credential.counter, aaguid };
}
