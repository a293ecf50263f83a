import 'server-only';
import { getPortalConfig } from '@/lib/config/env';
import type { Locale } from '@/lib/i18n/locales';
import { getRequestLocale } from '@/lib/i18n/request-locale';
import { managedLoginLang } from './managed-login-lang';

/**
 * `{ lang }` for the pool's /oauth2/authorize: the person's locale (language menu > Accept-Language
 * > English) as Cognito's managed login takes it, so the sign-in page speaks the portal's language.
 * Every way into a sign-in adds it: /sign-in/start, next-auth's own sign-in (the sign-in page, step-up,
 * the add-passkey window) and the embedded view's sign-in window. `locale`: a window that knows its
 * language otherwise (the embed's sign-in windows, from the host app's `lang`).
 */
export async function signInLangParams(locale?: Locale): Promise<Record<string, string>> {
  const lang = managedLoginLang(locale ?? (await getRequestLocale()), getPortalConfig().mode);
  return lang ? { lang } : {};
}

/** next-auth's sign-in request (POST /api/auth/signin/cognito): the one action whose query becomes authorize parameters. */
export function isNextAuthSignIn(method: string, pathname: string): boolean {
  return method === 'POST' && /\/api\/auth\/signin\/[^/]+$/.test(pathname);
}
