import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { invalidParameter } from '../errors';

/**
 * Cognito does not document a size for the Credential document. Real RegistrationResponseJSONs are a
 * few KiB even with attestation certificate chains, so 64 KiB refuses only abuse.
 */
export const MAX_CREDENTIAL_DOCUMENT_BYTES = 64 * 1024;
/** WebAuthn §5.8.3: credential IDs are at most 1023 bytes. */
const MAX_CREDENTIAL_ID_BYTES = 1023;

/** WebAuthn L3's AuthenticatorTransport values, plus `cable`, Chrome's name for `hybrid` before 2022. */
export const KNOWN_TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
export type Transport = (typeof KNOWN_TRANSPORTS)[number];
export type Attachment = 'platform' | 'cross-platform';

export type RegistrationDocument = {
  /** Rebuilt from the checked fields only, so the verifier never sees anything we did not look at. */
  response: RegistrationResponseJSON;
  credentialId: string;
  transports: Transport[];
  attachment?: Attachment;
};

// Browsers' toJSON() and @simplewebauthn/browser both emit unpadded base64url.
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const isBase64url = (value: string) => BASE64URL.test(value) && value.length % 4 !== 1;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function base64urlField(container: Record<string, unknown>, name: string, path: string): string {
  const value = container[name];
  if (typeof value !== 'string' || value === '') throw invalidParameter(`Credential.${path} must be a non-empty base64url string.`);
  if (!isBase64url(value)) throw invalidParameter(`Credential.${path} is not unpadded base64url.`);
  return value;
}

function optionalBase64urlField(container: Record<string, unknown>, name: string, path: string): string | undefined {
  return container[name] === undefined || container[name] === null ? undefined : base64urlField(container, name, path);
}

function transportsOf(value: unknown): Transport[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidParameter('Credential.response.transports must be an array of strings.');
  const out: Transport[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || !(KNOWN_TRANSPORTS as readonly string[]).includes(item)) {
      throw invalidParameter(`Credential.response.transports contains ${JSON.stringify(item)}; allowed: ${KNOWN_TRANSPORTS.join(', ')}.`);
    }
    if (!out.includes(item as Transport)) out.push(item as Transport);
  }
  return out;
}

function attachmentOf(value: unknown): Attachment | undefined {
  // toJSON() may serialise a missing attachment as null.
  if (value === undefined || value === null) return undefined;
  if (value !== 'platform' && value !== 'cross-platform') throw invalidParameter('Credential.authenticatorAttachment must be "platform" or "cross-platform".');
  return value;
}

/**
 * Checks that Credential is a RegistrationResponseJSON in structure, before anything else looks
 * at it, so a malformed document is refused without touching the pool's state.
 */
export function parseRegistrationDocument(value: unknown): RegistrationDocument {
  if (!isObject(value)) throw invalidParameter('Credential must be a JSON object (a RegistrationResponseJSON).');
  const size = Buffer.byteLength(JSON.stringify(value));
  if (size > MAX_CREDENTIAL_DOCUMENT_BYTES) {
    throw invalidParameter(`Credential is ${size} bytes; at most ${MAX_CREDENTIAL_DOCUMENT_BYTES} bytes (64 KiB) are accepted.`);
  }
  const id = base64urlField(value, 'id', 'id');
  if (Buffer.from(id, 'base64url').length > MAX_CREDENTIAL_ID_BYTES) throw invalidParameter(`Credential.id is longer than ${MAX_CREDENTIAL_ID_BYTES} bytes.`);
  const rawId = base64urlField(value, 'rawId', 'rawId');
  if (rawId !== id) throw invalidParameter('Credential.rawId must equal Credential.id.');
  if (value.type !== 'public-key') throw invalidParameter('Credential.type must be "public-key".');
  const response = value.response;
  if (!isObject(response)) throw invalidParameter('Credential.response must be an object.');
  const clientDataJSON = base64urlField(response, 'clientDataJSON', 'response.clientDataJSON');
  const attestationObject = base64urlField(response, 'attestationObject', 'response.attestationObject');
  // Optional WebAuthn L3 members: not used, but a wrong type still means a broken client.
  const authenticatorData = optionalBase64urlField(response, 'authenticatorData', 'response.authenticatorData');
  const publicKey = optionalBase64urlField(response, 'publicKey', 'response.publicKey');
  const publicKeyAlgorithm = response.publicKeyAlgorithm;
  if (publicKeyAlgorithm !== undefined && publicKeyAlgorithm !== null && !Number.isInteger(publicKeyAlgorithm)) {
    throw invalidParameter('Credential.response.publicKeyAlgorithm must be an integer.');
  }
  const transports = transportsOf(response.transports);
  const attachment = attachmentOf(value.authenticatorAttachment);
  const extensions = value.clientExtensionResults;
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) throw invalidParameter('Credential.clientExtensionResults must be an object.');

  return {
    response: {
      id,
      rawId,
      type: 'public-key',
      response: {
        clientDataJSON,
        attestationObject,
        transports,
        ...(authenticatorData ? { authenticatorData } : {}),
        ...(publicKey ? { publicKey } : {}),
        ...(typeof publicKeyAlgorithm === 'number' ? { publicKeyAlgorithm } : {}),
      },
      ...(attachment ? { authenticatorAttachment: attachment } : {}),
      clientExtensionResults: isObject(extensions) ? extensions : {},
    },
    credentialId: id,
    transports,
    ...(attachment ? { attachment } : {}),
  };
}
