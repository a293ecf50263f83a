'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Passkey } from '@/lib/cognito/passkeys';
import { useSecurityContext } from '@/components/security/security-context';
import type { Announcement } from '@/lib/format/passkey-messages';
import { AddPasskeyButton } from './add-passkey-button';
import { PasskeyList } from './passkey-list';
import { PasskeysEmptyState } from './passkeys-empty-state';

type Shown = Announcement & { id: number };

/**
 * The interactive part of the Passkeys section: the add button, the list (or the empty state),
 * and the section's two live regions, one for results (status) and one for errors (alert).
 * Both stay in the page, empty when there is nothing to say, so screen readers follow them.
 */
type PasskeysPanelProps = {
  intro: ReactNode;
  passkeys: Passkey[];
  /** Names that tell same-named passkeys apart, by credential ID (lib/format/distinct-labels.ts). */
  labels: Record<string, string>;
  truncated: boolean;
};

export function PasskeysPanel({ intro, passkeys, labels, truncated }: PasskeysPanelProps) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [focusAfterRemoval, setFocusAfterRemoval] = useState(0);
  const panelRef = useRef<HTMLDivElement>(null);
  const nextId = useRef(0);

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
    (announcement: Announcement, gone: boolean) => {
      announce(announcement);
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
    <div ref={panelRef} tabIndex={-1} role="group" aria-label="Passkeys" className="space-y-4 focus:outline-none">
      {intro}
      <AddPasskeyButton onAnnounce={announce} />
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
      {passkeys.length > 0 ? <PasskeyList passkeys={passkeys} labels={labels} onDeleteResult={onDeleteResult} /> : <PasskeysEmptyState />}
      {truncated ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Only your first {passkeys.length} passkeys are shown. Delete some you no longer use to see the rest.
        </p>
      ) : null}
    </div>
  );
}
