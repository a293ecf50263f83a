'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** A form's submit button that shows it is working and cannot be pressed twice. */
export function SubmitButton({ children, pendingLabel }: { children: ReactNode; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-900"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
