import { SignOutEverywhereButton } from '@/components/devices/sign-out-everywhere-button';
import { ClientMessages } from '@/components/i18n/client-messages';
import { SIGN_OUT_EVERYWHERE_KEYS } from '@/lib/format/device-messages';
import { lifetimeWords } from '@/lib/format/security-summary';
import { clientCatalog } from '@/lib/i18n/client-catalog';
import { getTranslations } from 'next-intl/server';

/**
 * The end of the Security page, for when something looks wrong: "Sign out everywhere", quietly
 * styled (it is rarely needed), with what it does and what it cannot do. `accessTokenLifetime`
 * is this session's access token's exp − iat, the pool's setting as the tokens carry it.
 */
export async function AccessSection({ accessTokenLifetime }: { accessTokenLifetime: number | null }) {
  const [t, catalog] = await Promise.all([getTranslations('security'), clientCatalog({ devices: SIGN_OUT_EVERYWHERE_KEYS })]);
  return (
    <section aria-labelledby="access-heading" className="space-y-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id="access-heading" className="text-lg font-semibold">
        {t('accessHeading')}
      </h2>
      <div className="space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p>{t('accessWhatItDoes')}</p>
        <p>{t('accessWhatItDoesNot', { lifetime: lifetimeWords(accessTokenLifetime, t) ?? t('lifetimeUnknown') })}</p>
        <p>{t('accessChangePassword')}</p>
      </div>
      <ClientMessages locale={catalog.locale} messages={catalog.messages}>
        <SignOutEverywhereButton />
      </ClientMessages>
    </section>
  );
}
