import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { DevicesSection } from '@/components/devices/devices-section';
import { PasskeysSection } from '@/components/passkeys/passkeys-section';
import { ReaderClockProvider } from '@/components/ui/reader-clock';
import type { PortalSession } from '@/lib/auth/session';
import { accessTokenLifetimeSeconds } from '@/lib/auth/token-lifetime';
import { preloadSecurityLists } from '@/lib/cognito/security-lists';
import { parseTimeZoneCookie, TIME_ZONE_COOKIE } from '@/lib/format/time-zone';
import { AccessSection } from './access-section';
import { DevicesSkeleton, SecuritySectionsSkeleton } from './section-skeletons';
import { SecuritySummary, SecuritySummarySkeleton } from './security-summary';

/**
 * The summary, the Passkeys and Devices sections and "If you think someone else has access", as
 * the Security page and the embedded view both show them. Both Cognito list calls start here, at
 * once, before anything waits (the summary and the sections then read the same answers), and a
 * failure in one stays in its own section. The two sections stream in as one block once the
 * passkeys are there (devices still on their way keep their own skeleton), not one section at a
 * time: a passkey list longer than its placeholder would otherwise push the Devices heading, and
 * everything below it, down the screen as it arrived. Dates are written in the reader's zone
 * (ReaderClockProvider). `sessionEndedPath` is where an ended session sends the person;
 * `showAllDevices` is the page's `?devices=all` (left out: every device is listed).
 */
export async function SecuritySections({
  session,
  sessionEndedPath,
  showAllDevices,
}: {
  session: PortalSession;
  sessionEndedPath?: string;
  showAllDevices?: boolean;
}) {
  preloadSecurityLists(session.accessToken);
  const [timeZone, t] = [parseTimeZoneCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value), await getTranslations('security')];
  // eslint-disable-next-line react-hooks/purity -- a Server Component renders once per request: this is the moment it wrote the page
  const renderedAt = Date.now();
  return (
    <ReaderClockProvider value={{ timeZone: timeZone ?? 'UTC', known: timeZone !== null, renderedAt }}>
      <Suspense fallback={<SecuritySummarySkeleton />}>
        <SecuritySummary accessToken={session.accessToken} />
      </Suspense>
      <Suspense fallback={<SecuritySectionsSkeleton />}>
        <section aria-labelledby="passkeys-heading" className="space-y-4">
          <h2 id="passkeys-heading" className="text-xl font-semibold">
            {t('passkeysTerm')}
          </h2>
          <PasskeysSection session={session} sessionEndedPath={sessionEndedPath} />
        </section>
        <section aria-labelledby="devices-heading" className="space-y-4">
          <h2 id="devices-heading" className="text-xl font-semibold">
            {t('devicesHeading')}
          </h2>
          <Suspense fallback={<DevicesSkeleton />}>
            <DevicesSection session={session} sessionEndedPath={sessionEndedPath} showAll={showAllDevices} />
          </Suspense>
        </section>
      </Suspense>
      <AccessSection accessTokenLifetime={accessTokenLifetimeSeconds(session.accessToken)} />
    </ReaderClockProvider>
  );
}
