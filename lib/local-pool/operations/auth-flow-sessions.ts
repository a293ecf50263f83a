import { randomBytes } from 'node:crypto';
import type { PoolContext } from '../context';
import { notAuthorized } from '../errors';
import { nowSeconds, type AuthFlowSession } from '../store';
import { sha256 } from '../tokens';

/**
 * Open sessions kept per USERNAME and in all. Not Cognito numbers: InitiateAuth USER_AUTH needs
 * no credentials, so without a bound anyone could grow the state file by asking in a loop.
 */
export const MAX_OPEN_SESSIONS_PER_USERNAME = 10;
export const MAX_OPEN_SESSIONS = 1000;

/** 48 random bytes: 64 base64url characters, inside the model's SessionType (20–2048). */
const SESSION_BYTES = 48;

export type NewAuthFlowSession = Omit<AuthFlowSession, 'sessionHash' | 'expiresAt' | 'spentAt'>;

/**
 * Starts (or continues) a choice-based sign-in: returns the opaque Session the client sends back
 * with RespondToAuthChallenge. Only its hash is stored. Expired sessions are dropped here; spent
 * ones stay until they expire, so that a replay is told apart from a forgery. The caller commits.
 */
export function issueAuthFlowSession(ctx: PoolContext, entry: NewAuthFlowSession): string {
  const token = randomBytes(SESSION_BYTES).toString('base64url');
  const now = nowSeconds();
  const live = ctx.store.state.authFlowSessions.filter((s) => s.expiresAt > now);
  const open = (s: AuthFlowSession) => s.spentAt === undefined;
  const sameName = live.filter((s) => open(s) && s.username === entry.username);
  const dropped = new Set(sameName.slice(0, Math.max(0, sameName.length - (MAX_OPEN_SESSIONS_PER_USERNAME - 1))));
  let kept = live.filter((s) => !dropped.has(s));
  if (kept.length >= MAX_OPEN_SESSIONS) kept = kept.slice(kept.length - (MAX_OPEN_SESSIONS - 1));
  kept.push({ ...entry, sessionHash: sha256(token), expiresAt: now + ctx.config.sessions.authFlowTtlSeconds });
  ctx.store.state.authFlowSessions = kept;
  return token;
}

/**
 * The live session a client sent, or NotAuthorizedException with the words Cognito uses. A session
 * from another app client is treated as unknown. Nothing is changed here: the caller spends it.
 */
export function openAuthFlowSession(ctx: PoolContext, token: string, clientId: string): AuthFlowSession {
  const hash = sha256(token);
  const found = ctx.store.state.authFlowSessions.find((s) => s.sessionHash === hash);
  if (!found || found.clientId !== clientId) throw notAuthorized('Invalid session for the user.');
  if (found.spentAt !== undefined) throw notAuthorized('Invalid session for the user, session can only be used once.');
  if (found.expiresAt <= nowSeconds()) throw notAuthorized('Invalid session for the user, session is expired.');
  return found;
}

/** Marks a session used. Call it with no await since openAuthFlowSession, so two concurrent answers cannot both use it. */
export function spendAuthFlowSession(session: AuthFlowSession): void {
  session.spentAt = nowSeconds();
}
