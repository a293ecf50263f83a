'use client';

import { useT } from '@/components/i18n/client-messages';

// Unexpected failures only; expected ones are shown where they happen. No details reach the page.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT('common');
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-2xl font-bold">{t('errorHeading')}</h1>
      <p className="text-zinc-700 dark:text-zinc-300">{t('securityErrorText')}</p>
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded-md border border-zinc-300 px-4 py-2 dark:border-zinc-700">
          {t('tryAgain')}
        </button>
        <a href="/" className="px-4 py-2 text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
          {t('goHome')}
        </a>
      </div>
    </div>
  );
}
