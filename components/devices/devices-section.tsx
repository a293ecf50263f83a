import { redirect } from 'next/navigation';
import { currentDeviceKey } from '@/lib/auth/current-device';
import { signInPath } from '@/lib/auth/return-path';
import type { PortalSession } from '@/lib/auth/session';
import type { DeviceListing } from '@/lib/cognito/devices';
import { listDevicesOnce } from '@/lib/cognito/security-lists';
import { toCognitoError, type PublicCognitoError } from '@/lib/cognito/errors';
import { distinctLabelsByKey } from '@/lib/format/distinct-labels';
import { DevicesIntro } from '@/components/security/section-intros';
import { DevicesPanel } from './devices-panel';

/**
 * The Devices section of /security (a Server Component, streamed inside its own Suspense
 * boundary): lists every device with ListDevices and marks the one this session signed in
 * with. Only plain data crosses to the browser: never the access token.
 */
export async function DevicesSection({ session, sessionEndedPath }: { session: PortalSession; sessionEndedPath?: string }) {
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

  if (listing && current) {
    // This device first; the rest keep their order (most recently used first).
    const devices = [...listing.devices.filter((d) => d.key === current), ...listing.devices.filter((d) => d.key !== current)];
    listing = { ...listing, devices };
  }
  // Worked out here, so the browser gets the labels and not the code.
  const labels = distinctLabelsByKey(listing?.devices ?? [], (device) => device.key, (device) => device.name);
  return (
    <DevicesPanel
      intro={<DevicesIntro />}
      listing={listing}
      labels={labels}
      loadError={failure ? { message: failure.message, retryable: failure.retryable } : null}
      currentDeviceKey={current}
    />
  );
}
