import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignInLink } from '@/components/auth/sign-in-link';
import { getPortalSession } from '@/lib/auth/session';

export default async function HomePage() {
  const [session, t] = await Promise.all([getPortalSession(), getTranslations('home')]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="intro-heading" className="space-y-4">
        <h1 id="intro-heading" className="text-3xl font-bold tracking-tight">
          {t('heading')}
        </h1>
        <p className="text-lg text-zinc-700 dark:text-zinc-300">{t('intro')}</p>
        <ul className="list-disc space-y-1 ps-6 text-zinc-700 dark:text-zinc-300">
          <li>{t('pointPasskeys')}</li>
          <li>{t('pointDevices')}</li>
          <li>{t('pointSignOut')}</li>
        </ul>
      </section>
      {session ? (
        <p>
          <Link href="/security" className="font-medium text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
            {t('goToSettings')}
          </Link>
        </p>
      ) : (
        <p>
          <SignInLink callbackUrl="/security" />
        </p>
      )}
    </div>
  );
}
