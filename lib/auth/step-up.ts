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
