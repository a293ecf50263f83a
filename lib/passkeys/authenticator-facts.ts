import 'server-only';
import { convertAAGUIDToString, decodeAttestationObject, isoBase64URL, parseAuthenticatorData } from '@simplewebauthn/server/helpers';

/**
 * What the authenticator says about a new passkey, which Cognito's API never returns: its AAGUID
 * (which make or password manager holds it) and whether it may be and is backed up (synced).
 */
export type AuthenticatorFacts = {
  /** Lowercase, dashed; the all-zero AAGUID (no attestation of the make) becomes null. */
  aaguid: string | null;
  /** BE flag: the passkey may be synced (a multi-device credential). */
  backupEligible: boolean;
  /** BS flag: the passkey is backed up now. */
  backedUp: boolean;
};

const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';

/**
 * Reads the facts from a RegistrationResponseJSON's attestation object (CBOR, decoded by
 * @simplewebauthn/server's helpers rather than by hand). Null when it cannot be read: the
 * registration then still goes ahead, without the details.
 */
export function authenticatorFacts(attestationObject: string): AuthenticatorFacts | null {
  try {
    const decoded = decodeAttestationObject(isoBase64URL.toBuffer(attestationObject));
    const authData = decoded.get('authData');
    if (!(authData instanceof Uint8Array)) return null;
    const parsed = parseAuthenticatorData(authData);
    const aaguid = parsed.aaguid ? convertAAGUIDToString(parsed.aaguid) : null;
    const backupEligible = parsed.flags.be;
    return {
      aaguid: aaguid && aaguid !== ZERO_AAGUID ? aaguid : null,
      backupEligible,
      // BS without BE is invalid (WebAuthn §6.1.3); read it as not backed up.
      backedUp: backupEligible && parsed.flags.bs,
    };
  } catch {
    return null;
  }
}
