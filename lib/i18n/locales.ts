/**
 * The portal's languages (issue 19). English is the source; every other catalog has exactly its
 * keys (lib/i18n/catalogs.test.ts). `en-XA` is a pseudo-locale generated from English at load time
 * (lib/i18n/pseudo.ts): accented, longer and bracketed, so a hard-coded string or a truncated layout
 * shows at a glance. It is never negotiated from Accept-Language and only chosen through the cookie
 * where PSEUDO_LOCALE_ENABLED allows it (not in production unless I18N_PSEUDO_LOCALE=1).
 */
export const LOCALES = ['en', 'de', 'es', 'fr', 'ja', 'pt-BR', 'ar'] as const;
export type RealLocale = (typeof LOCALES)[number];
export const PSEUDO_LOCALE = 'en-XA';
export type Locale = RealLocale | typeof PSEUDO_LOCALE;
export const DEFAULT_LOCALE: RealLocale = 'en';

/** The explicit choice, set by the language menu (a year, site-wide). */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const RTL = new Set<string>(['ar']);

/** The writing direction `<html dir>` takes. */
export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** Each language's own name, as the language menu lists it (never translated: a reader looks for their own). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  ja: '日本語',
  'pt-BR': 'Português (Brasil)',
  ar: 'العربية',
  'en-XA': '[Ƥşéûðö Ëñğļîšħ]',
};

export function isRealLocale(value: unknown): value is RealLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Whether the pseudo-locale may be chosen here: outside production, or where I18N_PSEUDO_LOCALE=1 turns it on (the e2e build). */
export function pseudoLocaleEnabled(env: Record<string, string | undefined> = process.env): boolean {
  if (env.I18N_PSEUDO_LOCALE === '1') return true;
  if (env.I18N_PSEUDO_LOCALE === '0') return false;
  return env.NODE_ENV !== 'production';
}

/** The locales a person may choose in this run (the menu's list, and what the cookie may hold). */
export function selectableLocales(allowPseudo: boolean): Locale[] {
  return allowPseudo ? [...LOCALES, PSEUDO_LOCALE] : [...LOCALES];
}

/** The language the catalogs of a locale come from (the pseudo-locale is made from English). */
export const sourceLocaleOf = (locale: Locale): RealLocale => (locale === PSEUDO_LOCALE ? DEFAULT_LOCALE : locale);

/** The locale Intl formats dates and numbers with (the pseudo-locale formats as English). */
export const intlLocaleOf = (locale: Locale): string => (locale === PSEUDO_LOCALE ? 'en-GB' : locale);
