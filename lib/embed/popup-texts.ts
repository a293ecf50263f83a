import 'server-only';
import { getTranslations } from 'next-intl/server';
import { pseudoLocaleEnabled, type Locale } from '@/lib/i18n/locales';
import { localeFromLangParam } from '@/lib/i18n/negotiate';
import { getRequestLocale } from '@/lib/i18n/request-locale';
import type { Translate } from './popup-page';

export type PopupTexts = {
  /** The window's language. */
  locale: Locale;
  /** The embedding host's `lang`, checked (null without one): passed on to the next window, and the pool. */
  hostLang: Locale | null;
  /** The `embed` namespace in that language. */
  t: Translate;
};

/**
 * The language of a sign-in window's page (/api/auth-popup/*): the host app's `lang`, which the
 * embedded view passes on in the window's URL (or the sign-in flow's cookie carries to the
 * callback), else this browser's (cookie > Accept-Language > English). These windows are route
 * handlers the proxy does not touch, so they read `lang` themselves (lib/i18n/lang-param.ts).
 */
export async function popupTexts(lang: unknown): Promise<PopupTexts> {
  const hostLang = localeFromLangParam(lang, pseudoLocaleEnabled());
  const locale = hostLang ?? (await getRequestLocale());
  const t = await getTranslations({ locale, namespace: 'embed' });
  return { locale, hostLang, t: (key, values) => t(key as never, values as never) };
}
