'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useSecurityContext } from '@/components/security/security-context';
import { LazyConfirmDialog } from '@/components/ui/lazy-confirm-dialog';
import type { SignOutEverywhereKey } from '@/lib/format/device-messages';
import { callDeviceAction } from './call-device-action';
import { useDevicesT } from './use-devices-t';

/**
 * "Sign out everywhere" (GlobalSignOut) with a confirmation, in the page's "If you think someone
 * else has access" section. On success the action ends this session too and the browser leaves
 * for the pool's sign-out page, so only failures come back here, in its own alert region. Its
 * words are the `devices` catalog's SIGN_OUT_EVERYWHERE_KEYS, sent by the server parent's provider.
 */
export function SignOutEverywhereButton() {
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<{ id: number; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const { actions, emit, embedded } = useSecurityContext();
  const router = useRouter();
  const t = useDevicesT<SignOutEverywhereKey>();

  function confirm() {
    if (pending) return;
    startTransition(async () => {
      const result = await callDeviceAction(actions.signOutEverywhere, t('notSent'));
      // On /security success navigates away (the redirect is rethrown to the router). The embedded
      // view stays: its session is over, so it shows itself signed out.
      if (result.ok && embedded) {
        setOpen(false);
        emit({ type: 'signed-out' });
        router.refresh();
      } else if (!result.ok) {
        setOpen(false);
        setFailure((previous) => ({ id: (previous?.id ?? 0) + 1, message: result.message }));
        // In the embedded view, the host hears of every failure the person is told about.
        emit({ type: 'error', code: 'device-action-failed', message: result.message });
      }
    });
  }

  return (
    <div className="space-y-3">
      <div role="alert" aria-atomic="true">
        {failure ? (
          <p key={failure.id} className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50">
            {failure.message}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => {
          setFailure(null); // the next action starts: the last result goes
          setOpen(true);
        }}
        className="rounded-md border border-zinc-400 px-4 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        {t('signOutEverywhere')}
      </button>
      <LazyConfirmDialog
        open={open}
        title={t('signOutEverywhereTitle')}
        confirmLabel={t('signOutEverywhere')}
        pendingLabel={t('signingOutEverywhere')}
        cancelLabel={t('cancel')}
        pending={pending}
        destructive
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>{t('signOutEverywhereText1')}</p>
        <p>{t('signOutEverywhereText2')}</p>
      </LazyConfirmDialog>
    </div>
  );
}
