import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SignOutForm } from '@/components/auth/sign-out-form';
import { DevicesSection } from '@/components/devices/devices-section';
import { PasskeysSection } from '@/components/passkeys/passkeys-section';
import { SectionSkeleton } from '@/components/security/section-skeleton';
import { requireSession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Your security settings' };

// Both sections start their Cognito calls at once and stream in separately; one failing
// does not take the other down (each renders its own error with a retry).
export default async function SecurityPage() {
  const session = await requireSession('/security');
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
      <section aria-labelledby="passkeys-heading" className="space-y-4">
        <h2 id="passkeys-heading" className="text-xl font-semibold">
          Passkeys
        </h2>
        <Suspense fallback={<SectionSkeleton label="Loading your passkeys…" />}>
          <PasskeysSection session={session} />
        </Suspense>
      </section>
      <section aria-labelledby="devices-heading" className="space-y-4">
        <h2 id="devices-heading" className="text-xl font-semibold">
          Devices
        </h2>
        <Suspense fallback={<SectionSkeleton label="Loading your devices…" rows={3} />}>
          <DevicesSection session={session} />
        </Suspense>
      </section>
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
