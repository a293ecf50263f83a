'use client';

import { useId, useState, useTransition, type RefObject } from 'react';
import { runPasskeyAction } from './run-passkey-action';
import { useT } from '@/components/i18n/client-messages';
import { useSecurityContext } from '@/components/security/security-context';
import { checkPasskeyName, PASSKEY_NAME_MAX } from '@/lib/passkeys/passkey-name';
import { nameProblemMessage } from '@/lib/format/passkey-message-keys';

type PasskeyNameFieldProps = {
  credentialId: string;
  initial: string;
  /** The field's label; left out: "New name" (renaming). */
  label?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Called with the saved name; a failure is shown beside the field and the form stays open. */
  onSaved: (name: string) => void;
  onCancel: () => void;
  cancelLabel: string;
};

/**
 * A form that names a passkey: its field (checked as the server will check it, before sending),
 * Save (Enter) and a way out (Escape or the cancel button). The name goes to renamePasskey,
 * bound to the passkey's ID from the server's list.
 */
export function PasskeyNameField({ credentialId, initial, label, inputRef, onSaved, onCancel, cancelLabel }: PasskeyNameFieldProps) {
  const t = useT('passkeys');
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { actions } = useSecurityContext();
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const checked = checkPasskeyName(value);
    if (!checked.ok) {
      setProblem(nameProblemMessage(checked, t));
      return;
    }
    startTransition(async () => {
      const result = await runPasskeyAction(() => actions.renamePasskey(credentialId, checked.name), t('unreachable'));
      if (result.ok) onSaved(result.data.name);
      else setProblem(result.message);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
      <label htmlFor={inputId} className="block text-sm font-medium">
        {label ?? t('renameFieldLabel')}
      </label>
      <input
        id={inputId}
        ref={inputRef}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
        // A little room over the limit, so a pasted long name is told why rather than cut silently.
        maxLength={PASSKEY_NAME_MAX * 4}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
        className="w-full max-w-sm rounded-md border border-zinc-500 bg-white px-3 py-1.5 text-zinc-950 dark:border-zinc-400 dark:bg-zinc-900 dark:text-zinc-50"
      />
      <p id={hintId} className="text-sm text-zinc-700 dark:text-zinc-300">
        {t('renameHint', { max: PASSKEY_NAME_MAX })}
      </p>
      {/* Only while there is something to say: an empty alert would be one more live region to search. */}
      {problem ? (
        <p id={problemId} role="alert" className="text-sm font-medium text-red-800 dark:text-red-300">
          {problem}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          aria-disabled={pending || undefined}
          className="rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white hover:bg-indigo-800 aria-disabled:opacity-80 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
        >
          {pending ? t('savingName') : t('saveName')}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-zinc-400 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
        >
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}
