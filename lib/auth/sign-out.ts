'use server';
import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getPortalConfig } from '@/lib/config/env';
import { poolLogoutUrl } from '@/lib/cognito/oauth';
import { clearSessionCookies } from './end-session';
import { revokeSessionRefreshToken } from './revoke-session';
import { readSessionCookie, sessionCookieName } from './session-cookie';
import { decodeSessionToken } from './session-token';

/**
 * Signs out everywhere this sign-in reached: revokes the refresh token at the pool (which also
 * invalidates the access tokens minted from it), clears the session cookie, then sends the browser
 * to the pool's /logout so its own session ends too and it returns to the portal's home page.
 */
export async function signOut(): Promise<never> {
  const config = getPortalConfig();
  const jar = await cookies();
  const value = readSessionCookie(jar.getAll(), sessionCookieName(config.useSecureCookies));
  const token = value ? await decodeSessionToken(value, config.nextAuthSecret) : null;
  if (token) await revokeSessionRefreshToken(token.cognito.refreshToken);
  await clearSessionCookies();
  redirect(poolLogoutUrl());
}
