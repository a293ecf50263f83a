'use client';

import { useEffect, useRef } from 'react';
import { useT } from '@/components/i18n/client-messages';
import type { AddedPasskey } from '@/lib/cognito/remember-new-passkey';
import type { Announcement } from '@/lib/format/passkey-messages';
import { PasskeyNameField } from './passkey-name-field';

/**
 * Right after a passkey is added: a name for it, pre-filled with its provider's (Enter keeps it),
 * or Skip, which keeps the name shown in the list.
 */
export function NameNewPasskey({ added, onDone }: { added: AddedPasskey; onDone: (announcement: Announcement | null) => void }) {
  const t = useT('passkeys');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  return (
    <section aria-labelledby="name-new-passkey-title" className="space-y-2 rounded-md border border-indigo-300 p-4 dark:border-indigo-700">
      <h3 id="name-new-passkey-title" className="font-semibold">
        {t('nameNewTitle')}
      </h3>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('nameNewHint')}</p>
      <PasskeyNameField
        credentialId={added.credentialId}
        initial={added.suggestedName}
        label={t('nameNewFieldLabel')}
        inputRef={input}
        cancelLabel={t('skipNaming')}
        onCancel={() => onDone(null)}
        onSaved={(name) => onDone({ kind: 'status', message: t('namedNew', { name }) })}
      />
    </section>
  );
}
