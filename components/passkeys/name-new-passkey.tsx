'use client';

import { useEffect, useRef } from 'react';
import type { AddedPasskey } from '@/lib/cognito/remember-new-passkey';
import { NAME_NEW_FIELD_LABEL, NAME_NEW_HINT, NAME_NEW_TITLE, namedNew, SKIP_NAMING } from '@/lib/format/passkey-details-messages';
import type { Announcement } from '@/lib/format/passkey-messages';
import { PasskeyNameField } from './passkey-name-field';

/**
 * Right after a passkey is added: a name for it, pre-filled with its provider's (Enter keeps it),
 * or Skip, which keeps the name shown in the list.
 */
export function NameNewPasskey({ added, onDone }: { added: AddedPasskey; onDone: (announcement: Announcement | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  return (
    <section aria-labelledby="name-new-passkey-title" className="space-y-2 rounded-md border border-indigo-300 p-4 dark:border-indigo-700">
      <h3 id="name-new-passkey-title" className="font-semibold">
        {NAME_NEW_TITLE}
      </h3>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{NAME_NEW_HINT}</p>
      <PasskeyNameField
        credentialId={added.credentialId}
        initial={added.suggestedName}
        label={NAME_NEW_FIELD_LABEL}
        inputRef={input}
        cancelLabel={SKIP_NAMING}
        onCancel={() => onDone(null)}
        onSaved={(name) => onDone({ kind: 'status', message: namedNew(name) })}
      />
    </section>
  );
}
