import { createHmac } from 'node:crypto';
import type { OperationHandler, PoolContext } from '../context';
import { PoolError, invalidParameter, notAuthorized, resourceNotFound } from '../errors';
import { findClient, mintTokens, sessionForRefreshToken, startSession } from '../sessions';
import { nowSeconds, verifyPassword, type AppClient } from '../store';
import { ADMIN_SCOPE, constantTimeEqual, sha256 } from '../tokens';

function clientOrThrow(ctx: PoolContext, clientId: string): AppClient {
  const client = findClient(ctx, clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

function checkSecretHash(client: AppClient, username: string, secretHash: string | undefined) {
  if (!client.clientSecret) return;
  if (!secretHash) throw notAuthorized(`Client ${client.clientId} is configured with secret but SECRET_HASH was not received`);
  const expected = createHmac('sha256', client.clientSecret).update(username + client.clientId).digest('base64');
  if (!constantTimeEqual(expected, secretHash)) throw notAuthorized(`Unable to verify secret hash for client ${client.clientId}`);
}

function requireParameter(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (!value) throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

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
    const device = params.DEVICE_KEY ? ctx.store.state.devices.find((d) => d.deviceKey === params.DEVICE_KEY && d.sub === user.sub) : undefined;
    if (device) device.lastAuthenticatedAt = nowSeconds();
    const tokens = await startSession(ctx, user, client, { scope: ADMIN_SCOPE, deviceKey: device?.deviceKey });
    await ctx.store.commit();
    return {
      ChallengeParameters: {},
      AuthenticationResult: {
        AccessToken: tokens.accessToken,
        ExpiresIn: tokens.expiresIn,
        TokenType: 'Bearer',
        RefreshToken: tokens.refreshToken,
        IdToken: tokens.idToken,
      },
    };
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
