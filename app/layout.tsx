import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { LAYOUT_REQUEST_HEADER } from '@/lib/security/headers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Account security', template: '%s · Account security' },
  description: 'Manage how you sign in: passkeys, remembered devices and sessions.',
  icons: { icon: '/icon.svg' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The embedded view (/embed/*), which another app frames inside its own page, gets the content
  // alone; every other page the site's header, main column and footer. Decided here on the server
  // (the proxy says which, lib/security/headers.ts pageLayout), not in the browser, so the header's
  // client code is not sent to the embedded view. Nothing links between the two, so a client-side
  // navigation never keeps one's frame around the other.
  const bare = (await headers()).get(LAYOUT_REQUEST_HEADER) === 'bare';
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
        >
          Skip to content
        </a>
        {bare ? (
          <main id="main">{children}</main>
        ) : (
          <>
            <SiteHeader />
            <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-6 py-12">
              {children}
            </main>
            <SiteFooter />
          </>
        )}
      </body>
    </html>
  );
}
