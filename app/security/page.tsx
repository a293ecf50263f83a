import type { Metadata } from 'next';
import { SecuritySections } from '@/components/security/security-sections';
import { SignOutForm } from '@/components/auth/sign-out-form';
import { requireSession } from '@/lib/auth/session';
import { DEVICES_VIEW_PARAM, showAllDevices } from '@/lib/format/devices-view';

export const metadata: Metadata = { title: 'Your security settings' };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession('/security');
  const showAll = showAllDevices((await searchParams)[DEVICES_VIEW_PARAM]);
  const { user } = session;
  const displayName = user.name ?? user.email ?? 'your account';
  return (
    <div className="space-y-10">
      <section aria-labelledby="security-heading" className="space-y-3">
        <h1 id="security-heading" className="text-3xl font-bold tracking-tight">
          Your security settings
        </h1>
        <p data-testid="signed-in-as">
          Signed in as <strong>{displayName}</strong>
          {user.name && user.email ? <span className="text-zinc-600 dark:text-zinc-400"> ({user.email})</span> : null}
        </p>
      </section>
      <SecuritySections session={session} showAllDevices={showAll} />
      <section aria-labelledby="sign-out-heading" className="space-y-3">
        <h2 id="sign-out-heading" className="text-xl font-semibold">
          Sign out
        </h2>
        <p className="text-zinc-700 dark:text-zinc-300">Signing out ends this sign-in here and at your organisation&apos;s sign-in page.</p>
        <SignOutForm />
      </section>
    </div>
  );
}
