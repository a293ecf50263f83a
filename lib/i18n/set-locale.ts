'use server';
import 'server-only';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, pseudoLocaleEnabled, selectableLocales } from './locales';

const Input = z.object({ locale: z.string().max(16) });

/**
 * The language menu's action: remembers the person's choice in a cookie for a year (the choice
 * wins over Accept-Language on every later visit). Only a locale the menu offers is stored; anything
 * else changes nothing. Setting a cookie makes Next.js render the page again in the new language.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = Input.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  const locale = parsed.data.locale;
  if (!(selectableLocales(pseudoLocaleEnabled()) as string[]).includes(locale)) return;
  const secure = (await headers()).get('x-forwarded-proto') === 'https' || process.env.NEXTAUTH_URL?.startsWith('https:') === true;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS, sameSite: 'lax', secure, httpOnly: true });
}
