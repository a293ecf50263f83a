import 'server-only';
import { cache } from 'react';
import { withUserWordsIsolated } from './bidi';
import { sourceLocaleOf, PSEUDO_LOCALE, type Locale } from './locales';
import { NAMESPACES, type Namespace } from './namespaces';
import { pseudoMessages, type Messages } from './pseudo';

async function loadNamespace(locale: Locale, namespace: Namespace): Promise<Messages> {
  const source = sourceLocaleOf(locale);
  const messages = (await import(`../../messages/${source}/${namespace}.json`)).default as Messages;
  // Right to left, the person's words in each message are isolated (lib/i18n/bidi.ts).
  return locale === PSEUDO_LOCALE ? pseudoMessages(messages) : withUserWordsIsolated(locale, messages);
}

/** Every namespace of a locale, keyed by namespace (what next-intl's request config gets). Once per request. */
export const loadMessages = cache(async (locale: Locale): Promise<Record<Namespace, Messages>> => {
  const entries = await Promise.all(NAMESPACES.map(async (namespace) => [namespace, await loadNamespace(locale, namespace)] as const));
  return Object.fromEntries(entries) as Record<Namespace, Messages>;
});
