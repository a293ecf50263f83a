import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { LOCALE_COOKIE, pseudoLocaleEnabled, type Locale } from './locales';
import { resolveLocale } from './negotiate';

/** This request's locale: the language menu's cookie > Accept-Language > English. */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
    allowPseudo: pseudoLocaleEnabled(),
  });
});
