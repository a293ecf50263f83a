import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInLink } from '@/components/auth/sign-in-link';
import { safeReturnPath, signInStartPath } from '@/lib/auth/return-path';
import { getPortalSession } from '@/lib/auth/session';
import { getPortalConfig } from '@/lib/config/env';
import { SIGN_IN_MESSAGES } from '@/lib/format/sign-in-messages';

export const metadata: Metadata = { title: SIGN_IN_MESSAGES.heading };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function notice(reason: unknown, error: unknown): string | null {
  if (reason === 'session-ended') return SIGN_IN_MESSAGES.sessionEnded;
  // next-auth sends its error codes here (pages.error); the person only needs to know it did not work.
  if (error === 'OAuthSignin') return SIGN_IN_MESSAGES.couldNotStart;
  if (typeof error === 'string' && error) return SIGN_IN_MESSAGES.didNotWork;
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
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{SIGN_IN_MESSAGES.heading}</h1>
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
        {message}
      </p>
      <p className="text-zinc-700 dark:text-zinc-300">{SIGN_IN_MESSAGES.explanation}</p>
      <p>
        <SignInLink callbackUrl={returnTo} />
      </p>
    </div>
  );
}
