import type { ServerResponse } from 'node:http';
import { sendJson } from '../http';

/**
 * Token, userInfo, revoke, discovery and JWKS answer any origin, as Cognito's do: a
 * browser app may call them directly, and none of them trusts cookies.
 */
export const OPEN_CORS_HEADERS: Record<string, string> = { 'Access-Control-Allow-Origin': '*' };

export const OPEN_CORS_PREFLIGHT_HEADERS: Record<string, string> = {
  ...OPEN_CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'authorization, content-type',
  'Access-Control-Max-Age': '86400',
};

/** An OAuth 2.0 error response (RFC 6749 §5.2): `{error, error_description}` with its status. */
export class OAuthError extends Error {
  constructor(
    readonly code: string,
    description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

export function sendOAuthError(res: ServerResponse, error: OAuthError) {
  sendJson(res, error.status, { error: error.code, error_description: error.message }, { ...OPEN_CORS_HEADERS, Pragma: 'no-cache', ...error.headers });
}
