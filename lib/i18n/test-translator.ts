import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { withUserWordsIsolated } from './bidi';
import { intlLocaleOf, PSEUDO_LOCALE, sourceLocaleOf, type Locale } from './locales';
import { pseudoMessages, type Messages } from './pseudo';

/** For tests: the catalogs' directory (messages/<locale>/<namespace>.json). */
export const MESSAGES_DIR = join(import.meta.dirname, '..', '..', 'messages');

export function catalogNamespaces(locale: string): string[] {
  return readdirSync(join(MESSAGES_DIR, locale))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** A catalog as it is on disk. */
export function readCatalogFile(locale: Locale, namespace: string): Messages {
  return JSON.parse(readFileSync(join(MESSAGES_DIR, sourceLocaleOf(locale), `${namespace}.json`), 'utf8')) as Messages;
}

/** A catalog as the app loads it (lib/i18n/messages.ts): the pseudo-locale generated, the person's words isolated right to left. */
export function readCatalog(locale: Locale, namespace: string): Messages {
  const messages = readCatalogFile(locale, namespace);
  return locale === PSEUDO_LOCALE ? pseudoMessages(messages) : withUserWordsIsolated(locale, messages);
}

/** A `t(key, values)` over one namespace of one locale, formatted by intl-messageformat (as next-intl does). */
export function testTranslator(locale: Locale, namespace: string) {
  const catalog = readCatalog(locale, namespace);
  return (key: string, values?: Record<string, string | number>): string => {
    const message = catalog[key];
    if (typeof message !== 'string') throw new Error(`No message ${namespace}.${key} in ${locale}`);
    return String(new IntlMessageFormat(message, intlLocaleOf(locale)).format(values));
  };
}
