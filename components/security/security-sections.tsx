import { Suspense } from 'react';
import { DevicesSection } from '@/components/devices/devices-section';
import { PasskeysSection } from '@/components/passkeys/passkeys-section';
import type { PortalSession } from '@/lib/auth/session';
import { DevicesSkeleton, SecuritySectionsSkeleton } from './section-skeletons';

/**
 * The Passkeys and Devices sections, as the Security page and the embedded view both show them.
 * Both Cognito calls start at once, and a failure in one stays in its own section. The two
 * stream in as one block once the passkeys are there (devices still on their way keep their own
 * skeleton), not one section at a time: a passkey list longer than its placeholder would
 * otherwise push the Devices heading, and everything below it, down the screen as it arrived.
 * `sessionEndedPath` is where an ended session sends the person; `showAllDevices` is the page's
 * `?devices=all` (left out: every device is listed).
 */
export function SecuritySections({ session, sessionEndedPath, showAllDevices }: { session: PortalSession; sessionEndedPath?: string; showAllDevices?: boolean }) {
  return (
    <Suspense fallback={<SecuritySectionsSkeleton />}>
      <section aria-labelledby="passkeys-heading" className="space-y-4">
        <h2 id="passkeys-heading" className="text-xl font-semibold">
          Passkeys
        </h2>
        <PasskeysSection session={session} sessionEndedPath={sessionEndedPath} />
      </section>
      <section aria-labelledby="devices-heading" className="space-y-4">
        <h2 id="devices-heading" className="text-xl font-semibold">
          Devices
        </h2>
        <Suspense fallback={<DevicesSkeleton />}>
          <DevicesSection session={session} sessionEndedPath={sessionEndedPath} showAll={showAllDevices} />
        </Suspense>
      </section>
    </Suspense>
  );
}
