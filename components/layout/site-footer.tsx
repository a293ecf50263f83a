import { getTranslations } from 'next-intl/server';
import { LanguageMenu } from './language-menu';

export async function SiteFooter() {
  const t = await getTranslations('common');
  return (
    <footer className="border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto max-w-2xl space-y-3 px-6 py-4">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('footer')}</p>
        <LanguageMenu />
      </div>
    </footer>
  );
}
