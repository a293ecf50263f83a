import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { getRequestLocale } from '@/lib/i18n/request-locale';
import { loadMessages } from '@/lib/i18n/messages';
import { parseTimeZoneCookie, TIME_ZONE_COOKIE } from '@/lib/format/time-zone';

/** next-intl without i18n routing: the locale comes from the request (lib/i18n/request-locale.ts), URLs stay as they are. */
export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  const timeZone = parseTimeZoneCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? 'UTC';
  return { locale, messages: await loadMessages(locale), timeZone };
});
