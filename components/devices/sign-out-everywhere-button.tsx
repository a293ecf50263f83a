'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useSecurityContext } from '@/components/security/security-context';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { callDeviceAction } from './call-device-action';

/**
 * "Sign out everywhere" (GlobalSignOut) with a confirmation. On success the action ends this
 * session too and the browser leaves for the pool's sign-out page, so only failures come back here.
 */
export function SignOutEverywhereButton({ onResult }: { onResult: (message: string, tone: 'status' | 'alert') => void }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const { actions, emit, embedded } = useSecurityContext();
  const router = useRouter();

  function confirm() {
    if (pending) return;
    startTransition(async () => {
      const result = await callDeviceAction(actions.signOutEverywhere);
      // On /security success navigates away (the redirect is rethrown to the router). The embedded
      // view stays: its session is over, so it shows itself signed out.
      if (result.ok && embedded) {
        setOpen(false);
        emit({ type: 'signed-out' });
        router.refresh();
      } else if (!result.ok) {
        setOpen(false);
        onResult(result.message, 'alert');
      }
    });
  }

  return (
    <div className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-700">
      <h3 className="font-semibold">Sign out of every device</h3>
      <p className="text-zinc-700 dark:text-zinc-300">
        Ends every sign-in to your account, on every device and in every app, including this browser. Use it if you have lost a device or think
        someone else has signed in as you.
      </p>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500"
      >
        Sign out everywhere
      </button>
      <ConfirmDialog
        open={open}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        pendingLabel="Signing out everywhere…"
        pending={pending}
        destructive
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>Every device and app signed in to your account will be signed out, including this browser.</p>
        <p>You, and anyone else using your account, will need to sign in again everywhere.</p>
      </ConfirmDialog>
    </div>
  );
}
