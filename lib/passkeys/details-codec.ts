import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkPasskeyName } from './passkey-name';

/**
 * What the portal keeps about a person's passkeys in one custom user attribute (Cognito returns
 * none of it): per passkey its AAGUID, backup flags and the person's own name for it, and once
 * the user handle Cognito put in the registration options' `user.id` (the Signal API needs it).
 *
 * Encoding (version 1), compact JSON so 20 passkeys with 40-character names fit Cognito's
 * 2,048-character limit for a custom attribute:
 *   {"v":1,"u":"<user handle>","p":[["<key>","<aaguid>",<flags>,"<name>"],…]}
 * - key: the first 9 bytes of SHA-256 of the credential ID, base64url (12 characters): IDs can be
 *   up to 1,364 characters, and the key only has to tell one person's passkeys apart;
 * - aaguid: 16 bytes base64url (22 characters), "" when unknown;
 * - flags: bit 0 backup eligible, bit 1 backed up; -1 when unknown (a passkey added before the
 *   portal kept details, then renamed);
 * - name: the person's name for it, "" when they gave none.
 *
 * The person can write this attribute with their own access token, so reading is untrusted:
 * anything that does not parse is dropped, entry by entry, and lengths are capped.
 */
export const DETAILS_VERSION = 1;
/** Cognito's limit for a custom string attribute. */
export const ATTRIBUTE_MAX_LENGTH = 2048;
/** More entries than any person has passkeys: the rest of an oversized value is ignored. */
const MAX_ENTRIES = 100;

export type PasskeyDetail = {
  aaguid: string | null;
  backupEligible: boolean | null;
  backedUp: boolean | null;
  name: string | null;
};

export type PasskeyDetails = {
  /** base64url, as Cognito's StartWebAuthnRegistration gave it; null until a passkey is added here. */
  userHandle: string | null;
  /** By credentialKey(credential ID). */
  entries: Map<string, PasskeyDetail>;
};

export const EMPTY_DETAILS: PasskeyDetails = { userHandle: null, entries: new Map() };

/** The entry key of a credential ID (padding ignored, as Cognito's IDs may carry it). */
export function credentialKey(credentialId: string): string {
  return createHash('sha256').update(credentialId.replace(/=+$/, '')).digest().subarray(0, 9).toString('base64url');
}

/** WebAuthn's user.id is at most 64 bytes: 86 base64url characters. */
const userHandleSchema = z.string().min(1).max(86).regex(/^[A-Za-z0-9_-]+$/);
const entrySchema = z.tuple([
  z.string().regex(/^[A-Za-z0-9_-]{12}$/),
  z.union([z.literal(''), z.string().regex(/^[A-Za-z0-9_-]{22}$/)]),
  z.number().int().min(-1).max(3),
  z.string().max(200),
]);
const outerSchema = z.object({ v: z.literal(DETAILS_VERSION), u: z.unknown().optional(), p: z.array(z.unknown()).optional() });

function aaguidToKey(aaguid: string): string {
  return Buffer.from(aaguid.replace(/-/g, ''), 'hex').toString('base64url');
}

function aaguidFromKey(encoded: string): string {
  const hex = Buffer.from(encoded, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const AAGUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads the attribute's value; anything unreadable is simply not there. */
export function decodeDetails(raw: string | null | undefined): PasskeyDetails {
  if (!raw || raw.length > ATTRIBUTE_MAX_LENGTH) return { userHandle: null, entries: new Map() };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { userHandle: null, entries: new Map() };
  }
  const outer = outerSchema.safeParse(json);
  if (!outer.success) return { userHandle: null, entries: new Map() };
  const handle = userHandleSchema.safeParse(outer.data.u);
  const entries = new Map<string, PasskeyDetail>();
  for (const item of (outer.data.p ?? []).slice(0, MAX_ENTRIES)) {
    const entry = entrySchema.safeParse(item);
    if (!entry.success) continue;
    const [key, aaguid, flags, rawName] = entry.data;
    const name = rawName === '' ? null : checkPasskeyName(rawName);
    if (name && !name.ok) continue;
    entries.set(key, {
      aaguid: aaguid === '' ? null : aaguidFromKey(aaguid),
      backupEligible: flags < 0 ? null : (flags & 1) === 1,
      backedUp: flags < 0 ? null : (flags & 3) === 3,
      name: name ? name.name : null,
    });
  }
  return { userHandle: handle.success ? handle.data : null, entries };
}

/** The attribute's value for these details (the caller checks it fits ATTRIBUTE_MAX_LENGTH). */
export function encodeDetails(details: PasskeyDetails): string {
  const p = [...details.entries].map(([key, d]) => [
    key,
    d.aaguid && AAGUID.test(d.aaguid) ? aaguidToKey(d.aaguid) : '',
    d.backupEligible === null ? -1 : (d.backupEligible ? 1 : 0) | (d.backupEligible && d.backedUp ? 2 : 0),
    d.name ?? '',
  ]);
  return JSON.stringify(details.userHandle ? { v: DETAILS_VERSION, u: details.userHandle, p } : { v: DETAILS_VERSION, p });
}

/** The detail of one credential, or null. */
export function detailOf(details: PasskeyDetails, credentialId: string): PasskeyDetail | null {
  return details.entries.get(credentialKey(credentialId)) ?? null;
}

/**
 * The details to write: what is stored now (re-read just before writing, so another tab's change
 * is kept), with `change` applied to one credential, keeping only entries of credentials that
 * are listed (the others were deleted: pruned here).
 */
export function withChange(
  current: PasskeyDetails,
  listedCredentialIds: readonly string[],
  change: { credentialId: string; update: Partial<PasskeyDetail> },
  userHandle?: string | null,
): PasskeyDetails {
  const listed = new Set(listedCredentialIds.map(credentialKey));
  const entries = new Map([...current.entries].filter(([key]) => listed.has(key)));
  const key = credentialKey(change.credentialId);
  const before = entries.get(key) ?? { aaguid: null, backupEligible: null, backedUp: null, name: null };
  entries.set(key, { ...before, ...change.update });
  return { userHandle: userHandle ?? current.userHandle, entries };
}
