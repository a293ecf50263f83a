import { getTranslations } from 'next-intl/server';

/**
 * The sentence that opens each section. Shown by the section itself and by its loading skeleton,
 * so it is on screen from the first paint and does not move or change when the list arrives.
 */
export async function PasskeysIntro() {
  const t = await getTranslations('security');
  return <p className="text-zinc-700 dark:text-zinc-300">{t('passkeysIntro')}</p>;
}

export async function DevicesIntro() {
  const t = await getTranslations('security');
  return <p className="text-zinc-700 dark:text-zinc-300">{t('devicesIntro')}</p>;
}
