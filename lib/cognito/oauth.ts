import 'server-only';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { getPortalConfig, type PortalConfig } from '@/lib/config/env';

/**
 * The pool's OAuth 2.0 endpoints that the portal calls itself: token refresh, refresh-token
 * revocation, the logout URL, and the embed sign-in popup's own authorization-code flow (the
 * portal's top-level sign-in is next-auth's). A real pool's domain hosts them; the local pool
 * hosts them on its own endpoint.
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

/** POSTs a grant to /oauth2/token and reads the tokens, or says why not. */
async function tokenRequest(cognito: CognitoSettings, operation: string, form: URLSearchParams): Promise<TokenResult> {
  let response: Response;
  try {
    response = await postForm(cognito, '/oauth2/token', form);
  } catch (error) {
    const detail = `no answer: ${error instanceof Error ? error.message : String(error)}`;
    logOAuthFailure(operation, detail);
    return { ok: false, reason: 'unavailable', detail };
  }
  const text = await response.text();
  if (!response.ok) {
    const detail = `HTTP ${response.status}: ${text.slice(0, 200)}`;
    logOAuthFailure(operation, detail);
    return { ok: false, reason: response.status >= 500 || response.status === 429 ? 'unavailable' : 'rejected', detail };
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    logOAuthFailure(operation, 'answer is not JSON');
    return { ok: false, reason: 'unavailable', detail: 'answer is not JSON' };
  }
  if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
    logOAuthFailure(operation, 'answer lacks access_token or expires_in');
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

type TokenResult = { ok: true; tokens: RefreshedTokens } | { ok: false; reason: 'rejected' | 'unavailable'; detail: string };

/** Exchanges a refresh token for fresh tokens at /oauth2/token. */
export async function refreshTokens(refreshToken: string, cognito: CognitoSettings = getPortalConfig().cognito): Promise<RefreshResult> {
  return tokenRequest(cognito, 'refresh', new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }));
}

/** The tokens of a new sign-in: all three, the ID token verified. */
export type SignInTokens = { accessToken: string; refreshToken: string; idToken: string; expiresInSeconds: number; idClaims: JWTPayload & { sub: string } };

export type CodeExchangeResult = { ok: true; tokens: SignInTokens } | { ok: false; reason: 'rejected' | 'unavailable' | 'invalid'; detail: string };

/** Where to send the browser to sign in: /oauth2/authorize with PKCE (S256) and `extra` (prompt, max_age). */
export function authorizeUrl(
  request: { redirectUri: string; state: string; codeChallenge: string; scope: string; extra?: Record<string, string> },
  cognito: CognitoSettings = getPortalConfig().cognito,
): string {
  const url = new URL('/oauth2/authorize', cognito.oauthOrigin);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: cognito.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    ...request.extra,
  }).toString();
  return url.toString();
}

// One key set per issuer, fetched when first needed and cached by jose (it refetches on an unknown kid).
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Verifies an ID token from this pool for this app client (signature, iss, aud, exp); its claims, or null. */
export async function verifyIdToken(idToken: string, cognito: CognitoSettings = getPortalConfig().cognito): Promise<(JWTPayload & { sub: string }) | null> {
  let keys = keySets.get(cognito.issuer);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${cognito.issuer}/.well-known/jwks.json`), { timeoutDuration: OAUTH_TIMEOUT_MS });
    keySets.set(cognito.issuer, keys);
  }
  try {
    const { payload } = await jwtVerify(idToken, keys, { issuer: cognito.issuer, audience: cognito.clientId, algorithms: ['RS256'] });
    if (payload.token_use !== undefined && payload.token_use !== 'id') return null;
    return typeof payload.sub === 'string' && payload.sub ? (payload as JWTPayload & { sub: string }) : null;
  } catch (error) {
    logOAuthFailure('verify-id-token', error instanceof Error ? error.message : String(error));
    return null;
  }
}

/**
 * The authorization code grant with PKCE at /oauth2/token (RFC 6749 §4.1.3, RFC 7636 §4.5), then
 * the ID token checked against the pool's keys.
 */
export async function exchangeAuthorizationCode(
  grant: { code: string; codeVerifier: string; redirectUri: string },
  cognito: CognitoSettings = getPortalConfig().cognito,
): Promise<CodeExchangeResult> {
  const result = await tokenRequest(
    cognito,
    'code-exchange',
    new URLSearchParams({ grant_type: 'authorization_code', code: grant.code, code_verifier: grant.codeVerifier, redirect_uri: grant.redirectUri }),
  );
  if (!result.ok) return result;
  const { accessToken, refreshToken, idToken, expiresInSeconds } = result.tokens;
  if (!refreshToken || !idToken) return { ok: false, reason: 'invalid', detail: 'answer lacks refresh_token or id_token' };
  const idClaims = await verifyIdToken(idToken, cognito);
  if (!idClaims) return { ok: false, reason: 'invalid', detail: 'the ID token did not verify' };
  return { ok: true, tokens: { accessToken, refreshToken, idToken, expiresInSeconds, idClaims } };
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
