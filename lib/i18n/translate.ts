import type { MessageValues } from './format-message';

/**
 * `t(key, values)` over one namespace: next-intl's getTranslations(namespace) on the server,
 * useT(namespace) in a client component, testTranslator(locale, namespace) in a test. Modules that
 * word things for people take one, so the words come out in the request's language.
 */
export type Translate = (key: string, values?: MessageValues) => string;
