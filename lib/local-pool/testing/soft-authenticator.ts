import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
  Uint8Array_,
} from '@simplewebauthn/server';
import { cose, isoBase64URL, isoCBOR, isoUint8Array } from '@simplewebauthn/server/helpers';

export type SoftAuthenticatorOptions = {
  /** The origin of the page the ceremonies run on, e.g. `http://localhost:3000`. */
  origin: string;
  /** AAGUID in UUID form; default all zeros, as most passkey providers send with `none` attestation. */
  aaguid?: string;
  /** Default `platform`. */
  attachment?: 'platform' | 'cross-platform';
  /** Default `['internal', 'hybrid']` for a platform authenticator, `['usb']` for a security key. */
  transports?: AuthenticatorTransport[];
};

/** Ways to make one registration misbehave, each the mistake or attack its name says. */
export type RegistrationTamper = {
  /** clientDataJSON.origin other than the authenticator's origin. */
  origin?: string;
  /** Hash this RP ID into the authenticator data instead of options.rp.id. */
  rpId?: string;
  /** Clear the UV flag (default: user verified). */
  userVerified?: boolean;
  /** Create an Ed25519 key and declare it as EdDSA (-8), whatever the options offer. */
  algorithm?: 'EdDSA';
  /** Use this credential ID (base64url), e.g. one already registered; skips the excludeCredentials check. */
  credentialId?: string;
  /** Report the ceremony as run in a cross-origin iframe embedded in this top-level origin. */
  topOrigin?: string;
  /** clientDataJSON.type (default `webauthn.create`). */
  type?: string;
  /** Attestation format (default `none`, with an empty statement). */
  format?: string;
};

export type AssertionTamper = { origin?: string; rpId?: string; userVerified?: boolean; badSignature?: boolean };

export type SoftCredential = {
  id: string;
  rpId: string;
  /** options.user.id from registration, returned as userHandle. */
  userHandle: string;
  algorithm: number;
  signCount: number;
  privateKey: KeyObject;
};

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

const sha256 = (data: Uint8Array_ | string): Uint8Array_ => new Uint8Array(createHash('sha256').update(data).digest());
const bytes = (value: Buffer | Uint8Array): Uint8Array_ => new Uint8Array(value);
const uint32 = (n: number) => bytes(Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]));

function domError(name: string, message: string): Error {
  return new DOMException(message, name);
}

function keyPair(algorithm: number): { privateKey: KeyObject; cosePublicKey: Uint8Array_; spki: Uint8Array_ } {
  if (algorithm === cose.COSEALG.EdDSA) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const { x } = publicKey.export({ format: 'jwk' });
    const coseKey = new Map<number, number | Uint8Array_>([
      [cose.COSEKEYS.kty, cose.COSEKTY.OKP],
      [cose.COSEKEYS.alg, cose.COSEALG.EdDSA],
      [cose.COSEKEYS.crv, cose.COSECRV.ED25519],
      [cose.COSEKEYS.x, isoBase64URL.toBuffer(x!)],
    ]);
    return { privateKey, cosePublicKey: isoCBOR.encode(coseKey), spki: bytes(publicKey.export({ format: 'der', type: 'spki' })) };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' });
  const coseKey = new Map<number, number | Uint8Array_>([
    [cose.COSEKEYS.kty, cose.COSEKTY.EC2],
    [cose.COSEKEYS.alg, cose.COSEALG.ES256],
    [cose.COSEKEYS.crv, cose.COSECRV.P256],
    [cose.COSEKEYS.x, isoBase64URL.toBuffer(x!)],
    [cose.COSEKEYS.y, isoBase64URL.toBuffer(y!)],
  ]);
  return { privateKey, cosePublicKey: isoCBOR.encode(coseKey), spki: bytes(publicKey.export({ format: 'der', type: 'spki' })) };
}

function clientDataJSON(type: string, challenge: string, origin: string, topOrigin: string | undefined): Uint8Array_ {
  // Member order as browsers serialise it (WebAuthn §5.8.1.1).
  const data = { type, challenge, origin, crossOrigin: topOrigin !== undefined, ...(topOrigin ? { topOrigin } : {}) };
  return isoUint8Array.fromUTF8String(JSON.stringify(data));
}

/**
 * A software WebAuthn authenticator for tests: real P-256 keys (node:crypto), `none`
 * attestation, ES256 COSE keys, UP+UV flags, and answers in the JSON shapes
 * `@simplewebauthn/browser` produces, so they can go straight to CompleteWebAuthnRegistration.
 *
 * ```ts
 * const authenticator = new SoftAuthenticator({ origin: 'http://localhost:3000' });
 * const credential = authenticator.register(CredentialCreationOptions);   // RegistrationResponseJSON
 * const tampered = authenticator.register(options, { origin: 'https://evil.example' });
 * const assertion = authenticator.assert({ challenge, rpId: 'localhost' }); // AuthenticationResponseJSON
 * ```
 *
 * Like a real authenticator it refuses (InvalidStateError) to register again for an RP where
 * one of `excludeCredentials` is its own, and (NotSupportedError) when ES256 is not offered.
 */
