import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { clientCatalog } from '@/lib/i18n/client-catalog';

/**
 * The `stepUp` words, in the request's language, for a "Confirm it's you" dialog somewhere below
 * (a server component: wrap the step-up's client provider in it). A dozen short messages; the
 * dialog's code itself still loads only when it is first needed.
 */
export async function StepUpMessages({ children }: { children: ReactNode }) {
  const { locale, messages } = await clientCatalog({ stepUp: true });
  return (
    <ClientMessages locale={locale} messages={messages}>
      {children}
    </ClientMessages>
  );
}
