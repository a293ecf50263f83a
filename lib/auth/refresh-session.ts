import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getPortalConfig } from '@/lib/config/env';
import { isEmbeddedRoute } from '@/lib/security/headers';
import { signInPath } from './return-path';
import { readSessionCookie, sessionCookieClears, sessionCookieName, sessionCookieNames, sessionCookieWrites, type CookieWrite, type SessionKind } from './session-cookie';
import { encodeForwardedSession, forwardedSession, SESSION_CLAIMS_HEADER } from './forwarded-session';
import { decodeSessionToken, encodeSessionToken, refreshIfNeeded, SESSION_MAX_AGE_SECONDS, type SessionToken } from './session-token';

/** Set on the forwarded request when the proxy ended the session, so the page can say why. */
export const SESSION_ENDED_HEADER = 'x-portal-session-ended';

/** The session the proxy decoded, for the page in SESSION_CLAIMS_HEADER, bound to the cookie value the page will read. */
type Decoded = { token: SessionToken; kind: SessionKind; cookieValue: string; secret: string };

const claimsHeader = ({ token, kind, cookieValue, secret }: Decoded) => encodeForwardedSession(forwardedSession(token), kind, cookieValue, secret);

/** Goes on to the page with the session it decoded, so the page does not decrypt the cookie again (forwarded-session.ts). */
function continueWithSession(request: NextRequest, decoded: Decoded): NextResponse {
  const headers = new Headers(request.headers);
  headers.delete(SESSION_ENDED_HEADER); // never trust one sent from outside
  headers.set(SESSION_CLAIMS_HEADER, claimsHeader(decoded));
  return NextResponse.next({ request: { headers } });
}

function apply(request: NextRequest, writes: CookieWrite[], sessionEnded: boolean, decoded?: Decoded): NextResponse {
  // The page renders from the forwarded request, so it must see the new cookies too.
  for (const write of writes) {
    if (write.options.maxAge > 0) request.cookies.set(write.name, write.value);
    else request.cookies.delete(write.name);
  }
  const headers = new Headers(request.headers);
  headers.delete(SESSION_ENDED_HEADER); // never trust one sent from outside
  if (sessionEnded) headers.set(SESSION_ENDED_HEADER, '1');
  if (decoded) headers.set(SESSION_CLAIMS_HEADER, claimsHeader(decoded));
  const response = NextResponse.next({ request: { headers } });
  for (const write of writes) response.cookies.set(write.name, write.value, write.options);
  response.headers.set('cache-control', 'private, no-store');
  return response;
}

/** Pages that need a session; the proxy sends people without one to sign-in before rendering. */
const PROTECTED_PATHS = ['/security'];


function isProtectedPage(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  const navigation = request.method === 'GET' || request.method === 'HEAD';
  return navigation && PROTECTED_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/** A redirect to sign-in that comes back to the requested page, clearing whatever session cookies remain. */
function toSignIn(request: NextRequest, clears: CookieWrite[], sessionEnded: boolean): NextResponse {
  const { pathname, search } = request.nextUrl;
  const response = NextResponse.redirect(new URL(signInPath(`${pathname}${search}`, sessionEnded ? 'session-ended' : undefined), request.url));
  for (const write of clears) response.cookies.set(write.name, write.value, write.options);
  response.headers.set('cache-control', 'private, no-store');
  return response;
}

/**
 * Runs in proxy.ts before every page and server action: when the session's access token is near
 * expiry it is refreshed at the pool's token endpoint and the re-encrypted cookie is put on both
 * the request (for this render) and the response (for the browser). A refresh the pool refuses,
 * or a cookie that cannot be decrypted, ends the session.
 */
export async function refreshSessionInProxy(request: NextRequest): Promise<NextResponse> {
  const config = getPortalConfig();
  // The embedded view reads only its own (partitioned) session; it never redirects to sign-in
  // (the sign-in page cannot be framed): it shows its own "Sign in" button instead. Its top-level
  // add-passkey popup (/embed/add-passkey) is first-party and uses the portal's own session.
  const kind: SessionKind = isEmbeddedRoute(request.nextUrl.pathname) ? 'embed' : 'portal';
  const clearsOf = (names: string[]) => sessionCookieClears(names, config.useSecureCookies, kind);
  const base = sessionCookieName(config.useSecureCookies, kind);
  const all = request.cookies.getAll();
  const existing = sessionCookieNames(all, base);
  const value = readSessionCookie(all, base);
  if (!value) {
    if (isProtectedPage(request)) return toSignIn(request, clearsOf(existing), false);
    if (!request.headers.has(SESSION_ENDED_HEADER)) return NextResponse.next();
    return apply(request, [], false);
  }

  const token = await decodeSessionToken(value, config.nextAuthSecret);
  if (!token) {
    const clears = clearsOf(existing);
    return isProtectedPage(request) ? toSignIn(request, clears, true) : apply(request, clears, true);
  }

  const outcome = await refreshIfNeeded(token);
  switch (outcome.status) {
    case 'fresh':
    case 'unavailable':
      return continueWithSession(request, { token: outcome.token, kind, cookieValue: value, secret: config.nextAuthSecret });
    case 'ended': {
      const clears = clearsOf(existing);
      return isProtectedPage(request) ? toSignIn(request, clears, true) : apply(request, clears, true);
    }
    case 'refreshed': {
      const encoded = await encodeSessionToken(outcome.token, config.nextAuthSecret);
      // The page reads the new cookie (put on the request by apply), so the forwarded session is bound to it.
      return apply(request, sessionCookieWrites(encoded, existing, base, config.useSecureCookies, SESSION_MAX_AGE_SECONDS, kind), false, {
        token: outcome.token,
        kind,
        cookieValue: encoded,
        secret: config.nextAuthSecret,
      });
    }
  }
}
