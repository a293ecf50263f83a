import 'server-only';
import { getPortalConfig, type PortalConfig } from '@/lib/config/env';

/**
 * The pool's OAuth 2.0 endpoints that the portal calls itself (next-auth handles authorize and
 * the code exchange): token refresh, refresh-token revocation, and the logout URL. A real pool's
 * domain hosts them; the local pool hosts them on its own endpoint.
 */

export type RefreshedTokens = {
  accessToken: string;
  /** Present only when the app client rotates refresh tokens. */
  refreshToken: string | undefined;
  idToken: string | undefined;
  expiresInSeconds: number;
};

export type RefreshResult =
  | { ok: true; tokens: RefreshedTokens }
  /** `rejected`: the pool said no (revoked, expired, client changed): the session is over. `unavailable`: no answer. */
  | { ok: false; reason: 'rejected' | 'unavailable'; detail: string };

const OAUTH_TIMEOUT_MS = 5_000;

type CognitoSettings = PortalConfig['cognito'];

function clientAuth(cognito: CognitoSettings, body: URLSearchParams): Record<string, string> {
  body.set('client_id', cognito.clientId);
  if (!cognito.clientSecret) return {};
  // RFC 6749 §2.3.1: form-encode both parts before joining them.
  const basic = Buffer.from(`${encodeURIComponent(cognito.clientId)}:${encodeURIComponent(cognito.clientSecret)}`).toString('base64');
  return { authorization: `Basic ${basic}` };
}

async function postForm(cognito: CognitoSettings, path: string, body: URLSearchParams): Promise<Response> {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...clientAuth(cognito, body) };
  return fetch(`${cognito.oauthOrigin}${path}`, {
    method: 'POST',
    headers,
    body,
    cache: 'no-store',
    signal: AbortSignal.timeout(OAUTH_TIMEOUT_MS),
  });
}

function logOAuthFailure(operation: string, detail: string) {
  console.error(JSON.stringify({ event: 'oauth_call_failed', operation, detail }));
}

/** Exchanges a refresh token for fresh tokens at /oauth2/token. */
export async function refreshTokens(refreshToken: string, cognito: CognitoSettings = getPortalConfig().cognito): Promise<RefreshResult> {
  let response: Response;
  try {
    response = await postForm(cognito, '/oauth2/token', new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }));
  } catch (error) {
    const detail = `no answer: ${error instanceof Error ? error.message : String(error)}`;
    logOAuthFailure('refresh', detail);
    return { ok: false, reason: 'unavailable', detail };
  }
  const text = await response.text();
  if (!response.ok) {
    const detail = `HTTP ${response.status}: ${text.slice(0, 200)}`;
    logOAuthFailure('refresh', detail);
    return { ok: false, reason: response.status >= 500 || response.status === 429 ? 'unavailable' : 'rejected', detail };
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    logOAuthFailure('refresh', 'answer is not JSON');
    return { ok: false, reason: 'unavailable', detail: 'answer is not JSON' };
  }
  if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
    logOAuthFailure('refresh', 'answer lacks access_token or expires_in');
    return { ok: false, reason: 'unavailable', detail: 'answer lacks access_token or expires_in' };
  }
  return {
    ok: true,
    tokens: {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      idToken: typeof body.id_token === 'string' ? body.id_token : undefined,
      expiresInSeconds: body.expires_in,
    },
  };
}

/**
 * Revokes a refresh token (and every access token minted from it) at /oauth2/revoke.
 * Returns whether the pool confirmed it; sign-out goes on either way.
 */
export async function revokeRefreshToken(refreshToken: string, cognito: CognitoSettings = getPortalConfig().cognito): Promise<boolean> {
  try {
    const response = await postForm(cognito, '/oauth2/revoke', new URLSearchParams({ token: refreshToken }));
    if (response.ok) return true;
    logOAuthFailure('revoke', `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
  } catch (error) {
    logOAuthFailure('revoke', `no answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  return false;
}

/** Where to send the browser so the pool ends its own session and then returns to the portal's home. */
export function poolLogoutUrl(config: Pick<PortalConfig, 'cognito' | 'portalUrl'> = getPortalConfig()): string {
  const url = new URL('/logout', config.cognito.oauthOrigin);
  url.searchParams.set('client_id', config.cognito.clientId);
  url.searchParams.set('logout_uri', `${config.portalUrl}/`);
  return url.toString();
}
