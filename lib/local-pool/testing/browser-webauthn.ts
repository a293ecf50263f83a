import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { SoftAuthenticator } from './soft-authenticator';

type Binary = ArrayBuffer | ArrayBufferView;
type CreateArgs = { publicKey: { challenge: Binary; user: { id: Binary }; excludeCredentials?: { id: Binary }[] } & Record<string, unknown> };

const encode = (value: Binary) =>
  isoBase64URL.fromBuffer(value instanceof ArrayBuffer ? new Uint8Array(value) : Uint8Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
const decode = (value: string) => isoBase64URL.toBuffer(value).slice().buffer as ArrayBuffer;

/**
 * Runs `fn` with a browser-like `navigator.credentials.create()` (and `PublicKeyCredential`)
 * backed by a SoftAuthenticator, so `@simplewebauthn/browser`'s `startRegistration()` can run
 * in Node exactly as a page would call it. The globals are restored afterwards.
 */
export async function withBrowserWebAuthn<T>(authenticator: SoftAuthenticator, fn: () => Promise<T>): Promise<T> {
  const saved = {
    navigator: Object.getOwnPropertyDescriptor(globalThis, 'navigator'),
    PublicKeyCredential: Object.getOwnPropertyDescriptor(globalThis, 'PublicKeyCredential'),
  };
  const create = async ({ publicKey }: CreateArgs) => {
    // Back to JSON, which is what the authenticator (like Cognito's options) speaks.
    const json = JSON.parse(
      JSON.stringify({
        ...publicKey,
        challenge: encode(publicKey.challenge),
        user: { ...publicKey.user, id: encode(publicKey.user.id) },
        excludeCredentials: publicKey.excludeCredentials?.map((c) => ({ ...c, id: encode(c.id) })),
      }),
    );
    const result = authenticator.register(json);
    const { response } = result;
    return {
      id: result.id,
      rawId: decode(result.rawId),
      type: result.type,
      authenticatorAttachment: result.authenticatorAttachment ?? null,
      response: {
        clientDataJSON: decode(response.clientDataJSON),
        attestationObject: decode(response.attestationObject),
        getTransports: () => response.transports ?? [],
        getPublicKeyAlgorithm: () => response.publicKeyAlgorithm,
        getPublicKey: () => (response.publicKey ? decode(response.publicKey) : null),
        getAuthenticatorData: () => decode(response.authenticatorData ?? ''),
      },
      getClientExtensionResults: () => ({}),
    };
  };
  Object.defineProperty(globalThis, 'navigator', { value: { credentials: { create } }, configurable: true, writable: true });
  Object.defineProperty(globalThis, 'PublicKeyCredential', { value: function PublicKeyCredential() {}, configurable: true, writable: true });
  try {
    return await fn();
  } finally {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
  }
}
