import 'server-only';
import { nowSeconds } from './session-token';

/**
 * Whether the person authenticated recently enough to change how they sign in. Decided here, on
 * the server, from the auth_time the pool put in the session's tokens at sign-in — never from
 * anything the browser says. An unknown auth_time is never recent; one in the future (clock skew
 * beyond a minute, or a forged token that somehow decrypted) is not trusted either.
 */
export function signedInRecently(authTime: number | null, maxAgeSeconds: number, now = nowSeconds()): boolean {
  if (authTime === null) return false;
  const age = now - authTime;
  return age >= -60 && age <= maxAgeSeconds;
}

/**
 * How much of a recent sign-in starting a passkey ceremony keeps back for finishing it: the
 * finish is checked too, and a sign-in that turned stale while the person was at their
 * authenticator would throw away the passkey they just made. A tenth of the limit, at most the
 * ceremony's own timeout (60 s in Cognito's options): 60 s of the default 10 minutes.
 */
export function ceremonyHeadroomSeconds(maxAgeSeconds: number): number {
  return Math.min(60, Math.floor(maxAgeSeconds / 10));
}
