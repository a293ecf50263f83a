import { LANG_PARAM } from './lang-param';
import { pseudoLocaleEnabled, type Locale } from './locales';
import { localeFromLangParam } from './negotiate';

/**
 * The request header that carries the embedded view's `lang` (lib/i18n/lang-param.ts), checked,
 * from the proxy to the pages, where lib/i18n/request-locale.ts puts it first. The proxy deletes a
 * copy sent from outside on every page, and the value is checked again where it is read.
 */
export const LANG_REQUEST_HEADER = 'x-portal-lang';

/** Pages whose `lang` counts: the embedded view and its add-passkey window. */
const EMBED_PAGE = /^\/embed(?:\/|$)/;

/** The locale the URL's `lang` asks for, on a page of the embedded view; null elsewhere or when it names none of ours. */
export function embedLangOf(url: URL, allowPseudo: boolean = pseudoLocaleEnabled()): Locale | null {
  if (!EMBED_PAGE.test(url.pathname)) return null;
  return localeFromLangParam(url.searchParams.get(LANG_PARAM), allowPseudo);
}
