import 'server-only';
import { decode, encode } from 'next-auth/jwt';
import { z } from 'zod';
import { refreshTokens, type RefreshedTokens, type RefreshResult } from '@/lib/cognito/oauth';
import { sharedRefreshes } from './shared-refresh';

/** How long the portal's session cookie lives; a rejected refresh ends it sooner. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// Refresh this long before the access token expires (at most half its lifetime, for short-lived tokens).
const REFRESH_MARGIN_SECONDS = 60;

/**
 * What the encrypted session cookie holds. The Cognito tokens stay in here, on the server side of
 * the cookie's encryption; the session handed to the browser carries only name and email.
 */
export const sessionTokenSchema = z.object({
  sub: z.string().min(1),
  name: z.string().nullish(),
  email: z.string().nullish(),
  /**
   * When the person last really authenticated (the ID token's auth_time, epoch seconds). A refresh
   * keeps it: only a new sign-in moves it. Absent in a session that could not tell: never recent.
   */
  authTime: z.number().int().nonnegative().optional(),
  cognito: z.object({
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1),
    /** Epoch seconds. */
    accessTokenExpiresAt: z.number().int(),
    accessTokenLifetimeSeconds: z.number().int().positive(),
  }),
});

export type SessionToken = z.infer<typeof sessionTokenSchema>;

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Reads the claims of a JWT received straight from the pool's token endpoint over TLS. */
export function jwtClaims(jwt: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The person's display details from ID token claims. */
export function identityFromClaims(claims: Record<string, unknown>): { name: string | null; email: string | null } {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  return {
    name: text(claims.name) ?? text(claims.preferred_username) ?? text(claims['cognito:username']),
    email: text(claims.email),
  };
}

/**
 * auth_time from the sign-in's tokens: the ID token's (which next-auth has verified against the
 * pool's keys), else the access token's, which Cognito also stamps with it.
 */
export function authTimeFromTokens(tokens: { idToken?: string; accessToken?: string }): number | undefined {
  for (const jwt of [tokens.idToken, tokens.accessToken]) {
    const value = jwt ? jwtClaims(jwt).auth_time : undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  }
  return undefined;
}

export function needsRefresh(token: SessionToken, now = nowSeconds()): boolean {
  const { accessTokenExpiresAt, accessTokenLifetimeSeconds } = token.cognito;
  const margin = Math.min(REFRESH_MARGIN_SECONDS, Math.floor(accessTokenLifetimeSeconds / 2));
  return accessTokenExpiresAt - now <= margin;
}

/** The session token after a successful refresh; the old refresh token stays unless the pool rotated it. */
export function withRefreshedTokens(token: SessionToken, tokens: RefreshedTokens, now = nowSeconds()): SessionToken {
  const identity = tokens.idToken ? identityFromClaims(jwtClaims(tokens.idToken)) : undefined;
  return {
    ...token,
    ...(identity ? { name: identity.name ?? token.name, email: identity.email ?? token.email } : {}),
    cognito: {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? token.cognito.refreshToken,
      accessTokenExpiresAt: now + tokens.expiresInSeconds,
      accessTokenLifetimeSeconds: Math.max(1, tokens.expiresInSeconds),
    },
  };
}

export type RefreshOutcome =
  | { status: 'fresh'; token: SessionToken }
  | { status: 'refreshed'; token: SessionToken }
  /** The pool refused the refresh token: the session is over. */
  | { status: 'ended' }
  /** The pool did not answer: keep the session and try again on the next request. */
  | { status: 'unavailable'; token: SessionToken };

/** The token endpoint call, shared with concurrent refreshes of the same refresh token in this process. */
export const coalescedRefresh = (refreshToken: string): Promise<RefreshResult> => sharedRefreshes().run(refreshToken, (value) => refreshTokens(value));

/**
 * Refreshes the access token through the token endpoint when it is close to expiry. A rotated
 * refresh token from the pool goes into the returned session token (withRefreshedTokens).
 */
export async function refreshIfNeeded(token: SessionToken, refresh: (refreshToken: string) => Promise<RefreshResult> = coalescedRefresh): Promise<RefreshOutcome> {
  if (!needsRefresh(token)) return { status: 'fresh', token };
  const result = await refresh(token.cognito.refreshToken);
  if (result.ok) return { status: 'refreshed', token: withRefreshedTokens(token, result.tokens) };
  return result.reason === 'rejected' ? { status: 'ended' } : { status: 'unavailable', token };
}

// The proxy and then the page decrypt the same cookie within milliseconds of each other; the
// page's second decryption waited for a thread-pool hop (the key derivation) behind whatever
// the server was rendering meanwhile. A value decrypted moments ago is reused instead. The proxy
// and the pages are separate bundles with their own copy of this module, in one process: the
// map lives on globalThis so both see the same one, and the page reuses the proxy's decryption.
// Keyed on the secret and the whole encrypted value, so only the same cookie finds an entry.
const RECENT_MS = 5_000;
const RECENT_MAX = 500;
const RECENT_KEY = Symbol.for('cognito-portal.recent-session-tokens');
type RecentTokens = Map<string, { token: SessionToken; until: number }>;
const recent: RecentTokens = ((globalThis as { [RECENT_KEY]?: RecentTokens })[RECENT_KEY] ??= new Map());

/** Decrypts a session cookie value; null when it is not ours, tampered with, expired or of another shape. */
export async function decodeSessionToken(value: string, secret: string): Promise<SessionToken | null> {
  const key = `${secret}\n${value}`;
  const hit = recent.get(key);
  if (hit && hit.until > Date.now()) return hit.token;
  try {
    const parsed = sessionTokenSchema.safeParse(await decode({ token: value, secret }));
    if (!parsed.success) return null;
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(key, { token: parsed.data, until: Date.now() + RECENT_MS });
    return parsed.data;
  } catch {
    return null;
  }
}

export function encodeSessionToken(token: SessionToken, secret: string): Promise<string> {
  return encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}
