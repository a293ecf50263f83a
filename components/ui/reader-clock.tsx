'use client';

import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { TIME_ZONE_COOKIE, parseTimeZoneCookie, timeZoneCookie } from '@/lib/format/time-zone';

/**
 * What the server knew when it wrote the page's dates: the reader's zone (from the cookie the
 * browser set on an earlier visit, else UTC, labelled) and the moment it rendered, for "2 hours
 * ago". Dates written from these are the same on the server and in the browser, so hydration
 * changes nothing on screen.
 */
export type ReaderClock = { timeZone: string; known: boolean; renderedAt: number | null };

const Context = createContext<ReaderClock>({ timeZone: 'UTC', known: false, renderedAt: null });

export function useReaderClock(): ReaderClock {
  return useContext(Context);
}

function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

function cookieValue(name: string): string | undefined {
  return document.cookie
    .split(/;\s*/)
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/**
 * Provides the clock and, once the page is interactive, tells the server the reader's zone for
 * next time when it did not know it (or it changed): UTC is the fallback of one visit only.
 */
export function ReaderClockProvider({ value, children }: { value: ReaderClock; children: ReactNode }) {
  useEffect(() => {
    const zone = browserTimeZone();
    if (!zone || parseTimeZoneCookie(zone) === null) return;
    if (parseTimeZoneCookie(cookieValue(TIME_ZONE_COOKIE)) === zone) return;
    document.cookie = timeZoneCookie(zone, { framed: window.top !== window.self, secure: window.isSecureContext && location.protocol === 'https:' });
  }, []);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
