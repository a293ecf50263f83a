import { randomUUID } from 'node:crypto';
import type { PoolContext } from './context';
import { notAuthorized, type PoolError } from './errors';
import { nowSeconds, type AppClient, type AuthSession, type User } from './store';
import { newRefreshToken, sha256 } from './tokens';
import { readableAttributes } from './user-attributes';

export type IssuedTokens = { accessToken: string; idToken: string; refreshToken?: string; expiresIn: number };

/** Starts a sign-in (one origin_jti) and mints its first tokens. The caller commits the store. */
export async function startSession(
  ctx: PoolContext,
  user: User,
  client: AppClient,
  options: { scope: string; authTime?: number; deviceKey?: string; nonce?: string },
): Promise<IssuedTokens> {
  const refreshToken = newRefreshToken();
  const now = nowSeconds();
  const session: AuthSession = {
    originJti: randomUUID(),
    sub: user.sub,
    clientId: client.clientId,
    refreshTokenHash: sha256(refreshToken),
    scope: options.scope,
    authTime: options.authTime ?? now,
    createdAt: now,
    expiresAt: now + ctx.config.tokens.refreshTtlSeconds,
    ...(options.deviceKey ? { deviceKey: options.deviceKey } : {}),
  };
  ctx.store.state.sessions.push(session);
  pruneSessions(ctx);
  return { ...(await mintTokens(ctx, user, session, options.nonce)), refreshToken };
}

export async function mintTokens(ctx: PoolContext, user: User, session: AuthSession, nonce?: string): Promise<IssuedTokens> {
  const { accessTtlSeconds, idTtlSeconds } = ctx.config.tokens;
  // The ID token carries the attributes the app client may read, as Cognito's does.
  const attributes = readableAttributes(user, findClient(ctx, session.clientId), ctx.config.userPool.customAttributes);
  return {
    accessToken: await ctx.tokens.accessToken(user, session, accessTtlSeconds),
    idToken: await ctx.tokens.idToken(user, session, attributes, idTtlSeconds, nonce),
    expiresIn: accessTtlSeconds,
  };
}

/**
 * Finds the live sign-in behind a refresh token, or throws as Cognito does. A token that
 * refresh-token rotation replaced is still accepted during the client's retry grace; after it,
 * `reused` makes the caller's error (GetTokensFromRefreshToken: RefreshTokenReuseException; the
 * operations that do not declare it: NotAuthorizedException). A refused token changes nothing.
 */
export function sessionForRefreshToken(
  ctx: PoolContext,
  refreshToken: string,
  clientId: string,
  reused: (message: string) => PoolError = notAuthorized,
): { session: AuthSession; user: User } {
  const hash = sha256(refreshToken);
  let session = ctx.store.state.sessions.find((s) => s.refreshTokenHash === hash);
  if (!session) {
    session = ctx.store.state.sessions.find((s) => s.rotatedRefreshTokens?.some((r) => r.hash === hash));
    const retired = session?.rotatedRefreshTokens?.find((r) => r.hash === hash);
    if (session && retired && session.clientId === clientId && session.revokedAt === undefined && retired.graceUntil <= nowSeconds()) {
      throw reused('Refresh token has been used already');
    }
  }
  if (!session || session.clientId !== clientId) throw notAuthorized('Invalid Refresh Token');
  if (session.revokedAt !== undefined) throw notAuthorized('Refresh Token has been revoked');
  if (session.expiresAt <= nowSeconds()) throw notAuthorized('Refresh Token has expired');
  const user = ctx.store.state.users.find((u) => u.sub === session.sub);
  if (!user) throw notAuthorized('Refresh Token has been revoked');
  return { session, user };
}

/** How many rotated-out refresh tokens a sign-in remembers, to recognise their reuse. */
const ROTATED_TOKENS_KEPT = 50;

/**
 * New tokens for a sign-in from its refresh token, shared by GetTokensFromRefreshToken and the
 * token endpoint's refresh grant. With the client's refresh-token rotation on, a new refresh
 * token replaces the one presented, which stays usable for the client's retry grace
 * (RetryGracePeriodSeconds, 0–60) and is refused as reused after it; the sign-in (origin_jti,
 * auth_time, expiry) stays the same. Commits the store when it rotated.
 */
export async function refreshSession(ctx: PoolContext, client: AppClient, found: { session: AuthSession; user: User }): Promise<IssuedTokens> {
  const tokens = await mintTokens(ctx, found.user, found.session);
  const rotation = client.refreshTokenRotation;
  if (rotation?.feature !== 'ENABLED') return tokens;
  const { session } = found;
  const refreshToken = newRefreshToken();
  const graceUntil = nowSeconds() + rotation.retryGracePeriodSeconds;
  session.rotatedRefreshTokens = [...(session.rotatedRefreshTokens ?? []), { hash: session.refreshTokenHash, graceUntil }].slice(-ROTATED_TOKENS_KEPT);
  session.refreshTokenHash = sha256(refreshToken);
  await ctx.store.commit();
  return { ...tokens, refreshToken };
}

/** Drops sign-ins whose refresh token expired long ago, so the state file does not grow forever. */
function pruneSessions(ctx: PoolContext) {
  const cutoff = nowSeconds() - 86400;
  ctx.store.state.sessions = ctx.store.state.sessions.filter((s) => s.expiresAt > cutoff);
}

export function findClient(ctx: PoolContext, clientId: string): AppClient | undefined {
  return ctx.store.state.clients.find((c) => c.clientId === clientId);
}
