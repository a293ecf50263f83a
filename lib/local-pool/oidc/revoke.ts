import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { PoolError } from '../errors';
import { revokeRefreshToken } from '../operations/auth';
import { clientCredentials } from './client-auth';
import { readForm, singleParam } from './form';
import { OAuthError, OPEN_CORS_HEADERS, sendOAuthError } from './responses';

/** What RevokeToken's exceptions are in RFC 7009's terms. */
function asOAuthError(error: PoolError): OAuthError | undefined {
  if (error.type === 'UnauthorizedException') return new OAuthError('invalid_client', error.message, 401);
  if (error.type === 'UnsupportedTokenTypeException') return new OAuthError('unsupported_token_type', error.message, 400);
  return undefined;
}

/** `POST /oauth2/revoke`: ends the sign-in behind a refresh token (RFC 7009), as RevokeToken does. */
export async function handleRevoke(req: IncomingMessage, res: ServerResponse, ctx: PoolContext): Promise<void> {
  try {
    const form = await readForm(req);
    const credentials = clientCredentials(req, form);
    const token = singleParam(form, 'token');
    if (!token) throw new OAuthError('invalid_request', 'token is required.');
    try {
      await revokeRefreshToken(ctx, token, credentials.clientId, credentials.clientSecret);
    } catch (error) {
      const oauthError = error instanceof PoolError ? asOAuthError(error) : undefined;
      throw oauthError ?? error;
    }
    res.writeHead(200, { ...OPEN_CORS_HEADERS, 'Cache-Control': 'no-store', 'Content-Length': 0 });
    res.end();
  } catch (error) {
    if (error instanceof OAuthError) {
      sendOAuthError(res, error);
      return;
    }
    throw error;
  }
}
