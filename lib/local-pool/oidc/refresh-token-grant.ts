import type { PoolContext } from '../context';
import { PoolError } from '../errors';
import { refreshSession, sessionForRefreshToken } from '../sessions';
import type { AppClient } from '../store';
import { singleParam } from './form';
import { OAuthError } from './responses';
import { tokenResponse, type TokenResponse } from './token-response';

/**
 * `grant_type=refresh_token`: new ID and access tokens for the same sign-in, and a new refresh
 * token when the client has refresh-token rotation on (the same rule as GetTokensFromRefreshToken,
 * in `refreshSession`); a rotated-out token after its grace is `invalid_grant`.
 */
export async function refreshTokens(ctx: PoolContext, client: AppClient, form: URLSearchParams): Promise<TokenResponse> {
  if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) {
    throw new OAuthError('unauthorized_client', 'This client may not use refresh tokens.');
  }
  const refreshToken = singleParam(form, 'refresh_token');
  if (!refreshToken) throw new OAuthError('invalid_request', 'refresh_token is required.');
  let found;
  try {
    found = sessionForRefreshToken(ctx, refreshToken, client.clientId);
  } catch (error) {
    if (error instanceof PoolError) throw new OAuthError('invalid_grant', error.message);
    throw error;
  }
  return tokenResponse(await refreshSession(ctx, client, found));
}
