import 'server-only';
import { z } from 'zod';

/**
 * What the passkey server actions accept from the browser, checked before anything reaches
 * Cognito. Server actions are public HTTP endpoints: anyone can post anything to them, so
 * these are the real bounds, not the client's good behaviour.
 */

/** Browsers' toJSON() and @simplewebauthn/browser emit unpadded base64url. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Credential IDs from Cognito: base64url, padded or not (padding is tolerated, never required). */
const CREDENTIAL_ID = /^[A-Za-z0-9_-]+={0,2}$/;

/** WebAuthn §5.8.3: a credential ID is at most 1023 bytes, i.e. 1364 base64url characters. */
export const MAX_CREDENTIAL_ID_LENGTH = 1364;
/** Cognito documents no size for the Credential document; real ones are a few KiB. */
export const MAX_CREDENTIAL_DOCUMENT_BYTES = 64 * 1024;
/** Each binary member of the response, well above any real attestation (certificate chains included). */
const MAX_BINARY_FIELD_LENGTH = 48 * 1024;
const MAX_TRANSPORTS = 10;

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(BASE64URL, 'must be unpadded base64url')
    // A length of 4n+1 cannot be the encoding of any bytes.
    .refine((value) => value.length % 4 !== 1, 'is not a valid base64url length');

/** ".optional()" that also takes null, which toJSON() emits for absent members; null becomes undefined. */
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

/** A transport name: the WebAuthn values and whatever lowercase name the next revision adds. */
const transport = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'is not a transport name');

/**
 * A RegistrationResponseJSON (WebAuthn L3), as @simplewebauthn/browser's startRegistration()
 * returns it. Members it does not know are dropped, so only what was checked is sent on.
 */
const registrationResponseSchema = z
  .object({
    id: base64url(MAX_CREDENTIAL_ID_LENGTH),
    rawId: base64url(MAX_CREDENTIAL_ID_LENGTH),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: base64url(MAX_BINARY_FIELD_LENGTH),
      attestationObject: base64url(MAX_BINARY_FIELD_LENGTH),
      authenticatorData: nullish(base64url(MAX_BINARY_FIELD_LENGTH)),
      publicKey: nullish(base64url(MAX_BINARY_FIELD_LENGTH)),
      publicKeyAlgorithm: nullish(z.number().int().min(-65536).max(65535)),
      transports: nullish(z.array(transport).max(MAX_TRANSPORTS)),
    }),
    authenticatorAttachment: nullish(z.enum(['platform', 'cross-platform'])),
    // Extension outputs are free-form by design; the size check below bounds them.
    clientExtensionResults: z.record(z.string().max(64), z.unknown()).default({}),
  })
  .refine((value) => value.rawId === value.id, { message: 'rawId must equal id', path: ['rawId'] });

export type RegistrationCredential = z.output<typeof registrationResponseSchema>;

/** The size of a value as JSON, or Infinity when it cannot be serialised (cycles, BigInt). */
function jsonBytes(value: unknown): number {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export type ParseResult<T> = { success: true; data: T } | { success: false; reason: string };

/** Checks a Credential from the browser: size first (cheap, before walking it), then structure. */
export function parseRegistrationCredential(value: unknown): ParseResult<RegistrationCredential> {
  if (jsonBytes(value) > MAX_CREDENTIAL_DOCUMENT_BYTES) return { success: false, reason: 'credential is larger than 64 KiB' };
  const parsed = registrationResponseSchema.safeParse(value);
  if (!parsed.success) return { success: false, reason: z.prettifyError(parsed.error) };
  return { success: true, data: parsed.data };
}

const credentialIdSchema = z
  .string()
  .min(1)
  .max(MAX_CREDENTIAL_ID_LENGTH)
  .regex(CREDENTIAL_ID, 'must be base64url');

/** Checks a passkey's CredentialId (for DeleteWebAuthnCredential). */
export function parseCredentialId(value: unknown): ParseResult<string> {
  const parsed = credentialIdSchema.safeParse(value);
  if (!parsed.success) return { success: false, reason: z.prettifyError(parsed.error) };
  return { success: true, data: parsed.data };
}
