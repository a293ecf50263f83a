'use client';

import { useCallback, useState, useTransition } from 'react';
import { useT } from '@/components/i18n/client-messages';
import { useSecurityContext } from '@/components/security/security-context';
import { useStepUp } from '@/components/step-up/step-up-context';
import { LazyConfirmDialog } from '@/components/ui/lazy-confirm-dialog';
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
  const t = useT('passkeys');
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
      const result = await runPasskeyAction(action, t('unreachable'));
      setDeleting(null);
      if (!result.ok && result.code === 'reauthentication-required') {
        onDeleteResult({ kind: 'status', message: t('deleteReauth', { name }) }, false);
        confirmIdentity({ action: 'delete-passkey', id: passkey.id });
        return;
      }
      if (result.ok) {
        onDeleteResult({ kind: 'status', message: t('deleted', { name }) }, true, passkey.relyingPartyId);
        emit({ type: 'passkey-deleted' });
      } else onDeleteResult({ kind: 'alert', message: deletePasskeyFailureMessage(result, name, t) }, result.code === 'not-found', passkey.relyingPartyId);
    });
  }

  return (
    <>
      <ul aria-label={t('listLabel')} className="divide-y divide-zinc-200 rounded-md border border-zinc-300 dark:divide-zinc-800 dark:border-zinc-700">
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
      <LazyConfirmDialog
        open={deleting !== null}
        title={deleting ? t('deleteTitle', { name: deleting.label }) : ''}
        confirmLabel={t('deleteConfirm')}
        pendingLabel={t('deleting')}
        cancelLabel={t('cancel')}
        pending={pending}
        destructive
        onConfirm={confirm}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('deleteConsequence')}</p>
        <p>{t('deleteElsewhere')}</p>
      </LazyConfirmDialog>
    </>
  );
}
