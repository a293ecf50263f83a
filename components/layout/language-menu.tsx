import { getLocale, getTranslations } from 'next-intl/server';
import { SubmitButton } from '@/components/ui/submit-button';
import { LOCALE_NAMES, pseudoLocaleEnabled, selectableLocales, type Locale } from '@/lib/i18n/locales';
import { setLocale } from '@/lib/i18n/set-locale';

/**
 * The language menu in the footer: a labelled list of the languages, each in its own name (with
 * its `lang`), and a button that remembers the choice (a plain form: it works without JavaScript).
 */
export async function LanguageMenu() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('common')]);
  return (
    <form action={setLocale} className="flex flex-wrap items-center gap-2" data-testid="language-menu">
      <label htmlFor="language-select" className="text-sm font-medium">
        {t('languageLabel')}
      </label>
      <select
        id="language-select"
        name="locale"
        defaultValue={locale}
        className="rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {selectableLocales(pseudoLocaleEnabled()).map((option: Locale) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      <SubmitButton pendingLabel={t('languageChanging')}>{t('languageApply')}</SubmitButton>
    </form>
  );
}
