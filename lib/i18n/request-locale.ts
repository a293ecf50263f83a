import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { LOCALE_COOKIE, pseudoLocaleEnabled, type Locale } from './locales';
import { LANG_REQUEST_HEADER } from './embed-lang';
import { localeFromCookie, resolveLocale } from './negotiate';

/**
 * This request's locale: the embedding host's `lang` (the embedded view's pages only: the proxy
 * puts it in LANG_REQUEST_HEADER, lib/i18n/embed-lang.ts) > the language menu's cookie >
 * Accept-Language > English.
 */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const allowPseudo = pseudoLocaleEnabled();
  return (
    localeFromCookie(headerList.get(LANG_REQUEST_HEADER), allowPseudo) ??
    resolveLocale({ cookie: cookieStore.get(LOCALE_COOKIE)?.value, acceptLanguage: headerList.get('accept-language'), allowPseudo })
  );
});
