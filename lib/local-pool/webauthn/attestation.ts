import { createHash } from 'node:crypto';
import { decodeAttestationObject, isoBase64URL, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { invalidParameter } from '../errors';

/** What registration needs from the attestation object before the full verification. */
export type AttestationSummary = { fmt: string; rpIdHash: Uint8Array };

/**
 * Decodes response.attestationObject far enough to know it is well formed: a CBOR map with `fmt`,
 * `attStmt` and `authData`, authenticator data carrying a credential whose ID is Credential.id.
 * Done before the challenge is looked up, so a broken document cannot burn a challenge.
 */
export function readAttestation(encoded: string, credentialId: string): AttestationSummary {
  let fmt: unknown;
  let parsed: ReturnType<typeof parseAuthenticatorData>;
  try {
    const decoded = decodeAttestationObject(isoBase64URL.toBuffer(encoded)) as unknown;
    if (!(decoded instanceof Map)) throw new Error('not a map');
    fmt = decoded.get('fmt');
    const authData: unknown = decoded.get('authData');
    if (!(decoded.get('attStmt') instanceof Map) || !(authData instanceof Uint8Array)) throw new Error('missing members');
    parsed = parseAuthenticatorData(new Uint8Array(authData));
  } catch {
    throw invalidParameter('Credential.response.attestationObject is not a valid CBOR attestation object.');
  }
  if (typeof fmt !== 'string' || fmt === '') throw invalidParameter('The attestation object has no format (fmt).');
  if (!parsed.flags.at || !parsed.credentialID || !parsed.credentialPublicKey) {
    throw invalidParameter('The attestation object carries no attested credential data.');
  }
  if (isoBase64URL.fromBuffer(parsed.credentialID) !== credentialId) {
    throw invalidParameter('Credential.id does not match the credential ID in the authenticator data.');
  }
  return { fmt, rpIdHash: parsed.rpIdHash };
}

export function rpIdHashMatches(summary: AttestationSummary, relyingPartyId: string): boolean {
  const expected = createHash('sha256').update(relyingPartyId, 'utf8').digest();
  return Buffer.compare(Buffer.from(summary.rpIdHash), expected) === 0;
}
