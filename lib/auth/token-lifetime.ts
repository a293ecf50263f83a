import 'server-only';
import { lifetimeFromClaims } from '@/lib/format/security-summary';
import { jwtClaims } from './session-token';

/** How long the pool's access tokens last (exp − iat of this session's), in seconds, or null. */
export function accessTokenLifetimeSeconds(accessToken: string): number | null {
  return lifetimeFromClaims(jwtClaims(accessToken));
}
