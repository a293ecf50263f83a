'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useT } from '@/components/i18n/client-messages';
import { onSignInWindowDone, openAddPasskeySignInWindow } from './sign-in-window';

/**
 * The add-passkey window's way to sign in without leaving the portal's origin (it must keep
 * `window.opener`, the view, which the pool's sign-in pages would cut off): a button that opens a
 * sign-in window of its own and waits for its "signed in" over the BroadcastChannel of this state,
 * then reloads on the portal's session that window has set. `otherAccount`: the pool must ask
 * (prompt=login), so the right person can sign in instead of the one it remembers. `lang`: the host
 * app's language this window was opened with, passed on.
 */
export function AddPasskeySignIn({ state, host, lang, otherAccount = false }: { state: string; host: string; lang: string | null; otherAccount?: boolean }) {
  const router = useRouter();
  const t = useT('embed');
  const [status, setStatus] = useState('');
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    button.current?.focus();
    return onSignInWindowDone(state, () => {
      setStatus(t('signedInLoading'));
      router.refresh();
    });
  }, [router, state, t]);

  function openSignIn() {
    const opened = openAddPasskeySignInWindow(state, host, lang, otherAccount ? { account: 'other' } : {});
    setStatus(opened ? t('continueInSignInWindow') : t('signInWindowBlockedHere'));
  }

  return (
    <div className="space-y-3">
      <button
        ref={button}
        type="button"
        onClick={openSignIn}
        className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
      >
        {otherAccount ? t('signInAsSomeoneElse') : t('continueToSignIn')}
      </button>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
