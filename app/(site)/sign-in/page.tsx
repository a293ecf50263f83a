import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SignInLink } from '@/components/auth/sign-in-link';
import { safeReturnPath, signInStartPath } from '@/lib/auth/return-path';
import { getPortalSession } from '@/lib/auth/session';
import { getPortalConfig } from '@/lib/config/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Which `signIn` message the page has to say, if any. */
function notice(reason: unknown, error: unknown): 'sessionEnded' | 'couldNotStart' | 'didNotWork' | null {
  if (reason === 'session-ended') return 'sessionEnded';
  // next-auth sends its error codes here (pages.error); the person only needs to know it did not work.
  // OAuthSignin: next-auth could not even start, which in practice means the pool's discovery
  // document did not come (the pool is down or unreachable), so say that rather than a bare "did not work".
  if (error === 'OAuthSignin') return 'couldNotStart';
  if (typeof error === 'string' && error) return 'didNotWork';
  return null;
}

/**
 * The portal's own sign-in page, shown only when there is something to say: the session ended, or
 * signing in did not work (next-auth's error page). Otherwise (next-auth's pages.signIn, an old
 * link) it goes straight on to the pool's sign-in page, as opening /security signed out does.
 */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl, getPortalConfig().portalUrl);
  // Sent here because the session's tokens stopped working (revoked, signed out elsewhere): the
  // cookie may still decrypt, so bouncing back would loop. Signing in replaces it.
  if (params.reason !== 'session-ended' && (await getPortalSession())) redirect(returnTo);
  const message = notice(params.reason, params.error);
  if (!message) redirect(signInStartPath(returnTo));
  const t = await getTranslations('signIn');
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
        {t(message)}
      </p>
      <p className="text-zinc-700 dark:text-zinc-300">{t('explanation')}</p>
      <p>
        <SignInLink callbackUrl={returnTo} />
      </p>
    </div>
  );
}
