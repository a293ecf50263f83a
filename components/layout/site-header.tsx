import { SignOutForm } from '@/components/auth/sign-out-form';
import { getPortalSession } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';
import { AccountMenu } from './account-menu';

/** The first letter of the name (or email), as a person reads it: one grapheme, upper case. */
function initialOf(text: string): string {
  const [first] = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.trim());
  return first ? first.segment.toLocaleUpperCase() : '?';
}

/**
 * The portal's name, and when someone is signed in, their account (avatar initial, name) with a
 * menu holding who they are and Sign out. The Security page's heading is not repeated as a link.
 */
export async function SiteHeader() {
  const [session, t] = await Promise.all([getPortalSession(), getTranslations('common')]);
  const name = session ? (session.user.name ?? session.user.email ?? t('yourAccount')) : null;
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-2xl items-center justify-between gap-4 px-6 py-3">
        <a href="/" className="flex items-center gap-2 font-semibold">
          {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG needs no optimisation */}
          <img src="/icon.svg" alt="" width={24} height={24} />
          {t('siteName')}
        </a>
        {session && name ? (
          <AccountMenu label={t('accountMenuLabel', { name })} initial={initialOf(name)} name={name}>
            <p data-testid="signed-in-as" className="text-sm">
              {t('signedInAs')}{' '}
              <strong className="break-words" translate="no">
                <bdi>{name}</bdi>
              </strong>
              {session.user.name && session.user.email ? (
                <span className="block break-all text-zinc-600 dark:text-zinc-400" translate="no">
                  <bdi>{session.user.email}</bdi>
                </span>
              ) : null}
            </p>
            <SignOutForm />
          </AccountMenu>
        ) : null}
      </div>
    </header>
  );
}
