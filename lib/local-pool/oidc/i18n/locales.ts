import { ar } from './catalogs/ar';
import { de } from './catalogs/de';
import { en, type PoolCatalog, type PoolMessageKey } from './catalogs/en';
import { es } from './catalogs/es';
import { fr } from './catalogs/fr';
import { ja } from './catalogs/ja';
import { ptBR } from './catalogs/pt-BR';

export type { PoolCatalog, PoolMessageKey } from './catalogs/en';

/**
 * The languages of the pool's hosted pages, chosen as Cognito's managed login chooses: by `lang`
 * on `/oauth2/authorize` (then remembered in a cookie), English otherwise.
 *
 * - de, en, es, fr, ja, pt-BR: values Cognito's managed login accepts, spelt as it spells them.
 * - ar: Cognito has no Arabic. The pool serves it anyway, so a demo shows right to left end to
 *   end; a portal pointed at a real pool must not send it (the portal's managed-login-lang.ts).
 * - en-XA: the portal's pseudo-locale (accented, longer, bracketed), for tests that look for
 *   text that is not translated. Not a Cognito value either.
 * - Cognito's other values (id, it, ko, zh-CN, zh-TW) have no catalogue here: they get English,
 *   as does anything unknown. Never an error.
 */
export const POOL_LOCALES = ['en', 'de', 'es', 'fr', 'ja', 'pt-BR', 'ar', 'en-XA'] as const;
export type PoolLocale = (typeof POOL_LOCALES)[number];

export const DEFAULT_POOL_LOCALE: PoolLocale = 'en';

/** The `lang` values Cognito's managed login documents (the AWS Management Console's languages). */
export const COGNITO_MANAGED_LOGIN_LANGS = ['de', 'en', 'es', 'fr', 'id', 'it', 'ja', 'ko', 'pt-BR', 'zh-CN', 'zh-TW'] as const;

const RTL_LOCALES: ReadonlySet<PoolLocale> = new Set(['ar']);

export const directionOf = (locale: PoolLocale): 'ltr' | 'rtl' => (RTL_LOCALES.has(locale) ? 'rtl' : 'ltr');

/** A language tag is at most 35 characters in practice (RFC 5646 §4.4.1); anything longer is not one of ours. */
export const MAX_LANG_LENGTH = 35;

const BY_LOWER_CASE = new Map(POOL_LOCALES.map((locale) => [locale.toLowerCase(), locale]));

/**
 * A `lang` value (or the remembered cookie) as one of the pool's locales. Tags are compared
 * without regard to case (BCP 47), exactly otherwise: no prefix guessing (`de-AT` is not `de`),
 * as Cognito takes only its own values. Missing, unknown, oversized or hostile values are English.
 */
export function parseLang(value: string | null | undefined): PoolLocale {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LANG_LENGTH) return DEFAULT_POOL_LOCALE;
  return BY_LOWER_CASE.get(value.toLowerCase()) ?? DEFAULT_POOL_LOCALE;
}

/** Whether a value names one of the pool's locales (for a cookie that should be kept, not replaced). */
export const isPoolLocale = (value: unknown): value is PoolLocale => typeof value === 'string' && (POOL_LOCALES as readonly string[]).includes(value);

// The pseudo-locale: every letter accented, about 35 % longer, in brackets, placeholders untouched,
// so a sentence that was not translated, or a layout that clips a longer one, shows at a glance.
const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]]),
);

export function pseudoLocalize(text: string): string {
  const parts = text.split(/(\{[a-zA-Z]+\})/);
  const accented = parts.map((part) => (/^\{[a-zA-Z]+\}$/.test(part) ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTED[c]))).join('');
  const visible = text.replace(/\{[a-zA-Z]+\}/g, '').length;
  return `[${accented} ${'·'.repeat(Math.max(1, Math.ceil(visible * 0.35)))}]`;
}

const pseudo = Object.fromEntries(Object.entries(en).map(([key, text]) => [key, pseudoLocalize(text)])) as PoolCatalog;

export const POOL_CATALOGS: Readonly<Record<PoolLocale, PoolCatalog>> = { en, de, es, fr, ja, 'pt-BR': ptBR, ar, 'en-XA': pseudo };

/** The placeholders a message names, sorted (for the parity test and for formatting). */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();

/** One message, with `{name}` placeholders filled from `values` (plain text, escaped by the caller). */
export function message(locale: PoolLocale, key: PoolMessageKey, values: Record<string, string> = {}): string {
  const template = POOL_CATALOGS[locale][key] ?? en[key];
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}

/** A translator bound to one locale: `t('signIn.heading')`. */
export type Translate = (key: PoolMessageKey, values?: Record<string, string>) => string;
export const translator = (locale: PoolLocale): Translate => (key, values) => message(locale, key, values);
