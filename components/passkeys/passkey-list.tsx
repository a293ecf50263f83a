'use client';

import { useCallback, useState, useTransition } from 'react';
import { useSecurityContext } from '@/components/security/security-context';
import { useStepUp } from '@/components/step-up/step-up-context';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deletePasskeyFailureMessage, type Announcement } from '@/lib/format/passkey-messages';
import type { PasskeyView } from '@/lib/passkeys/passkey-view';
import { PasskeyItem } from './passkey-item';
import type { PasskeyRowParts } from './passkey-row-parts';
import { runPasskeyAction } from './run-passkey-action';

type PasskeyListProps = {
  passkeys: PasskeyView[];
  labels: Record<string, string>;
  /** Each row's server-rendered parts, by credential ID. */
  rowParts: Record<string, PasskeyRowParts>;
  /** `relyingPartyId`: the deleted passkey's, so the password manager can be told of it. */
  onDeleteResult: (announcement: Announcement, gone: boolean, relyingPartyId?: string) => void;
  onRenameResult?: (announcement: Announcement, passkeyId: string) => void;
  /** An action starts: the section's earlier result is cleared. */
  onActionStart: () => void;
  /** Why the only passkey cannot be deleted, or null. */
  deleteBlockedReason: string | null;
  /** The passkey just added or renamed (highlighted for a moment), or null. */
  highlightedId: string | null;
};

const NO_PARTS: PasskeyRowParts = { icon: null, secondary: null, details: null };

type Deleting = { passkey: PasskeyView; label: string };

/**
 * The person's passkeys, in the order Cognito lists them (oldest first), and the one dialog that
 * confirms deleting any of them (one per row made most of the list's HTML, and its hydration).
 */
export function PasskeyList({ passkeys, labels, rowParts, onDeleteResult, onRenameResult, onActionStart, deleteBlockedReason, highlightedId }: PasskeyListProps) {
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [pending, startTransition] = useTransition();
  const { actions, emit } = useSecurityContext();
  const { confirmIdentity } = useStepUp();

  const requestDelete = useCallback((passkey: PasskeyView, label: string) => setDeleting({ passkey, label }), []);

  function confirm() {
    if (!deleting || pending) return;
    const { passkey, label: name } = deleting;
    // The ID is bound here, from the list the server rendered, not read back from the page.
    const action = actions.deletePasskey.bind(null, passkey.id);
    startTransition(async () => {
      const result = await runPasskeyAction(action);
      setDeleting(null);
      if (!result.ok && result.code === 'reauthentication-required') {
        onDeleteResult({ kind: 'status', message: `Nothing was deleted yet: confirm it’s you to delete “${name}”.` }, false);
        confirmIdentity({ action: 'delete-passkey', id: passkey.id });
        return;
      }
      if (result.ok) {
        onDeleteResult({ kind: 'status', message: `Passkey “${name}” deleted.` }, true, passkey.relyingPartyId);
        emit({ type: 'passkey-deleted' });
      } else onDeleteResult({ kind: 'alert', message: deletePasskeyFailureMessage(result, name) }, result.code === 'not-found', passkey.relyingPartyId);
    });
  }

  return (
    <>
      <ul aria-label="Your passkeys" className="divide-y divide-zinc-200 rounded-md border border-zinc-300 dark:divide-zinc-800 dark:border-zinc-700">
        {passkeys.map((passkey) => (
          <PasskeyItem
            key={passkey.id}
            passkey={passkey}
            parts={rowParts[passkey.id] ?? NO_PARTS}
            label={labels[passkey.id] ?? passkey.displayName}
            onRequestDelete={requestDelete}
            onRenameResult={onRenameResult}
            onActionStart={onActionStart}
            deleteBlockedReason={passkeys.length === 1 ? deleteBlockedReason : null}
            highlighted={highlightedId !== null && highlightedId.replace(/=+$/, '') === passkey.id.replace(/=+$/, '')}
          />
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete the passkey “${deleting.label}”?` : ''}
        confirmLabel="Delete passkey"
        pendingLabel="Deleting…"
        pending={pending}
        destructive
        onConfirm={confirm}
        onCancel={() => setDeleting(null)}
      >
        <p>You will no longer be able to sign in to this account with this passkey.</p>
        <p>
          It may still be listed on your device or security key, but it will not work here any more. Your other passkeys and ways of signing in are
          not affected.
        </p>
      </ConfirmDialog>
    </>
  );
}
