'use client';

import { useId, useState, useTransition } from 'react';
import { useSecurityContext } from '@/components/security/security-context';
import { useStepUp } from '@/components/step-up/step-up-context';
import { useResume } from '@/components/step-up/use-resume';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deletePasskeyFailureMessage, type Announcement } from '@/lib/format/passkey-messages';
import { runPasskeyAction } from './run-passkey-action';

type DeletePasskeyButtonProps = {
  passkeyId: string;
  /** Its label: the name, numbered when another passkey has the same one. */
  name: string;
  /** `gone` is true when the passkey is no longer in the list (deleted now, or already before). */
  onResult: (announcement: Announcement, gone: boolean) => void;
  /** Why it cannot be deleted (the person's only way in), shown beside the button instead of the dialog. */
  blockedReason?: string | null;
};

/** "Delete passkey <name>", asking first in a modal dialog that says what deleting means. */
export function DeletePasskeyButton({ passkeyId, name, onResult, blockedReason }: DeletePasskeyButtonProps) {
  const [open, setOpen] = useState(false);
  const blockedId = useId();
  const [pending, startTransition] = useTransition();
  const { actions, emit } = useSecurityContext();
  const { confirmIdentity } = useStepUp();
  // Back from confirming it's you: the same question again, for the person to answer.
  useResume({ action: 'delete-passkey', id: passkeyId }, () => setOpen(true));

  function confirm() {
    // The ID is bound here, from the list the server rendered, not read back from the page.
    const action = actions.deletePasskey.bind(null, passkeyId);
    startTransition(async () => {
      const result = await runPasskeyAction(action);
      setOpen(false);
      if (!result.ok && result.code === 'reauthentication-required') {
        onResult({ kind: 'status', message: `Nothing was deleted yet: confirm it’s you to delete “${name}”.` }, false);
        confirmIdentity({ action: 'delete-passkey', id: passkeyId });
        return;
      }
      if (result.ok) {
        onResult({ kind: 'status', message: `Passkey “${name}” deleted.` }, true);
        emit({ type: 'passkey-deleted' });
      } else onResult({ kind: 'alert', message: deletePasskeyFailureMessage(result, name) }, result.code === 'not-found');
    });
  }

  if (blockedReason) {
    return (
      <div className="max-w-xs space-y-1">
        <button
          type="button"
          aria-disabled="true"
          aria-describedby={blockedId}
          className="shrink-0 self-start rounded-md border border-zinc-500 px-3 py-1.5 font-medium text-zinc-700 aria-disabled:cursor-not-allowed dark:border-zinc-500 dark:text-zinc-300"
        >
          Delete<span className="sr-only"> passkey {name}</span>
        </button>
        <p id={blockedId} className="text-sm text-zinc-700 dark:text-zinc-300">
          {blockedReason}
        </p>
      </div>
    );
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="shrink-0 self-start rounded-md border border-red-700 px-3 py-1.5 font-medium text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950"
      >
        Delete<span className="sr-only"> passkey {name}</span>
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete the passkey “${name}”?`}
        confirmLabel="Delete passkey"
        pendingLabel="Deleting…"
        pending={pending}
        destructive
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>You will no longer be able to sign in to this account with this passkey.</p>
        <p>
          It may still be listed on your device or security key, but it will not work here any more. Your other passkeys and ways of
          signing in are not affected.
        </p>
      </ConfirmDialog>
    </>
  );
}
