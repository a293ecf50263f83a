import { randomUUID } from 'node:crypto';
import type { PoolContext } from './context';
import { notAuthorized } from './errors';
import { nowSeconds, type AppClient, type AuthSession, type User } from './store';
import { newRefreshToken, sha256 } from './tokens';

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
  return {
    accessToken: await ctx.tokens.accessToken(user, session, accessTtlSeconds),
    idToken: await ctx.tokens.idToken(user, session, idTtlSeconds, nonce),
    expiresIn: accessTtlSeconds,
  };
}

/** Finds the live sign-in behind a refresh token, or throws as Cognito does. */
export function sessionForRefreshToken(ctx: PoolContext, refreshToken: string, clientId: string): { session: AuthSession; user: User } {
  const hash = sha256(refreshToken);
  const session = ctx.store.state.sessions.find((s) => s.refreshTokenHash === hash);
  if (!session || session.clientId !== clientId) throw notAuthorized('Invalid Refresh Token');
  if (session.revokedAt !== undefined) throw notAuthorized('Refresh Token has been revoked');
  if (session.expiresAt <= nowSeconds()) throw notAuthorized('Refresh Token has expired');
  const user = ctx.store.state.users.find((u) => u.sub === session.sub);
  if (!user) throw notAuthorized('Refresh Token has been revoked');
  return { session, user };
}

/** Drops sign-ins whose refresh token expired long ago, so the state file does not grow forever. */
function pruneSessions(ctx: PoolContext) {
  const cutoff = nowSeconds() - 86400;
  ctx.store.state.sessions = ctx.store.state.sessions.filter((s) => s.expiresAt > cutoff);
}

export function findClient(ctx: PoolContext, clientId: string): AppClient | undefined {
  return ctx.store.state.clients.find((c) => c.clientId === clientId);
}
