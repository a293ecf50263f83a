import 'server-only';
import { getLocale } from 'next-intl/server';
import { intlLocaleOf, type Locale } from './locales';
import { loadMessages } from './messages';
import type { Namespace } from './namespaces';

/**
 * What a <ClientMessages> provider gets: the listed namespaces of this request's locale, or the
 * listed keys of one, and the locale Intl formats with. Nothing else of the catalogs reaches the browser.
 */
export async function clientCatalog(pick: Partial<Record<Namespace, readonly string[] | true>>) {
  const locale = (await getLocale()) as Locale;
  const all = await loadMessages(locale);
  const messages: Record<string, Record<string, string>> = {};
  for (const [namespace, keys] of Object.entries(pick) as [Namespace, readonly string[] | true][]) {
    const catalog = all[namespace] as Record<string, string>;
    messages[namespace] = keys === true ? catalog : Object.fromEntries(keys.map((key) => [key, catalog[key]]));
  }
  return { locale: intlLocaleOf(locale), messages };
}
