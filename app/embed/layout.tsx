import type { ReactNode } from 'react';

/** The embedded view, inside another app's iframe: its content alone, no header or footer of the portal. */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return <main id="main">{children}</main>;
}
