import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PoolContext } from '../context';
import { parseCookies } from '../http';
import { nowSeconds, type SignInSession, type User } from '../store';
import { sha256 } from '../tokens';
import { poolCookie } from './cookies';

/**
 * The pool's own sign-in session, as Cognito's managed login keeps one: a cookie on the pool's
 * origin naming a server-side record (only the cookie value's hash is stored, in the state file,
 * so it survives restarts). While it lasts, /oauth2/authorize signs the same person in again
 * without the form, with the auth_time of the sign-in that created it.
 */
export const signInSessionCookieName = (ctx: PoolContext) => `local-pool-session.${ctx.store.state.pool.id}`;

/** Bounds the list a browser without cookies could grow by signing in over and over. Not a Cognito number. */
export const MAX_SIGN_IN_SESSIONS = 5000;

function cookieValue(ctx: PoolContext, req: IncomingMessage): string | undefined {
  const value = parseCookies(req)[signInSessionCookieName(ctx)];
  return value && value.length >= 32 ? value : undefined;
}

export type CurrentSignInSession = { session: SignInSession; user: User };

/** The live session this browser's cookie names, and its user; undefined when there is none. */
export function currentSignInSession(ctx: PoolContext, req: IncomingMessage): CurrentSignInSession | undefined {
  const value = cookieValue(ctx, req);
  if (!value) return undefined;
  const hash = sha256(value);
  const session = ctx.store.state.signInSessions.find((s) => s.idHash === hash);
  if (!session || session.expiresAt <= nowSeconds()) return undefined;
  const user = ctx.store.state.users.find((u) => u.sub === session.sub);
  return user ? { session, user } : undefined;
}

/** A Set-Cookie that removes the session cookie. */
export const clearSignInSessionCookie = (ctx: PoolContext) => poolCookie(ctx, signInSessionCookieName(ctx), '', 0);

/** Removes the record behind this browser's cookie, if any. The caller commits and clears the cookie. */
export function endSignInSession(ctx: PoolContext, req: IncomingMessage): boolean {
  const value = cookieValue(ctx, req);
  if (!value) return false;
  const hash = sha256(value);
  const before = ctx.store.state.signInSessions.length;
  ctx.store.state.signInSessions = ctx.store.state.signInSessions.filter((s) => s.idHash !== hash);
  return ctx.store.state.signInSessions.length !== before;
}

/** Ends every hosted sign-in session of a user (GlobalSignOut). The caller commits. */
export function endUserSignInSessions(ctx: PoolContext, sub: string): void {
  ctx.store.state.signInSessions = ctx.store.state.signInSessions.filter((s) => s.sub !== sub);
}

/**
 * Starts a session for someone who has just authenticated at `authTime`, replacing whatever
 * session this browser had (a new sign-in never inherits an old one), and returns the Set-Cookie
 * for it. With sessions turned off (TTL 0) it only ends the old one. The caller commits.
 */
export function startSignInSession(ctx: PoolContext, req: IncomingMessage, user: User, method: SignInSession['method'], authTime: number): string {
  endSignInSession(ctx, req);
  const ttl = ctx.config.sessions.signInTtlSeconds;
  if (ttl === 0) return clearSignInSessionCookie(ctx);
  const value = randomBytes(32).toString('base64url');
  const now = nowSeconds();
  let kept = ctx.store.state.signInSessions.filter((s) => s.expiresAt > now);
  if (kept.length >= MAX_SIGN_IN_SESSIONS) kept = kept.slice(kept.length - (MAX_SIGN_IN_SESSIONS - 1));
  kept.push({ idHash: sha256(value), sub: user.sub, authTime, method, createdAt: now, expiresAt: now + ttl });
  ctx.store.state.signInSessions = kept;
  return poolCookie(ctx, signInSessionCookieName(ctx), value, ttl);
}
