'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { onSignInWindowDone, openAddPasskeySignInWindow } from './sign-in-window';

/**
 * The add-passkey window's way to sign in without leaving the portal's origin (it must keep
 * `window.opener`, the view, which the pool's sign-in pages would cut off): a button that opens a
 * sign-in window of its own and waits for its "signed in" over the BroadcastChannel of this state,
 * then reloads on the portal's session that window has set. `otherAccount`: the pool must ask
 * (prompt=login), so the right person can sign in instead of the one it remembers.
 */
export function AddPasskeySignIn({ state, host, otherAccount = false }: { state: string; host: string; otherAccount?: boolean }) {
  const router = useRouter();
  const [status, setStatus] = useState('');
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    button.current?.focus();
    return onSignInWindowDone(state, () => {
      setStatus('Signed in. Loading…');
      router.refresh();
    });
  }, [router, state]);

  function openSignIn() {
    const opened = openAddPasskeySignInWindow(state, host, otherAccount ? { account: 'other' } : {});
    setStatus(opened ? 'Continue in the sign-in window.' : 'The sign-in window was blocked. Allow pop-ups for this site and press the button again.');
  }

  return (
    <div className="space-y-3">
      <button
        ref={button}
        type="button"
        onClick={openSignIn}
        className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
      >
        {otherAccount ? 'Sign in as someone else' : 'Continue to sign-in'}
      </button>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