export class SoftAuthenticator {
  readonly origin: string;
  readonly aaguid: string;
  readonly attachment: 'platform' | 'cross-platform';
  readonly transports: AuthenticatorTransport[];
  private readonly held: SoftCredential[] = [];

  constructor(options: SoftAuthenticatorOptions) {
    this.origin = new URL(options.origin).origin;
    this.aaguid = options.aaguid ?? '00000000-0000-0000-0000-000000000000';
    this.attachment = options.attachment ?? 'platform';
    this.transports = options.transports ?? (this.attachment === 'platform' ? ['internal', 'hybrid'] : ['usb']);
  }

  /** The credentials this authenticator holds, oldest first. */
  get credentials(): readonly SoftCredential[] {
    return this.held;
  }

  register(options: PublicKeyCredentialCreationOptionsJSON, tamper: RegistrationTamper = {}): RegistrationResponseJSON {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    if (tamper.credentialId === undefined) {
      const excluded = new Set((options.excludeCredentials ?? []).map((c) => c.id));
      if (this.held.some((c) => c.rpId === rpId && excluded.has(c.id))) {
        throw domError('InvalidStateError', 'The authenticator already holds a credential for this account.');
      }
    }
    let algorithm: number = cose.COSEALG.EdDSA;
    if (tamper.algorithm !== 'EdDSA') {
      if (!options.pubKeyCredParams.some((p) => p.alg === cose.COSEALG.ES256)) throw domError('NotSupportedError', 'ES256 was not offered.');
      algorithm = cose.COSEALG.ES256;
    }
    const { privateKey, cosePublicKey, spki } = keyPair(algorithm);
    const credentialId = tamper.credentialId ? isoBase64URL.toBuffer(tamper.credentialId) : bytes(randomBytes(32));
    const idLength = bytes(Buffer.from([credentialId.length >> 8, credentialId.length & 0xff]));
    const flags = FLAG_UP | FLAG_AT | (tamper.userVerified === false ? 0 : FLAG_UV);
    const authenticatorData = isoUint8Array.concat([
      sha256(tamper.rpId ?? rpId),
      new Uint8Array([flags]),
      uint32(0),
      isoUint8Array.fromHex(this.aaguid.replace(/-/g, '')),
      idLength,
      credentialId,
      cosePublicKey,
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array_ | Map<string, string>>([
        ['fmt', tamper.format ?? 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', authenticatorData],
      ]),
    );
    const id = isoBase64URL.fromBuffer(credentialId);
    // A reused ID overwrites the old key, as it would on a real authenticator.
    const index = this.held.findIndex((c) => c.id === id && c.rpId === rpId);
    if (index >= 0) this.held.splice(index, 1);
    this.held.push({ id, rpId, userHandle: options.user.id, algorithm, signCount: 0, privateKey });
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON(tamper.type ?? 'webauthn.create', options.challenge, tamper.origin ?? this.origin, tamper.topOrigin)),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: [...this.transports],
        publicKeyAlgorithm: algorithm,
        publicKey: isoBase64URL.fromBuffer(spki),
        authenticatorData: isoBase64URL.fromBuffer(authenticatorData),
      },
      authenticatorAttachment: this.attachment,
      clientExtensionResults: {},
    };
  }

  /** Signs an assertion with a held credential: one of allowCredentials, or any for the RP (discoverable). */
  assert(options: PublicKeyCredentialRequestOptionsJSON, tamper: AssertionTamper = {}): AuthenticationResponseJSON {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const allowed = new Set((options.allowCredentials ?? []).map((c) => c.id));
    const credential = this.held.find((c) => c.rpId === rpId && (allowed.size === 0 || allowed.has(c.id)));
    if (!credential) throw domError('NotAllowedError', 'The authenticator holds no matching credential.');
    credential.signCount += 1;
    const flags = FLAG_UP | (tamper.userVerified === false ? 0 : FLAG_UV);
    const authenticatorData = isoUint8Array.concat([sha256(tamper.rpId ?? rpId), new Uint8Array([flags]), uint32(credential.signCount)]);
    const clientData = clientDataJSON('webauthn.get', options.challenge, tamper.origin ?? this.origin, undefined);
    const signed = isoUint8Array.concat([authenticatorData, sha256(clientData)]);
    // ES256 signatures are DER-encoded, as WebAuthn specifies; Ed25519 takes no digest.
    const signature = bytes(sign(credential.algorithm === cose.COSEALG.EdDSA ? null : 'sha256', signed, credential.privateKey));
    if (tamper.badSignature) signature[signature.length - 1] ^= 0x01;
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(clientData),
        authenticatorData: isoBase64URL.fromBuffer(authenticatorData),
        signature: isoBase64URL.fromBuffer(signature),
        userHandle: credential.userHandle,
      },
      authenticatorAttachment: this.attachment,
      clientExtensionResults: {},
    };
  }
}
