import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, LOCALES, PSEUDO_LOCALE, type Locale } from './locales';

// A language tag is short; a cookie or header much longer than this is not one we would accept.
const MAX_COOKIE_LENGTH = 16;
const MAX_ACCEPT_LANGUAGE_LENGTH = 1024;

/** The cookie's locale when it names one we have (exact spelling: the menu wrote it), else null. */
export function localeFromCookie(value: unknown, allowPseudo: boolean): Locale | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_COOKIE_LENGTH) return null;
  if ((LOCALES as readonly string[]).includes(value)) return value as Locale;
  if (allowPseudo && value === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  return null;
}

/**
 * The best of our locales for an Accept-Language header, by the header's weights and the standard
 * lookup (best fit: "de-AT" → de, "pt" → pt-BR, "zh" → en), or null when none fits.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header || header.length > MAX_ACCEPT_LANGUAGE_LENGTH) return null;
  const requested = new Negotiator({ headers: { 'accept-language': header } }).languages().filter((tag) => tag !== '*');
  if (requested.length === 0) return null;
  try {
    // A sentinel default tells "nothing fits" from "English fits".
    const found = match(requested, LOCALES, 'und', { algorithm: 'best fit' });
    return found === 'und' ? null : (found as Locale);
  } catch {
    return null; // a malformed tag in the header: as if there were none
  }
}

/** Explicit choice (cookie) > Accept-Language > English. */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null; allowPseudo: boolean }): Locale {
  return localeFromCookie(input.cookie, input.allowPseudo) ?? localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}

// A BCP 47 tag as a host might write it ("de", "de-DE", "pt-BR", "zh-Hant-TW"): letters, digits and hyphens only.
const LANG_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;

/**
 * The locale for a `lang` someone else chose for the person: the embedded view's `?lang=`, which
 * the host app sets from its own language (untrusted input). One of our locales by the same best-fit
 * lookup as Accept-Language ("de-DE" → de, "pt" → pt-BR), the pseudo-locale only where allowed and
 * spelt exactly, else null (then the cookie, Accept-Language and English decide as usual).
 */
export function localeFromLangParam(value: unknown, allowPseudo: boolean): Locale | null {
  if (typeof value !== 'string' || !LANG_TAG.test(value)) return null;
  if (value === PSEUDO_LOCALE) return allowPseudo ? PSEUDO_LOCALE : null;
  return localeFromAcceptLanguage(value);
}
