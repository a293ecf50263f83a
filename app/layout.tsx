import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { clientCatalog } from '@/lib/i18n/client-catalog';
import { directionOf } from '@/lib/i18n/locales';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: t('siteName'), template: t('titleTemplate', { title: '%s' }) },
    description: t('description'),
    icons: { icon: '/icon.svg' },
  };
}

/**
 * The document: language, direction, the skip link and the messages every client component may
 * need. The site's header and footer are (site)'s layout; the embedded view (/embed/*), framed by
 * another app, gets its content alone, without loading the header's menus.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, catalog] = await Promise.all([getLocale(), getTranslations('common'), clientCatalog({ common: ['tryAgain', 'tryingAgain', 'goHome', 'errorHeading', 'pageErrorText', 'securityErrorText'] })]);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-4 focus:top-4 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
        >
          {t('skipToContent')}
        </a>
        <ClientMessages locale={catalog.locale} messages={catalog.messages}>
          {children}
        </ClientMessages>
      </body>
    </html>
  );
}
