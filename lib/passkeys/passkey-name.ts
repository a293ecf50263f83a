/**
 * The rules for a name a person gives a passkey: 1–40 characters after trimming (characters as
 * people count them: code points, so an emoji is one), no control characters (nor the invisible
 * ones that reorder text or break lines). Shared by the form (to say what is wrong before
 * sending), the server action (the authority) and the attribute codec (names read back are
 * untrusted).
 */
export const PASSKEY_NAME_MAX = 40;

// C0/C1 controls, line and paragraph separators, bidi embeddings/overrides/isolates.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export type NameCheck = { ok: true; name: string } | { ok: false; reason: 'empty' | 'too-long' | 'control-character' };

export function checkPasskeyName(value: unknown): NameCheck {
  if (typeof value !== 'string') return { ok: false, reason: 'empty' };
  const name = value.trim();
  if (name.length === 0) return { ok: false, reason: 'empty' };
  if ([...name].length > PASSKEY_NAME_MAX) return { ok: false, reason: 'too-long' };
  if (FORBIDDEN.test(name)) return { ok: false, reason: 'control-character' };
  return { ok: true, name };
}
