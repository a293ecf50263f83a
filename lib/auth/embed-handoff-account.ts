import 'server-only';
import { seal, unseal, type SealPurpose } from './sealed-claims';

/**
 * Who the embedded view is signed in as, for the add-passkey window it opens: that window works
 * on the portal's own first-party session, which may belong to someone else (another person, or
 * another account of theirs), and must not add a passkey to the wrong account. The view asks the
 * server for this (its own session, in the host's partition) right when it opens the window; it
 * is encrypted (the sub is not shown to anyone), bound to the host, and short-lived.
 */

export const ACCOUNT_BINDING_LIFETIME_SECONDS = 600;
const PURPOSE: SealPurpose = { typ: 'embed-account-binding', salt: 'embed-account-binding', info: 'cognito-security-portal embed account binding v1' };

export async function createAccountBinding(sub: string, host: string, secret: string): Promise<string> {
  return seal({ host }, PURPOSE, secret, { lifetimeSeconds: ACCOUNT_BINDING_LIFETIME_SECONDS, subject: sub });
}

/** The view's sub, when the binding is genuine, unexpired and for this host; null otherwise. */
export async function readAccountBinding(binding: unknown, host: string, secret: string, now = Math.floor(Date.now() / 1000)): Promise<string | null> {
  if (typeof binding !== 'string' || binding.length > 4_000) return null;
  try {
    const payload = await unseal(binding, PURPOSE, secret, now, { requiredClaims: ['sub', 'exp'] });
    return payload.host === host && typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
