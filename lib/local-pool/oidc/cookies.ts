import type { PoolContext } from '../context';

/**
 * Cookies ignore ports, so on localhost the portal and every local pool share one
 * jar: the pool id in each name keeps pools (and the portal) from reading each
 * other's cookies.
 */
export const csrfCookieName = (ctx: PoolContext) => `local-pool-csrf.${ctx.store.state.pool.id}`;
export const deviceCookieName = (ctx: PoolContext) => `local-pool-device.${ctx.store.state.pool.id}`;

/** Browsers cap a cookie's lifetime at 400 days; a remembered device should last that long. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 86400;

/** A Set-Cookie value that page scripts cannot read and other sites cannot send with a POST. */
export function poolCookie(ctx: PoolContext, name: string, value: string, maxAgeSeconds?: number): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  if (ctx.config.endpoint.startsWith('https:')) parts.push('Secure');
  return parts.join('; ');
}
