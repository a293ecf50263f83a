import type { IssuedTokens } from '../sessions';

/** The token endpoint's success body, as Cognito sends it. */
export type TokenResponse = { id_token: string; access_token: string; refresh_token?: string; expires_in: number; token_type: 'Bearer' };

export function tokenResponse(tokens: IssuedTokens): TokenResponse {
  return {
    id_token: tokens.idToken,
    access_token: tokens.accessToken,
    ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
    expires_in: tokens.expiresIn,
    token_type: 'Bearer',
  };
}
