import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { SignInTokens } from '@/lib/cognito/oauth';
import { sessionTokenFromSignIn } from './options';
import { seal, unseal, type SealPurpose } from './sealed-claims';
import { identityFromClaims, nowSeconds, type SessionToken } from './session-token';

/**
 * The embed sign-in window's own authorization-code flow with PKCE (RFC 7636), apart from
 * next-auth's: the iframe's session gets its own tokens (its own refresh token), and the portal's
 * first-party session is never read, reused or set. What the callback needs to finish it — the
 * OAuth state, the code verifier, and the view's state and host — rides in a short-lived
 * HttpOnly cookie scoped to /api/auth-popup, sealed (./sealed-claims), so the portal stores nothing.
 */

export const FLOW_LIFETIME_SECONDS = 600;
const FLOW_COOKIE_PATH = '/api/auth-popup';

/** The redirect_uri of this flow; the app client must list it among its callback URLs. */
export const popupCallbackUrl = (portalUrl: string) => `${portalUrl}/api/auth-popup/callback`;

/** `lang`: the host app's language (lib/i18n/lang-param.ts), for the callback's page; null without one. */
export type FlowRequest = { state: string; host: string; stepUp: boolean; lang?: string | null };
export type Flow = FlowRequest & { codeVerifier: string };

const PURPOSE: SealPurpose = { typ: 'embed-sign-in-flow', salt: 'embed-sign-in-flow', info: 'cognito-security-portal embed sign-in flow v1' };
const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * One cookie per flow (named after its OAuth state), so two sign-ins at once — two iframes, two
 * hosts — do not overwrite each other's.
 */
export function flowCookieName(secure: boolean, oauthState: string): string {
  return `${secure ? '__Secure-' : ''}portal-embed-sign-in.${oauthState.slice(0, 16)}`;
}

/**
 * The Set-Cookie header for a flow's cookie (`maxAgeSeconds` 0 and an empty value clear it).
 * SameSite=Lax: sent on the pool's top-level redirect back to the callback, not on cross-site
 * subrequests.
 */
export function flowCookieHeader(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${name}=${value}`, `Path=${FLOW_COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

export const OAUTH_STATE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new flow: the OAuth state and PKCE pair for /oauth2/authorize, and the cookie that remembers them. */
export async function startFlow(request: FlowRequest, secret: string): Promise<{ oauthState: string; codeChallenge: string; cookieValue: string }> {
  const oauthState = base64url(randomBytes(32));
  const codeVerifier = base64url(randomBytes(32));
  const codeChallenge = base64url(createHash('sha256').update(codeVerifier).digest());
  const cookieValue = await seal({ oauthState, codeVerifier, state: request.state, host: request.host, stepUp: request.stepUp, ...(request.lang ? { lang: request.lang } : {}) }, PURPOSE, secret, {
    lifetimeSeconds: FLOW_LIFETIME_SECONDS,
  });
  return { oauthState, codeChallenge, cookieValue };
}

/** The flow the callback's `state` belongs to, or null (no cookie, tampered, expired, another state). */
export async function readFlow(cookieValue: string | undefined, oauthState: string, secret: string, now = nowSeconds()): Promise<Flow | null> {
  if (!cookieValue) return null;
  try {
    const payload = await unseal(cookieValue, PURPOSE, secret, now, { requiredClaims: ['exp'] });
    const { codeVerifier, state, host, stepUp, lang } = payload;
    if (payload.oauthState !== oauthState || typeof codeVerifier !== 'string' || typeof state !== 'string' || typeof host !== 'string') return null;
    return { codeVerifier, state, host, stepUp: stepUp === true, lang: typeof lang === 'string' ? lang : null };
  } catch {
    return null;
  }
}

/** The session token from the code exchange's tokens: the very one next-auth's jwt callback builds at sign-in. */
export function sessionTokenFromExchange(tokens: SignInTokens, now = nowSeconds()): SessionToken {
  const { sub } = tokens.idClaims;
  const { name, email } = identityFromClaims(tokens.idClaims);
  return sessionTokenFromSignIn(
    { sub, name, email },
    {
      provider: 'cognito',
      type: 'oauth',
      providerAccountId: sub,
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      id_token: tokens.idToken,
      expires_at: now + tokens.expiresInSeconds,
    },
    now,
  );
}
