'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

/**
 * Starts next-auth's sign-in with the pool (authorization code with PKCE). next-auth's client only
 * fetches a CSRF token and the pool's authorize URL here; no token ever reaches this code.
 */
export function SignInButton({ callbackUrl, label = 'Sign in' }: { callbackUrl: string; label?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        signIn('cognito', { callbackUrl }).catch(() => setPending(false));
      }}
      className="rounded-md bg-indigo-700 px-5 py-2.5 font-medium text-white hover:bg-indigo-800 disabled:opacity-70 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
    >
      {pending ? 'Taking you to sign-in…' : label}
    </button>
  );
}
