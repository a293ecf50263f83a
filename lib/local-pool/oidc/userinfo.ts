import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { PoolError } from '../errors';
import { sendJson } from '../http';
import { findClient } from '../sessions';
import { readableAttributes } from '../user-attributes';
import { OPEN_CORS_HEADERS } from './responses';

function refuse(res: ServerResponse, description: string) {
  sendJson(res, 401, { error: 'invalid_token', error_description: description }, {
    ...OPEN_CORS_HEADERS,
    'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description.replace(/["\\]/g, '')}"`,
  });
}

/**
 * `GET|POST /oauth2/userInfo`: the signed-in person's attributes for an access token
 * with the `openid` scope. As at Cognito, every attribute is a string here, including
 * `email_verified` (which the ID token carries as a boolean). Only the attributes the token's
 * app client may read, as GetUser and the ID token.
 */
export async function handleUserInfo(req: IncomingMessage, res: ServerResponse, ctx: PoolContext): Promise<void> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  if (!match) {
    refuse(res, 'An access token is required as a Bearer token.');
    return;
  }
  let verified;
  try {
    verified = await ctx.tokens.verifyAccessToken(match[1], { requireAdminScope: false });
  } catch (error) {
    if (error instanceof PoolError) {
      refuse(res, error.message);
      return;
    }
    throw error;
  }
  if (!String(verified.claims.scope ?? '').split(' ').includes('openid')) {
    refuse(res, 'The access token does not have the openid scope.');
    return;
  }
  const { user, claims } = verified;
  const attributes = Object.fromEntries(readableAttributes(user, findClient(ctx, claims.client_id), ctx.config.userPool.customAttributes));
  sendJson(res, 200, { ...attributes, sub: user.sub, username: user.username }, OPEN_CORS_HEADERS);
}
