import { createHmac } from 'node:crypto';
import type { PoolContext } from '../context';
import { invalidParameter, notAuthorized, resourceNotFound } from '../errors';
import { findClient, startSession } from '../sessions';
import { nowSeconds, type AppClient, type User } from '../store';
import { ADMIN_SCOPE, constantTimeEqual } from '../tokens';

export function clientOrThrow(ctx: PoolContext, clientId: string): AppClient {
  const client = findClient(ctx, clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

export function checkSecretHash(client: AppClient, username: string, secretHash: string | undefined) {
  if (!client.clientSecret) return;
  if (!secretHash) throw notAuthorized(`Client ${client.clientId} is configured with secret but SECRET_HASH was not received`);
  const expected = createHmac('sha256', client.clientSecret).update(username + client.clientId).digest('base64');
  if (!constantTimeEqual(expected, secretHash)) throw notAuthorized(`Unable to verify secret hash for client ${client.clientId}`);
}

export function requireParameter(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (!value) throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

/**
 * A completed sign-in through the API: a new sign-in (origin_jti) with tokens for the admin
 * scope, on the user's remembered device when DEVICE_KEY names one of theirs. Commits the store.
 */
export async function signedIn(ctx: PoolContext, user: User, client: AppClient, deviceKeyParam: string | undefined): Promise<Record<string, unknown>> {
  const device = deviceKeyParam ? ctx.store.state.devices.find((d) => d.deviceKey === deviceKeyParam && d.sub === user.sub) : undefined;
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
