import { getTranslations } from 'next-intl/server';

export default async function Loading() {
  const t = await getTranslations('common');
  return (
    <p role="status" className="text-zinc-600 dark:text-zinc-400">
      {t('loading')}
    </p>
  );
}
