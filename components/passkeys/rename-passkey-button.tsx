'use client';

import { useEffect, useRef, useState } from 'react';
import { CANCEL_RENAME, renameButtonLabel, renamed, RENAME_VISIBLE } from '@/lib/format/passkey-details-messages';
import type { Announcement } from '@/lib/format/passkey-messages';
import { PasskeyNameField } from './passkey-name-field';

/**
 * "Rename passkey <name>": opens an inline form in the passkey's row. Renaming changes no sign-in
 * factor, so no recent sign-in is asked. Focus goes to the field, and back to the button after.
 */
export function RenamePasskeyButton({ passkeyId, label, current, onResult }: { passkeyId: string; label: string; current: string; onResult: (a: Announcement) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) input.current?.select();
    else if (wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (open) {
    return (
      <PasskeyNameField
        credentialId={passkeyId}
        initial={current}
        inputRef={input}
        cancelLabel={CANCEL_RENAME}
        onCancel={() => setOpen(false)}
        onSaved={(name) => {
          setOpen(false);
          onResult({ kind: 'status', message: renamed(name) });
        }}
      />
    );
  }
  return (
    <button
      ref={button}
      type="button"
      onClick={() => setOpen(true)}
      aria-label={renameButtonLabel(label)}
      className="shrink-0 self-start rounded-md border border-zinc-500 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-400 dark:hover:bg-zinc-800"
    >
      {RENAME_VISIBLE}
    </button>
  );
}
