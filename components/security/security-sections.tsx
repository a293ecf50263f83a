import { Suspense } from 'react';
import { DevicesSection } from '@/components/devices/devices-section';
import { PasskeysSection } from '@/components/passkeys/passkeys-section';
import type { PortalSession } from '@/lib/auth/session';
import { SectionSkeleton } from './section-skeleton';

/**
 * The Passkeys and Devices sections, as the Security page and the embedded view both show them:
 * their Cognito calls start at once and each streams in behind its own skeleton, so one failing
 * does not take the other down. `sessionEndedPath` is where an ended session sends the person.
 */
export function SecuritySections({ session, sessionEndedPath }: { session: PortalSession; sessionEndedPath?: string }) {
  return (
    <>
      <section aria-labelledby="passkeys-heading" className="space-y-4">
        <h2 id="passkeys-heading" className="text-xl font-semibold">
          Passkeys
        </h2>
        <Suspense fallback={<SectionSkeleton label="Loading your passkeys…" />}>
          <PasskeysSection session={session} sessionEndedPath={sessionEndedPath} />
        </Suspense>
      </section>
      <section aria-labelledby="devices-heading" className="space-y-4">
        <h2 id="devices-heading" className="text-xl font-semibold">
          Devices
        </h2>
        <Suspense fallback={<SectionSkeleton label="Loading your devices…" rows={3} />}>
          <DevicesSection session={session} sessionEndedPath={sessionEndedPath} />
        </Suspense>
      </section>
    </>
  );
}
