import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';

/** "Page not found" and the way home, for the root's and (site)'s not-found pages. */
export async function NotFoundContent() {
  // Rendered per request, like every page: its scripts need this request's CSP nonce (proxy.ts),
  // which a page prerendered at build time cannot carry.
  await connection();
  const t = await getTranslations('common');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('pageNotFound')}</h1>
      <p>
        <a href="/" className="text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
          {t('goHome')}
        </a>
      </p>
    </div>
  );
}
