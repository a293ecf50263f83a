'use client';

import { useT } from '@/components/i18n/client-messages';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/**
 * Shown in place of one section of the Security page when loading it failed, so the
 * rest of the page still works. The message is already written for people (no codes).
 */
export function SectionError({ message, retryable }: { message: string; retryable: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const t = useT('common');
  return (
    <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <p>{message}</p>
      {retryable ? (
        <button
          type="button"
          onClick={() => startTransition(() => router.refresh())}
          disabled={pending}
          className="rounded-md border border-amber-700 px-3 py-1.5 font-medium hover:bg-amber-100 disabled:opacity-60 dark:border-amber-300 dark:hover:bg-amber-900"
        >
          {pending ? t('tryingAgain') : t('tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
