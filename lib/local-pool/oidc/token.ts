import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { PoolError } from '../errors';
import { applyFaults } from '../faults';
import { sendJson } from '../http';
import { exchangeAuthorizationCode } from './authorization-code-grant';
import { authenticateClient, clientCredentials } from './client-auth';
import { readForm, singleParam } from './form';
import { refreshTokens } from './refresh-token-grant';
import { OAuthError, OPEN_CORS_HEADERS, sendOAuthError } from './responses';

/** Grants OAuth defines that Cognito app clients can have but the pool's clients never do. */
const GRANTS_NOT_ALLOWED_TO_CLIENTS = new Set(['client_credentials']);

/**
 * An injected fault, in OAuth's terms. RFC 6749 defines no such errors for the token
 * endpoint, so the authorization endpoint's are borrowed: throttling becomes 429
 * `temporarily_unavailable` with a Retry-After (something a client can back off on),
 * anything else 500 `server_error`.
 */
function faultAsOAuthError(fault: PoolError): OAuthError {
  if (fault.type === 'TooManyRequestsException') return new OAuthError('temporarily_unavailable', fault.message, 429, { 'Retry-After': '1' });
  return new OAuthError('server_error', fault.message, 500);
}

/** `POST /oauth2/token`. */
export async function handleToken(req: IncomingMessage, res: ServerResponse, ctx: PoolContext): Promise<void> {
  try {
    try {
      await applyFaults(ctx.config.faults, 'oauth2/token');
    } catch (error) {
      if (error instanceof PoolError) throw faultAsOAuthError(error);
      throw error;
    }
    const form = await readForm(req);
    const client = authenticateClient(ctx, clientCredentials(req, form));
    const grantType = singleParam(form, 'grant_type');
    let body;
    if (grantType === 'authorization_code') body = await exchangeAuthorizationCode(ctx, client, form);
    else if (grantType === 'refresh_token') body = await refreshTokens(ctx, client, form);
    else if (!grantType) throw new OAuthError('invalid_request', 'grant_type is required.');
    else if (GRANTS_NOT_ALLOWED_TO_CLIENTS.has(grantType)) throw new OAuthError('unauthorized_client', `This client may not use the ${grantType} grant.`);
    else throw new OAuthError('unsupported_grant_type', `The ${grantType} grant is not supported.`);
    sendJson(res, 200, body, { ...OPEN_CORS_HEADERS, Pragma: 'no-cache' });
  } catch (error) {
    if (error instanceof OAuthError) {
      sendOAuthError(res, error);
      return;
    }
    throw error;
  }
}
