'use client';

import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { formatMessage, type MessageValues } from '@/lib/i18n/format-message';

type Catalog = Record<string, Record<string, string>>;
const Context = createContext<{ locale: string; messages: Catalog }>({ locale: 'en', messages: {} });

/**
 * The active locale's messages that client components format, as the server picked them (only the
 * namespaces the page's client components use: see lib/i18n/client-catalog.ts). Nested providers
 * add namespaces to their parent's.
 */
export function ClientMessages({ locale, messages, children }: { locale: string; messages: Catalog; children: ReactNode }) {
  const parent = useContext(Context);
  const value = useMemo(() => ({ locale, messages: { ...parent.messages, ...messages } }), [locale, messages, parent.messages]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** `t('key', { name })` for one namespace, formatted in the browser with the active locale's plural rules. */
export function useT(namespace: string) {
  const { locale, messages } = useContext(Context);
  return useCallback(
    (key: string, values?: MessageValues) => {
      const message = messages[namespace]?.[key];
      return message === undefined ? `${namespace}.${key}` : formatMessage(message, values, locale);
    },
    [locale, messages, namespace],
  );
}

export function useLocale(): string {
  return useContext(Context).locale;
}
