import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PoolContext } from '../context';
import { parseCookies } from '../http';
import { nowSeconds } from '../store';
import { constantTimeEqual, openToken, sealToken } from '../tokens';
import type { AuthorizeRequest } from './authorize-request';
import { csrfCookieName, poolCookie } from './cookies';
import { isPoolLocale } from './i18n/locales';

/**
 * How long a sign-in form stays usable. Long enough to fetch a password manager or
 * read a note; short enough that a form left open in a shared browser goes stale.
 */
export const SIGN_IN_FORM_TTL_SECONDS = 15 * 60;

/** Tells sign-in forms apart from the pool's other sealed tokens (pagination). */
const SEAL_PURPOSE = 'oidc-sign-in';

/**
 * The authorize request travels through the browser in a hidden field, sealed so the
 * person (or a page that framed the form) cannot change its client, redirect address,
 * scope or PKCE challenge between the check in /oauth2/authorize and the code.
 */
export function sealSignInRequest(ctx: PoolContext, request: AuthorizeRequest): string {
  return sealToken(ctx.store.state.secret, { op: SEAL_PURPOSE, request, exp: nowSeconds() + SIGN_IN_FORM_TTL_SECONDS });
}

export type OpenedSignInRequest = { request: AuthorizeRequest; expired: boolean };

/** The sealed request, or undefined if it was not sealed by this pool for a sign-in form. */
export function openSignInRequest(ctx: PoolContext, sealed: string): OpenedSignInRequest | undefined {
  const payload = openToken(ctx.store.state.secret, sealed);
  if (!payload || payload.op !== SEAL_PURPOSE || typeof payload.exp !== 'number') return undefined;
  const request = payload.request as AuthorizeRequest | undefined;
  if (typeof request !== 'object' || request === null || typeof request.clientId !== 'string' || typeof request.redirectUri !== 'string' || typeof request.scope !== 'string') {
    return undefined;
  }
  if (request.lang !== undefined && !isPoolLocale(request.lang)) delete request.lang;
  return { request, expired: payload.exp <= nowSeconds() };
}

/**
 * CSRF protection is a signed double submit: the cookie holds a random value, the form
 * an HMAC of it under the pool's secret. A page elsewhere can neither read the cookie
 * nor, without the secret, make a matching pair even if it could plant a cookie.
 */
const csrfFieldFor = (ctx: PoolContext, cookieValue: string) => createHmac('sha256', ctx.store.state.secret).update(`csrf:${cookieValue}`).digest('base64url');

/** The form's CSRF field, reusing the browser's cookie so sign-in forms open in several tabs all stay valid. */
export function csrfForForm(ctx: PoolContext, req: IncomingMessage): { field: string; setCookie?: string } {
  const existing = parseCookies(req)[csrfCookieName(ctx)];
  if (existing && existing.length >= 32) return { field: csrfFieldFor(ctx, existing) };
  const value = randomBytes(32).toString('base64url');
  // A session cookie: it only has to outlive the form.
  return { field: csrfFieldFor(ctx, value), setCookie: poolCookie(ctx, csrfCookieName(ctx), value) };
}

export function csrfMatches(ctx: PoolContext, req: IncomingMessage, field: string | undefined): boolean {
  const cookieValue = parseCookies(req)[csrfCookieName(ctx)];
  if (!cookieValue || !field) return false;
  return constantTimeEqual(csrfFieldFor(ctx, cookieValue), field);
}
