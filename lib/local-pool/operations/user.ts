import type { OperationHandler } from '../context';
import { findClient } from '../sessions';
import { checkAttributeUpdate, readableAttributes } from '../user-attributes';
import { clientOrThrow } from './auth-helpers';
import { passkeysEnabled, passkeysOf } from './user-auth';

/** The signed-in user and their attributes: `sub` and those the access token's app client may read. */
export const getUser: OperationHandler = async (input, ctx) => {
  const { user, claims } = await ctx.tokens.verifyAccessToken(input.AccessToken as string);
  const attributes = readableAttributes(user, findClient(ctx, claims.client_id), ctx.config.userPool.customAttributes);
  return {
    Username: user.username,
    UserAttributes: attributes.map(([Name, Value]) => ({ Name, Value })),
    UserMFASettingList: [],
  };
};

/**
 * Writes the signed-in user's attributes, all or none: each must be in the schema, within its
 * length limits, and listed in the app client's WriteAttributes (see checkAttributeUpdate).
 * Changing `email` marks it unverified, as at Cognito; no verification message is sent, so no
 * CodeDeliveryDetailsList is returned.
 */
export const updateUserAttributes: OperationHandler = async (input, ctx) => {
  const { user, claims } = await ctx.tokens.verifyAccessToken(input.AccessToken as string);
  const client = clientOrThrow(ctx, claims.client_id);
  const values = checkAttributeUpdate(input.UserAttributes as { Name: string; Value?: string }[], client, ctx.config.userPool.customAttributes);
  for (const [name, value] of values) {
    if (name === 'email' && value !== user.attributes.email) user.attributes.email_verified = 'false';
    user.attributes[name] = value;
  }
  await ctx.store.commit();
  return {};
};

/**
 * What the signed-in user can sign in with (`ConfiguredUserAuthFactors`): PASSWORD when they have
 * a password, WEB_AUTHN when they have a passkey for the pool's relying party and passkeys are on.
 * The pool has no one-time passwords or MFA, so EMAIL_OTP, SMS_OTP and SOFTWARE_TOKEN never
 * appear and the MFA settings are empty.
 */
export const getUserAuthFactors: OperationHandler = async (input, ctx) => {
  const { user } = await ctx.tokens.verifyAccessToken(input.AccessToken as string);
  const factors: string[] = [];
  if (user.passwordHash !== undefined) factors.push('PASSWORD');
  if (passkeysEnabled(ctx) && passkeysOf(ctx, user.sub).length > 0) factors.push('WEB_AUTHN');
  return { Username: user.username, UserMFASettingList: [], ConfiguredUserAuthFactors: factors };
};
