'use client';

import { useEffect, useRef, useState } from 'react';
import { useT } from '@/components/i18n/client-messages';
import { useResume } from '@/components/step-up/use-resume';
import { ActionsMenu, type ActionsMenuItem } from '@/components/ui/actions-menu';
import type { PasskeyView } from '@/lib/passkeys/passkey-view';
import type { Announcement } from '@/lib/format/passkey-messages';
import { PasskeyNameField } from './passkey-name-field';
import type { PasskeyRowParts } from './passkey-row-parts';

type PasskeyItemProps = {
  passkey: PasskeyView;
  /** Its icon, secondary line and details, rendered on the server (passkey-row-parts.tsx). */
  parts: PasskeyRowParts;
  /** The name that tells it apart from the others listed (its menu, the dialog and messages). */
  label: string;
  /** Asks the list's one dialog to confirm deleting this passkey. */
  onRequestDelete: (passkey: PasskeyView, label: string) => void;
  /** Set when the portal can keep names (the details attribute works). */
  onRenameResult?: (announcement: Announcement, passkeyId: string) => void;
  /** An action of this row starts: earlier results are cleared. */
  onActionStart: () => void;
  /** Why it cannot be deleted (the person's only way in), or null. */
  deleteBlockedReason: string | null;
  /** Just added or renamed: shown highlighted for a moment. */
  highlighted: boolean;
};

/**
 * One passkey in one line: an icon for its kind, its name (the person's, else its provider's,
 * else Cognito's), "Synced · Added 3 Dec 2026", and its actions behind one menu. What kind of
 * authenticator holds it, how it connects, for which website and exactly when it was added are
 * in a disclosure below.
 */
export function PasskeyItem({ passkey, parts, label, onRequestDelete, onRenameResult, onActionStart, deleteBlockedReason, highlighted }: PasskeyItemProps) {
  const t = useT('passkeys');
  const [renaming, setRenaming] = useState(false);
  const row = useRef<HTMLLIElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const wasRenaming = useRef(false);
  // Back from confirming it's you: the same question again, for the person to answer.
  useResume({ action: 'delete-passkey', id: passkey.id }, () => onRequestDelete(passkey, label));

  useEffect(() => {
    if (renaming) input.current?.select();
    else if (wasRenaming.current) row.current?.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  const items: ActionsMenuItem[] = [];
  if (onRenameResult) {
    items.push({
      key: 'rename',
      label: t('renameItem'),
      onSelect: () => {
        onActionStart();
        setRenaming(true);
      },
    });
  }
  items.push({
    key: 'delete',
    label: t('deleteItem'),
    destructive: true,
    disabled: deleteBlockedReason !== null,
    disabledReason: deleteBlockedReason ?? undefined,
    onSelect: () => {
      onActionStart();
      onRequestDelete(passkey, label);
    },
  });

  return (
    <li
      ref={row}
      data-highlighted={highlighted || undefined}
      // No colour transition: a theme switch mid-fade would leave the text on a half-changed background.
      className={`px-4 py-3 ${highlighted ? 'bg-indigo-50 dark:bg-indigo-950' : ''}`}
    >
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-indigo-50 dark:bg-indigo-950">
          {parts.icon}
        </span>
        <div className="min-w-0 flex-1">
          <h3 className="truncate font-medium" title={passkey.displayName} translate="no">
            <bdi>{passkey.displayName}</bdi>
          </h3>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{parts.secondary}</p>
        </div>
        <ActionsMenu label={t('actionsFor', { name: label })} items={items} className="shrink-0" />
      </div>
      {renaming && onRenameResult ? (
        <div className="mt-3 sm:ps-[52px]">
          <PasskeyNameField
            credentialId={passkey.id}
            initial={passkey.displayName}
            inputRef={input}
            cancelLabel={t('cancel')}
            onCancel={() => setRenaming(false)}
            onSaved={(name) => {
              setRenaming(false);
              onRenameResult({ kind: 'status', message: t('renamed', { name }) }, passkey.id);
            }}
          />
        </div>
      ) : null}
      {parts.details}
    </li>
  );
}
