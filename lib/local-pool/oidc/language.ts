import type { IncomingMessage } from 'node:http';
import type { PoolContext } from '../context';
import { parseCookies } from '../http';
import { poolCookie } from './cookies';
import { DEFAULT_POOL_LOCALE, isPoolLocale, parseLang, type PoolLocale } from './i18n/locales';

/**
 * The language of the hosted pages, as Cognito's managed login keeps it: `lang` on
 * `/oauth2/authorize` chooses it, a cookie remembers it for the pool's later pages (and later
 * sign-ins without `lang`) until another `lang` replaces it. Per pool, like every pool cookie.
 */
export const langCookieName = (ctx: PoolContext) => `local-pool-lang.${ctx.store.state.pool.id}`;

/** A remembered choice lasts as long as a browser lets a cookie last (400 days). Cognito's own lifetime is not documented. */
export const LANG_COOKIE_MAX_AGE_SECONDS = 400 * 86400;

/**
 * The `lang` a request asks for: undefined when it names none (or an empty one), English when
 * it is repeated, unknown, oversized or hostile — asked for, but not one the pool speaks.
 */
export function requestedLang(query: URLSearchParams): PoolLocale | undefined {
  const values = query.getAll('lang');
  if (values.length === 0 || (values.length === 1 && values[0] === '')) return undefined;
  if (values.length > 1) return DEFAULT_POOL_LOCALE;
  return parseLang(values[0]);
}

/** The browser's remembered language, if it is one of the pool's. */
export function rememberedLang(ctx: PoolContext, req: IncomingMessage): PoolLocale | undefined {
  const value = parseCookies(req)[langCookieName(ctx)];
  return isPoolLocale(value) ? value : undefined;
}

/** The language of a page: what the request asks for, else what the browser remembers, else English. */
export function pageLocale(ctx: PoolContext, req: IncomingMessage, requested?: PoolLocale): PoolLocale {
  return requested ?? rememberedLang(ctx, req) ?? DEFAULT_POOL_LOCALE;
}

/** The Set-Cookie that remembers `requested`, when the request asked for a language the browser does not already remember. */
export function rememberLangCookie(ctx: PoolContext, req: IncomingMessage, requested: PoolLocale | undefined): string | undefined {
  if (!requested || rememberedLang(ctx, req) === requested) return undefined;
  return poolCookie(ctx, langCookieName(ctx), requested, LANG_COOKIE_MAX_AGE_SECONDS);
}
