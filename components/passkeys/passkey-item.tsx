'use client';

import { useEffect, useRef, useState } from 'react';
import { useResume } from '@/components/step-up/use-resume';
import { ActionsMenu, type ActionsMenuItem } from '@/components/ui/actions-menu';
import { LocalTime } from '@/components/ui/local-time';
import type { PasskeyView } from '@/lib/passkeys/passkey-view';
import { attachmentLabel, transportsLabel } from '@/lib/format/passkey-labels';
import {
  ADDED_PREFIX,
  ADDED_TERM,
  CANCEL_RENAME,
  CONNECTS_TERM,
  DELETE_ITEM,
  DETAILS_SUMMARY,
  detailsOf,
  KIND_TERM,
  NOT_REPORTED,
  ORIGINAL_NAME_TERM,
  passkeyActionsLabel,
  PROVIDER_TERM,
  RENAME_ITEM,
  renamed,
  WEBSITE_TERM,
} from '@/lib/format/passkey-details-messages';
import type { Announcement } from '@/lib/format/passkey-messages';
import { PasskeyKindIcon } from './passkey-kind-icon';
import { PasskeyNameField } from './passkey-name-field';
import { PasskeySyncBadge } from './passkey-sync-badge';

type PasskeyItemProps = {
  passkey: PasskeyView;
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

const NOT_REPORTED_VALUE = <span className="text-zinc-600 dark:text-zinc-400">{NOT_REPORTED}</span>;
const TERM = 'font-medium text-zinc-700 dark:text-zinc-300';

/**
 * One passkey in one line: an icon for its kind, its name (the person's, else its provider's,
 * else Cognito's), "Synced · Added 3 Dec 2026", and its actions behind one menu. What kind of
 * authenticator holds it, how it connects, for which website and exactly when it was added are
 * in a disclosure below.
 */
export function PasskeyItem({ passkey, label, onRequestDelete, onRenameResult, onActionStart, deleteBlockedReason, highlighted }: PasskeyItemProps) {
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
      label: RENAME_ITEM,
      onSelect: () => {
        onActionStart();
        setRenaming(true);
      },
    });
  }
  items.push({
    key: 'delete',
    label: DELETE_ITEM,
    destructive: true,
    disabled: deleteBlockedReason !== null,
    disabledReason: deleteBlockedReason ?? undefined,
    onSelect: () => {
      onActionStart();
      onRequestDelete(passkey, label);
    },
  });

  const showProvider = passkey.providerName !== null && passkey.providerName !== passkey.displayName;
  const showCognitoName = passkey.displayName !== passkey.name;
  return (
    <li
      ref={row}
      data-highlighted={highlighted || undefined}
      // No colour transition: a theme switch mid-fade would leave the text on a half-changed background.
      className={`px-4 py-3 ${highlighted ? 'bg-indigo-50 dark:bg-indigo-950' : ''}`}
    >
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-indigo-50 dark:bg-indigo-950">
          <PasskeyKindIcon kind={passkey.kind} />
        </span>
        <div className="min-w-0 flex-1">
          <h3 className="truncate font-medium" title={passkey.displayName}>
            {passkey.displayName}
          </h3>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <PasskeySyncBadge sync={passkey.sync} />
            {passkey.sync && passkey.createdAt !== null ? ' · ' : null}
            {passkey.createdAt !== null ? (
              <>
                {ADDED_PREFIX} <LocalTime epochSeconds={passkey.createdAt} format="date" />
              </>
            ) : null}
            {!passkey.sync && passkey.createdAt === null ? attachmentLabel(passkey.attachment) : null}
          </p>
        </div>
        <ActionsMenu label={passkeyActionsLabel(label)} items={items} className="shrink-0" />
      </div>
      {renaming && onRenameResult ? (
        <div className="mt-3 sm:ps-[52px]">
          <PasskeyNameField
            credentialId={passkey.id}
            initial={passkey.displayName}
            inputRef={input}
            cancelLabel={CANCEL_RENAME}
            onCancel={() => setRenaming(false)}
            onSaved={(name) => {
              setRenaming(false);
              onRenameResult({ kind: 'status', message: renamed(name) }, passkey.id);
            }}
          />
        </div>
      ) : null}
      <details className="group mt-1 ps-[52px] text-sm">
        <summary className="w-fit cursor-pointer rounded text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300">
          {DETAILS_SUMMARY}
          <span className="sr-only">{detailsOf(label)}</span>
        </summary>
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          {showProvider ? (
            <>
              <dt className={TERM}>{PROVIDER_TERM}</dt>
              <dd className="mb-1 sm:mb-0">{passkey.providerName}</dd>
            </>
          ) : null}
          {showCognitoName ? (
            <>
              <dt className={TERM}>{ORIGINAL_NAME_TERM}</dt>
              <dd className="mb-1 break-words sm:mb-0">{passkey.name}</dd>
            </>
          ) : null}
          <dt className={TERM}>{KIND_TERM}</dt>
          <dd className="mb-1 sm:mb-0">{attachmentLabel(passkey.attachment)}</dd>
          <dt className={TERM}>{CONNECTS_TERM}</dt>
          <dd className="mb-1 sm:mb-0">{transportsLabel(passkey.transports)}</dd>
          <dt className={TERM}>{WEBSITE_TERM}</dt>
          <dd className="mb-1 break-all sm:mb-0">{passkey.relyingPartyId || NOT_REPORTED_VALUE}</dd>
          <dt className={TERM}>{ADDED_TERM}</dt>
          <dd>{passkey.createdAt === null ? NOT_REPORTED_VALUE : <LocalTime epochSeconds={passkey.createdAt} />}</dd>
        </dl>
      </details>
    </li>
  );
}
