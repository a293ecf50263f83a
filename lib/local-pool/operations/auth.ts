import type { OperationHandler, PoolContext } from '../context';
import { PoolError, invalidParameter, notAuthorized } from '../errors';
import { endUserSignInSessions } from '../oidc/sign-in-sessions';
import { userForPassword } from '../oidc/password-check';
import { findClient, mintTokens, refreshSession, sessionForRefreshToken } from '../sessions';
import { nowSeconds } from '../store';
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
    // The same answer for an unknown user, a passwordless one and a wrong password, as with user-existence errors prevented.
    const user = userForPassword(ctx, username, password);
    if (!user) throw notAuthorized('Incorrect username or password.');
    return signedIn(ctx, user, client, params.DEVICE_KEY);
  }

  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) throw invalidParameter('REFRESH_TOKEN_AUTH flow not enabled for this client');
    // "Refresh token rotation must be completed with GetTokensFromRefreshToken" (RefreshTokenRotationType).
    if (client.refreshTokenRotation?.feature === 'ENABLED') throw invalidParameter('Refresh token rotation is enabled for this client: refresh with GetTokensFromRefreshToken');
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

/**
 * New tokens from a refresh token, as Amplify JS v6 refreshes (`refreshAuthTokens.ts`). With the
 * client's refresh-token rotation on, the answer carries a new refresh token and the one presented
 * is refused after the client's retry grace with RefreshTokenReuseException; with it off, no
 * refresh token is returned, as from REFRESH_TOKEN_AUTH. A client with a secret sends it as
 * ClientSecret (not SECRET_HASH).
 */
export const getTokensFromRefreshToken: OperationHandler = async (input, ctx) => {
  const client = clientOrThrow(ctx, input.ClientId as string);
  if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) throw invalidParameter('REFRESH_TOKEN_AUTH flow not enabled for this client');
  const secret = input.ClientSecret as string | undefined;
  if (client.clientSecret && (!secret || !constantTimeEqual(client.clientSecret, secret))) {
    throw notAuthorized(`Client ${client.clientId} is configured with secret but ClientSecret was not received or does not match`);
  }
  const found = sessionForRefreshToken(ctx, input.RefreshToken as string, client.clientId, (message) => new PoolError('RefreshTokenReuseException', message));
  const tokens = await refreshSession(ctx, client, found);
  return {
    AuthenticationResult: {
      AccessToken: tokens.accessToken,
      ExpiresIn: tokens.expiresIn,
      TokenType: 'Bearer',
      IdToken: tokens.idToken,
      ...(tokens.refreshToken ? { RefreshToken: tokens.refreshToken } : {}),
    },
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
