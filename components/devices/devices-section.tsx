import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { currentDeviceKey } from '@/lib/auth/current-device';
import { signInPath } from '@/lib/auth/return-path';
import type { PortalSession } from '@/lib/auth/session';
import type { DeviceListing } from '@/lib/cognito/devices';
import { listDevicesOnce } from '@/lib/cognito/security-lists';
import { toCognitoError, type PublicCognitoError } from '@/lib/cognito/errors';
import { DEVICES_PANEL_KEYS } from '@/lib/format/device-messages';
import { deviceRows, type DeviceRowsOptions } from '@/lib/format/device-rows';
import { parseTimeZoneCookie, TIME_ZONE_COOKIE } from '@/lib/format/time-zone';
import { clientCatalog } from '@/lib/i18n/client-catalog';
import { intlLocaleOf, type Locale } from '@/lib/i18n/locales';
import { DevicesIntro } from '@/components/security/section-intros';
import { DevicesPanel } from './devices-panel';

/**
 * The rows as of this request. A Server Component renders once per request, so reading the clock
 * here is what makes "2 hours ago" the same text on the server's paint and after hydration.
 */
function rowsAsOfNow(listing: DeviceListing, current: string | null, options: DeviceRowsOptions) {
  return deviceRows(listing.devices, current, Date.now(), options);
}

/** How this request's rows are written: the reader's language (`devices` catalog, Intl's tag) and time zone (their cookie; else UTC, labelled). */
async function rowsOptions(showAll: boolean): Promise<DeviceRowsOptions> {
  const [t, locale, cookieStore] = await Promise.all([getTranslations('devices'), getLocale(), cookies()]);
  const timeZone = parseTimeZoneCookie(cookieStore.get(TIME_ZONE_COOKIE)?.value);
  return { showAll, t, locale: intlLocaleOf(locale as Locale), clock: { timeZone: timeZone ?? 'UTC', known: timeZone !== null } };
}

type DevicesSectionProps = {
  session: PortalSession;
  sessionEndedPath?: string;
  /**
   * Whether the page asked for every device (`?devices=all`, parsed with lib/format/devices-view.ts).
   * Left out by a page that does not pass its query on: it then shows every device.
   */
  showAll?: boolean;
};

/**
 * The Devices section of /security (a Server Component, streamed inside its own Suspense
 * boundary): lists every device with ListDevices, marks the one this session signed in with, and
 * renders this one and the most recent ones (or all, when asked). The order, names, labels and
 * "Last active 2 hours ago" lines are worked out here, in the reader's language (and, in a
 * language other than English, the details' dates too), so the browser hydrates the very text the
 * server painted. Only plain data crosses to the browser, with only the `devices` words its
 * components say: never the access token.
 */
export async function DevicesSection({ session, sessionEndedPath, showAll }: DevicesSectionProps) {
  const current = currentDeviceKey(session.accessToken);
  let listing: DeviceListing | null = null;
  let failure: PublicCognitoError | null = null;
  try {
    listing = await listDevicesOnce(session.accessToken); // the summary reads the same answer
  } catch (error) {
    failure = toCognitoError('ListDevices', error).toPublic(await getTranslations('errors'));
  }
  // redirect() throws, so it stays outside the try.
  if (failure?.signInAgain) redirect(sessionEndedPath ?? signInPath('/security', 'session-ended'));

  const [options, catalog] = await Promise.all([rowsOptions(showAll ?? true), clientCatalog({ devices: DEVICES_PANEL_KEYS })]);
  const view = listing ? rowsAsOfNow(listing, current, options) : null;
  return (
    // The browser gets only the words its components say, in the reader's language.
    <ClientMessages locale={catalog.locale} messages={catalog.messages}>
      <DevicesPanel
        intro={<DevicesIntro />}
        view={view}
        complete={listing?.complete ?? true}
        showAll={showAll === true}
        loadError={failure ? { message: failure.message, retryable: failure.retryable } : null}
      />
    </ClientMessages>
  );
}
