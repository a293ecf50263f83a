import 'server-only';
import { revokeRefreshToken } from '@/lib/cognito/oauth';
import { sharedRefreshes } from './shared-refresh';

/**
 * Revokes a session's refresh token at the pool, and first forgets any refresh of it this
 * process still hands out to requests carrying the old cookie. Returns whether the pool confirmed.
 */
export function revokeSessionRefreshToken(refreshToken: string): Promise<boolean> {
  sharedRefreshes().forget(refreshToken);
  return revokeRefreshToken(refreshToken);
}
