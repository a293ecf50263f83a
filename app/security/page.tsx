import type { Metadata } from 'next';
import { SecuritySections } from '@/components/security/security-sections';
import { requireSession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Your security settings' };

/** /security: the summary, passkeys, devices and what to do if someone else has access. Sign out is in the header's account menu. */
export default async function SecurityPage() {
  const session = await requireSession('/security');
  return (
    <div className="space-y-10">
      <h1 id="security-heading" className="text-3xl font-bold tracking-tight">
        Your security settings
      </h1>
      <SecuritySections session={session} />
    </div>
  );
}
