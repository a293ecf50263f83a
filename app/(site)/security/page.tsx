import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SecuritySections } from '@/components/security/security-sections';
import { requireSession } from '@/lib/auth/session';
import { DEVICES_VIEW_PARAM, showAllDevices } from '@/lib/format/devices-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security'))('title') };
}

/** /security: the summary, passkeys, devices and what to do if someone else has access. Sign out is in the header's account menu. */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession('/security');
  const t = await getTranslations('security');
  const showAll = showAllDevices((await searchParams)[DEVICES_VIEW_PARAM]);
  return (
    <div className="space-y-10">
      <h1 id="security-heading" className="text-3xl font-bold tracking-tight">
        {t('title')}
      </h1>
      <SecuritySections session={session} showAllDevices={showAll} />
    </div>
  );
}
