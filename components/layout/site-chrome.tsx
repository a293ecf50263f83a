'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * The site's header, main column and footer around every page except the embedded view
 * (/embed/*), which another app frames inside its own page: it gets the content alone.
 */
export function SiteChrome({ header, footer, children }: { header: ReactNode; footer: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  if (pathname === '/embed' || pathname?.startsWith('/embed/')) {
    return <main id="main">{children}</main>;
  }
  return (
    <>
      {header}
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-6 py-12">
        {children}
      </main>
      {footer}
    </>
  );
}
