import { redirect } from 'next/navigation';
import { currentDeviceKey } from '@/lib/auth/current-device';
import { signInPath } from '@/lib/auth/return-path';
import type { PortalSession } from '@/lib/auth/session';
import type { DeviceListing } from '@/lib/cognito/devices';
import { listDevicesOnce } from '@/lib/cognito/security-lists';
import { toCognitoError, type PublicCognitoError } from '@/lib/cognito/errors';
import { DEVICE_MESSAGES_LOCALE } from '@/lib/format/device-messages';
import { deviceRows } from '@/lib/format/device-rows';
import { DevicesIntro } from '@/components/security/section-intros';
import { DevicesPanel } from './devices-panel';

/**
 * The rows as of this request. A Server Component renders once per request, so reading the clock
 * here is what makes "2 hours ago" the same text on the server's paint and after hydration.
 */
function rowsAsOfNow(listing: DeviceListing, current: string | null, showAll: boolean) {
  return deviceRows(listing.devices, current, Date.now(), { showAll, locale: DEVICE_MESSAGES_LOCALE });
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
 * renders this one and the most recent ones (or all, when asked). The order, labels and "Last
 * active 2 hours ago" lines are worked out here, so the browser hydrates the very text the server
 * painted. Only plain data crosses to the browser: never the access token.
 */
export async function DevicesSection({ session, sessionEndedPath, showAll }: DevicesSectionProps) {
  const current = currentDeviceKey(session.accessToken);
  let listing: DeviceListing | null = null;
  let failure: PublicCognitoError | null = null;
  try {
    listing = await listDevicesOnce(session.accessToken); // the summary reads the same answer
  } catch (error) {
    failure = toCognitoError('ListDevices', error).toPublic();
  }
  // redirect() throws, so it stays outside the try.
  if (failure?.signInAgain) redirect(sessionEndedPath ?? signInPath('/security', 'session-ended'));

  const view = listing ? rowsAsOfNow(listing, current, showAll ?? true) : null;
  return (
    <DevicesPanel
      intro={<DevicesIntro />}
      view={view}
      complete={listing?.complete ?? true}
      showAll={showAll === true}
      loadError={failure ? { message: failure.message, retryable: failure.retryable } : null}
    />
  );
}
