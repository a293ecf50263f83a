'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '@/components/i18n/client-messages';
import { useSecurityContext } from '@/components/security/security-context';
import type { AddedPasskey } from '@/lib/cognito/remember-new-passkey';
import type { Announcement } from '@/lib/format/passkey-messages';
import type { PasskeyView } from '@/lib/passkeys/passkey-view';
import { AddPasskeyButton } from './add-passkey-button';
import { NameNewPasskey } from './name-new-passkey';
import { PasskeyList } from './passkey-list';
import type { PasskeyRowParts } from './passkey-row-parts';
import { useSignalAcceptedCredentials } from './signal-accepted-credentials';

type Shown = Announcement & { id: number };

const HIGHLIGHT_MS = 4000;

/**
 * The interactive part of the Passkeys section: the add button, the list (or the empty state),
 * and the section's two live regions, one for results (status) and one for errors (alert).
 * Both stay in the page, empty when there is nothing to say, so screen readers follow them.
 */
type PasskeysPanelProps = {
  intro: ReactNode;
  /** Shown instead of the list when there is no passkey (rendered on the server). */
  emptyState: ReactNode;
  /** Says the list was cut off, or null (rendered on the server). */
  truncatedNote: ReactNode;
  passkeys: PasskeyView[];
  /** Names that tell same-named passkeys apart, by credential ID (lib/format/distinct-labels.ts). */
  labels: Record<string, string>;
  /** Each row's icon, secondary line and details, rendered on the server. */
  rowParts: Record<string, PasskeyRowParts>;
  /** The portal can keep names (the details attribute works): offer naming and renaming. */
  canRename: boolean;
  /** Why the only passkey cannot be deleted, in the person's words, or null. */
  deleteBlockedReason: string | null;
  /** Cognito's user handle, given only with a complete list: then the password manager is told. */
  userHandle: string | null;
};

export function PasskeysPanel({ intro, emptyState, truncatedNote, passkeys, labels, rowParts, canRename, deleteBlockedReason, userHandle }: PasskeysPanelProps) {
  const t = useT('passkeys');
  const [shown, setShown] = useState<Shown | null>(null);
  const [naming, setNaming] = useState<AddedPasskey | null>(null);
  // RP IDs of passkeys deleted here: told even when their last passkey is gone from the list.
  const [deletedFrom, setDeletedFrom] = useState<string[]>([]);
  useSignalAcceptedCredentials(passkeys, userHandle, deletedFrom);
  const [focusAfterRemoval, setFocusAfterRemoval] = useState(0);
  const panelRef = useRef<HTMLDivElement>(null);
  const nextId = useRef(0);

  // The passkey just added or renamed: highlighted for a moment (the status region says what happened).
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  useEffect(() => {
    if (highlightedId === null) return;
    const timer = setTimeout(() => setHighlightedId(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightedId]);

  const { emit } = useSecurityContext();

  const announce = useCallback(
    (announcement: Announcement | null) => {
      nextId.current += 1;
      setShown(announcement ? { ...announcement, id: nextId.current } : null);
      // In the embedded view, the host hears of every failure the person is told about.
      if (announcement?.kind === 'alert') emit({ type: 'error', code: 'passkey-action-failed', message: announcement.message });
    },
    [emit],
  );

  const onDeleteResult = useCallback(
    (announcement: Announcement, gone: boolean, relyingPartyId?: string) => {
      announce(announcement);
      if (gone && relyingPartyId) setDeletedFrom((rps) => (rps.includes(relyingPartyId) ? rps : [...rps, relyingPartyId]));
      // The deleted passkey's button is leaving the page: keep keyboard focus in this section.
      if (gone) setFocusAfterRemoval((n) => n + 1);
    },
    [announce],
  );

  useEffect(() => {
    if (focusAfterRemoval === 0) return;
    // After the dialog has closed (a modal dialog makes the rest of the page inert until then).
    const frame = requestAnimationFrame(() => panelRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusAfterRemoval]);

  return (
    <div ref={panelRef} tabIndex={-1} role="group" aria-label={t('groupLabel')} className="space-y-4 focus:outline-none">
      {intro}
      <AddPasskeyButton
        onAnnounce={announce}
        onAdded={(added) => {
          setHighlightedId(added.credentialId);
          if (canRename) setNaming(added.canName ? added : null);
        }}
      />
      {naming ? (
        <NameNewPasskey
          key={naming.credentialId}
          added={naming}
          onDone={(announcement) => {
            setNaming(null);
            setHighlightedId(naming.credentialId);
            if (announcement) announce(announcement);
            panelRef.current?.focus();
          }}
        />
      ) : null}
      <div role="status" aria-live="polite" aria-atomic="true">
        {shown?.kind === 'status' ? (
          <p key={shown.id} className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50">
            {shown.message}
          </p>
        ) : null}
      </div>
      <div role="alert" aria-atomic="true">
        {shown?.kind === 'alert' ? (
          <p key={shown.id} className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50">
            {shown.message}
          </p>
        ) : null}
      </div>
      {passkeys.length > 0 ? (
        <PasskeyList
          passkeys={passkeys}
          labels={labels}
          rowParts={rowParts}
          onDeleteResult={onDeleteResult}
          onRenameResult={
            canRename
              ? (announcement, passkeyId) => {
                  announce(announcement);
                  setHighlightedId(passkeyId);
                }
              : undefined
          }
          onActionStart={() => announce(null)}
          deleteBlockedReason={deleteBlockedReason}
          highlightedId={highlightedId}
        />
      ) : (
        emptyState
      )}
      {truncatedNote}
    </div>
  );
}
