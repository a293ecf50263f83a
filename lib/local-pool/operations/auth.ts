import type { OperationHandler, PoolContext } from '../context';
import { PoolError, invalidParameter, notAuthorized } from '../errors';
import { endUserSignInSessions } from '../oidc/sign-in-sessions';
import { findClient, mintTokens, sessionForRefreshToken } from '../sessions';
import { nowSeconds, verifyPassword } from '../store';
import { constantTimeEqual, sha256 } from '../tokens';
import { checkSecretHash, clientOrThrow, requireParameter, signedIn } from './auth-helpers';
import { initiateUserAuth } from './user-auth';

export const initiateAuth: OperationHandler = async (input, ctx) => {
  const client = clientOrThrow(ctx, input.ClientId as string);
  const flow = input.AuthFlow as string;
  const params = (input.AuthParameters ?? {}) as Record<string, string>;

  if (flow === 'USER_PASSWORD_AUTH') {
    if (!client.explicitAuthFlows.includes('ALLOW_USER_PASSWORD_AUTH')) throw invalidParameter('USER_PASSWORD_AUTH flow not enabled for this client');
    const username = requireParameter(params, 'USERNAME');
    const password = requireParameter(params, 'PASSWORD');
    checkSecretHash(client, username, params.SECRET_HASH);
    const user = ctx.store.state.users.find((u) => u.username === username);
    // The same answer for an unknown user and a wrong password, as with user-existence errors prevented.
    if (!user || !verifyPassword(password, user.passwordHash)) throw notAuthorized('Incorrect username or password.');
    return signedIn(ctx, user, client, params.DEVICE_KEY);
  }

  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) throw invalidParameter('REFRESH_TOKEN_AUTH flow not enabled for this client');
    const refreshToken = requireParameter(params, 'REFRESH_TOKEN');
    const { session, user } = sessionForRefreshToken(ctx, refreshToken, client.clientId);
    checkSecretHash(client, user.username, params.SECRET_HASH);
    const tokens = await mintTokens(ctx, user, session);
    return {
      ChallengeParameters: {},
      AuthenticationResult: { AccessToken: tokens.accessToken, ExpiresIn: tokens.expiresIn, TokenType: 'Bearer', IdToken: tokens.idToken },
    };
  }

  if (flow === 'USER_AUTH') {
    if (!client.explicitAuthFlows.includes('ALLOW_USER_AUTH')) throw invalidParameter('USER_AUTH flow not enabled for this client');
    return initiateUserAuth(ctx, client, params);
  }

  throw invalidParameter(`${flow} flow not enabled for this client`);
};

export const getUser: OperationHandler = async (input, ctx) => {
  const { user } = await ctx.tokens.verifyAccessToken(input.AccessToken as string);
  const { sub, ...rest } = user.attributes;
  return {
    Username: user.username,
    UserAttributes: [{ Name: 'sub', Value: sub }, ...Object.entries(rest).map(([Name, Value]) => ({ Name, Value }))],
    UserMFASettingList: [],
  };
};

export const globalSignOut: OperationHandler = async (input, ctx) => {
  const { user } = await ctx.tokens.verifyAccessToken(input.AccessToken as string);
  const now = nowSeconds();
  for (const session of ctx.store.state.sessions) {
    if (session.sub === user.sub && session.revokedAt === undefined) session.revokedAt = now;
  }
  // The hosted sign-in's own session ends too, so the next authorize asks again.
  endUserSignInSessions(ctx, user.sub);
  await ctx.store.commit();
  return {};
};

/** Revokes a refresh token and every access token minted from it. */
export async function revokeRefreshToken(ctx: PoolContext, token: string, clientId: string, clientSecret: string | undefined): Promise<void> {
  const client = findClient(ctx, clientId);
  if (!client) throw new PoolError('UnauthorizedException', 'Invalid client');
  if (client.clientSecret && (!clientSecret || !constantTimeEqual(client.clientSecret, clientSecret))) {
    throw new PoolError('UnauthorizedException', 'Invalid client secret');
  }
  if (token.split('.').length === 3) throw new PoolError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
  const hash = sha256(token);
  const session = ctx.store.state.sessions.find((s) => s.refreshTokenHash === hash && s.clientId === clientId);
  // An unknown token is not an error (RFC 7009): revoking says nothing about which tokens exist.
  if (session && session.revokedAt === undefined) {
    session.revokedAt = nowSeconds();
    await ctx.store.commit();
  }
}

export const revokeToken: OperationHandler = async (input, ctx) => {
  await revokeRefreshToken(ctx, input.Token as string, input.ClientId as string, input.ClientSecret as string | undefined);
  return {};
};
