import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInButton } from '@/components/auth/sign-in-button';
import { safeReturnPath } from '@/lib/auth/return-path';
import { getPortalSession } from '@/lib/auth/session';
import { getPortalConfig } from '@/lib/config/env';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function notice(reason: unknown, error: unknown): string | null {
  if (reason === 'session-ended') return 'Your session has ended. Please sign in again to continue.';
  // next-auth sends its error codes here (pages.error); the person only needs to know it did not work.
  // OAuthSignin: it could not even start, which in practice means the pool's discovery document did
  // not come (the pool is down or unreachable), so say that rather than a bare "did not work".
  if (error === 'OAuthSignin') return 'Signing in could not start because the sign-in service did not answer. Please try again in a moment.';
  if (typeof error === 'string' && error) return 'Signing in did not work. Please try again.';
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl, getPortalConfig().portalUrl);
  // Sent here because the session's tokens stopped working (revoked, signed out elsewhere): the
  // cookie may still decrypt, so bouncing back would loop. Signing in replaces it.
  if (params.reason !== 'session-ended' && (await getPortalSession())) redirect(returnTo);
  const message = notice(params.reason, params.error);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      {message ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {message}
        </p>
      ) : null}
      <p className="text-zinc-700 dark:text-zinc-300">
        You will be taken to your organisation&apos;s sign-in page, and brought back here afterwards.
      </p>
      <SignInButton callbackUrl={returnTo} />
      <noscript>
        <p className="text-zinc-700 dark:text-zinc-300">Signing in needs JavaScript. Please turn it on and reload this page.</p>
      </noscript>
    </div>
  );
}
