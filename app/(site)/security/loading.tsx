import { getTranslations } from 'next-intl/server';
import { SecuritySectionsSkeleton } from '@/components/security/section-skeletons';
import { SecuritySummarySkeleton } from '@/components/security/security-summary';

/** While the page reads the session: its own shape, so nothing moves when it arrives. */
export default async function Loading() {
  const t = await getTranslations('security');
  return (
    <div className="space-y-10">
      <h1 id="security-heading-loading" className="text-3xl font-bold tracking-tight">
        {t('title')}
      </h1>
      <SecuritySummarySkeleton />
      <SecuritySectionsSkeleton />
    </div>
  );
}
