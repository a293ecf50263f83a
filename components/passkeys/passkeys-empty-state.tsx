import { getTranslations } from 'next-intl/server';

/** Shown instead of the list when the person has no passkey yet (rendered on the server, handed to the panel). */
export async function PasskeysEmptyState() {
  const t = await getTranslations('passkeys');
  return (
    <div className="space-y-1 rounded-md border border-dashed border-zinc-400 p-5 dark:border-zinc-600">
      <p className="font-medium">{t('emptyTitle')}</p>
      <p className="text-zinc-700 dark:text-zinc-300">{t('emptyText')}</p>
    </div>
  );
}
