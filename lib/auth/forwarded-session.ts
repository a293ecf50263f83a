import 'server-only';
import { createHmac, createSecretKey, hkdfSync, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SESSION_CLAIMS_HEADER } from '@/lib/security/proxy-headers';
import type { SessionKind } from './session-cookie';
import type { SessionToken } from './session-token';

/**
 * One session decode per request: the proxy decrypts the session cookie (to refresh it) and hands
 * what it found to the page in a request header, so the page does not decrypt it again.
 *
 * Only the proxy can set it. The proxy deletes any copy a client sends (lib/security/proxy-headers.ts)
 * before it writes its own, and the page accepts one only when (1) its HMAC-SHA256, under a key
 * derived from NEXTAUTH_SECRET for this purpose alone, is right, (2) it was made for the kind of
 * session the page reads (the portal's or the embedded view's), and (3) it was made for the very
 * cookie the page sees (its value is under the MAC). Anything else: the page ignores
 * the header and decrypts the cookie itself, as before.
 *
 * The header travels only from the proxy to the page inside this server (a forwarded request
 * header, never a response header), so the access token in it goes nowhere the cookie's does not.
 */
export { SESSION_CLAIMS_HEADER };

/** What the page needs of the session (lib/auth/session.ts, PortalSession). */
export type ForwardedSession = {
  user: { sub: string; name: string | null; email: string | null };
  accessToken: string;
  authTime: number | null;
};

// A KeyObject, imported once per secret: HMAC with a raw Buffer key costs about 4× as much per request.
const keys = new Map<string, KeyObject>();
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(hkdfSync('sha256', secret, 'cognito-portal.forwarded-session', 'proxy to page, one request', 32)));
    if (keys.size > 4) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

// The cookie value itself is under the MAC (a few µs for a 4 KB cookie), binding the header to it.
const mac = (secret: string, kind: SessionKind, cookieValue: string, payload: string) =>
  createHmac('sha256', keyFor(secret)).update(`${kind}\n${payload}\n${cookieValue}`).digest();

export function forwardedSession(token: SessionToken): ForwardedSession {
  return {
    user: { sub: token.sub, name: token.name ?? null, email: token.email ?? null },
    accessToken: token.cognito.accessToken,
    authTime: token.authTime ?? null,
  };
}

/** The header's value for the page: the session, bound to `kind` and to the cookie value the page will read. */
export function encodeForwardedSession(session: ForwardedSession, kind: SessionKind, cookieValue: string, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${mac(secret, kind, cookieValue, payload).toString('base64url')}`;
}

const MAX_HEADER_LENGTH = 16_384;

/** The session in a header the proxy made for this kind and this cookie; null for anything else. */
export function decodeForwardedSession(header: string | null | undefined, kind: SessionKind, cookieValue: string, secret: string): ForwardedSession | null {
  if (!header || header.length > MAX_HEADER_LENGTH) return null;
  const dot = header.indexOf('.');
  if (dot <= 0) return null;
  const payload = header.slice(0, dot);
  const given = Buffer.from(header.slice(dot + 1), 'base64url');
  const expected = mac(secret, kind, cookieValue, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ForwardedSession;
    if (typeof session?.user?.sub !== 'string' || typeof session.accessToken !== 'string') return null;
    return session;
  } catch {
    return null;
  }
}
