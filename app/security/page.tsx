import type { Metadata } from 'next';
import { SecuritySections } from '@/components/security/security-sections';
import { requireSession } from '@/lib/auth/session';
import { DEVICES_VIEW_PARAM, showAllDevices } from '@/lib/format/devices-view';

export const metadata: Metadata = { title: 'Your security settings' };

/** /security: the summary, passkeys, devices and what to do if someone else has access. Sign out is in the header's account menu. */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession('/security');
  const showAll = showAllDevices((await searchParams)[DEVICES_VIEW_PARAM]);
  return (
    <div className="space-y-10">
      <h1 id="security-heading" className="text-3xl font-bold tracking-tight">
        Your security settings
      </h1>
      <SecuritySections session={session} showAllDevices={showAll} />
    </div>
  );
}
