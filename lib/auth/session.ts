import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getPortalConfig } from '@/lib/config/env';
import { decodeForwardedSession, SESSION_CLAIMS_HEADER } from './forwarded-session';
import { SESSION_ENDED_HEADER } from './refresh-session';
import { signInPath } from './return-path';
import { readSessionCookie, sessionCookieName, type SessionKind } from './session-cookie';
import { decodeSessionToken } from './session-token';

/** The signed-in person as server code sees them. Holds the access token: never pass it to a Client Component. */
export type PortalSession = {
  user: { sub: string; name: string | null; email: string | null };
  accessToken: string;
  /** When the person last authenticated (epoch seconds), or null when unknown. */
  authTime: number | null;
};

/**
 * The session cookie of the current request (which the proxy has already refreshed and decoded:
 * its forwarded answer is used when genuine, see forwarded-session.ts, else the cookie is decrypted here):
 * the portal's own, or with `'embed'` the embedded view's partitioned one. Once per request and
 * kind (React's cache): a layout, a page and their sections asking again get the same answer.
 */
export const getPortalSession = cache(async function getPortalSession(kind: SessionKind = 'portal'): Promise<PortalSession | null> {
  const jar = await cookies(); // first, so pages using this render per request
  const config = getPortalConfig();
  const value = readSessionCookie(jar.getAll(), sessionCookieName(config.useSecureCookies, kind));
  if (!value) return null;
  // The proxy has usually decrypted this very cookie already: its answer, when genuine, saves a second decode.
  const forwarded = decodeForwardedSession((await headers()).get(SESSION_CLAIMS_HEADER), kind, value, config.nextAuthSecret);
  if (forwarded) return forwarded;
  const token = await decodeSessionToken(value, config.nextAuthSecret);
  if (!token) return null;
  return {
    user: { sub: token.sub, name: token.name ?? null, email: token.email ?? null },
    accessToken: token.cognito.accessToken,
    authTime: token.authTime ?? null,
  };
});

/** The session, or a redirect to sign-in that comes back to `returnTo` afterwards. */
export async function requireSession(returnTo: string): Promise<PortalSession> {
  const session = await getPortalSession();
  if (session) return session;
  const ended = (await headers()).get(SESSION_ENDED_HEADER) === '1';
  redirect(signInPath(returnTo, ended ? 'session-ended' : undefined));
}
