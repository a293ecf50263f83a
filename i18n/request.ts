import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { getRequestLocale } from '@/lib/i18n/request-locale';
import { loadMessages } from '@/lib/i18n/messages';
import { pseudoLocaleEnabled, selectableLocales, type Locale } from '@/lib/i18n/locales';
import { parseTimeZoneCookie, TIME_ZONE_COOKIE } from '@/lib/format/time-zone';

/**
 * next-intl without i18n routing: the locale comes from the request (lib/i18n/request-locale.ts), URLs stay as they are.
 * A locale passed explicitly (`getTranslations({ locale, namespace })`: the embed's sign-in windows, whose
 * route handlers read the host's `lang` themselves) is used when it is one of ours.
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const chosen = explicit && (selectableLocales(pseudoLocaleEnabled()) as string[]).includes(explicit) ? (explicit as Locale) : null;
  const locale = chosen ?? (await getRequestLocale());
  const timeZone = parseTimeZoneCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? 'UTC';
  return { locale, messages: await loadMessages(locale), timeZone };
});
