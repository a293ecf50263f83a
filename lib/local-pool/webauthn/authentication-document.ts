import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { invalidParameter } from '../errors';
import { decodeClientData, type ClientData } from './client-data';
import { MAX_CREDENTIAL_DOCUMENT_BYTES } from './registration-document';

/** WebAuthn §5.8.3: credential IDs are at most 1023 bytes. */
const MAX_CREDENTIAL_ID_BYTES = 1023;

export type AuthenticationDocument = {
  /** Rebuilt from the checked members only, so the verifier never sees anything we did not look at. */
  response: AuthenticationResponseJSON;
  credentialId: string;
  clientData: ClientData;
  userHandle?: string;
};

// Browsers' toJSON() and @simplewebauthn/browser both emit unpadded base64url.
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const isBase64url = (value: string) => BASE64URL.test(value) && value.length % 4 !== 1;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function base64urlField(container: Record<string, unknown>, name: string, path: string): string {
  const value = container[name];
  if (typeof value !== 'string' || value === '') throw invalidParameter(`${path} must be a non-empty base64url string.`);
  if (!isBase64url(value)) throw invalidParameter(`${path} is not unpadded base64url.`);
  return value;
}

/**
 * Checks that a passkey sign-in answer is an AuthenticationResponseJSON (what
 * `navigator.credentials.get()` serialises to, and what Cognito takes as the WEB_AUTHN
 * challenge's CREDENTIAL) before anything looks it up, so a malformed answer is refused
 * without spending a Session or a challenge. `text` is the JSON string as received.
 */
export function parseAuthenticationDocument(text: string, label = 'CREDENTIAL'): AuthenticationDocument {
  if (Buffer.byteLength(text) > MAX_CREDENTIAL_DOCUMENT_BYTES) {
    throw invalidParameter(`${label} is larger than ${MAX_CREDENTIAL_DOCUMENT_BYTES} bytes (64 KiB).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidParameter(`${label} is not valid JSON (an AuthenticationResponseJSON).`);
  }
  if (!isObject(value)) throw invalidParameter(`${label} must be a JSON object (an AuthenticationResponseJSON).`);
  const id = base64urlField(value, 'id', `${label}.id`);
  if (Buffer.from(id, 'base64url').length > MAX_CREDENTIAL_ID_BYTES) throw invalidParameter(`${label}.id is longer than ${MAX_CREDENTIAL_ID_BYTES} bytes.`);
  const rawId = base64urlField(value, 'rawId', `${label}.rawId`);
  if (rawId !== id) throw invalidParameter(`${label}.rawId must equal ${label}.id.`);
  if (value.type !== 'public-key') throw invalidParameter(`${label}.type must be "public-key".`);
  const response = value.response;
  if (!isObject(response)) throw invalidParameter(`${label}.response must be an object.`);
  const clientDataJSON = base64urlField(response, 'clientDataJSON', `${label}.response.clientDataJSON`);
  const authenticatorData = base64urlField(response, 'authenticatorData', `${label}.response.authenticatorData`);
  const signature = base64urlField(response, 'signature', `${label}.response.signature`);
  // toJSON() gives null when the authenticator returned no user handle (a non-discoverable credential).
  const userHandle = response.userHandle === undefined || response.userHandle === null ? undefined : base64urlField(response, 'userHandle', `${label}.response.userHandle`);
  const attachment = value.authenticatorAttachment;
  if (attachment !== undefined && attachment !== null && attachment !== 'platform' && attachment !== 'cross-platform') {
    throw invalidParameter(`${label}.authenticatorAttachment must be "platform" or "cross-platform".`);
  }
  const extensions = value.clientExtensionResults;
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) throw invalidParameter(`${label}.clientExtensionResults must be an object.`);

  const clientData = decodeClientData(clientDataJSON);
  if (clientData.type !== 'webauthn.get') {
    throw invalidParameter(`clientDataJSON.type is ${JSON.stringify(clientData.type)}; a sign-in must be "webauthn.get".`);
  }
  return {
    response: {
      id,
      rawId,
      type: 'public-key',
      response: { clientDataJSON, authenticatorData, signature, ...(userHandle ? { userHandle } : {}) },
      ...(attachment ? { authenticatorAttachment: attachment } : {}),
      clientExtensionResults: isObject(extensions) ? extensions : {},
    },
    credentialId: id,
    clientData,
    ...(userHandle ? { userHandle } : {}),
  };
}
