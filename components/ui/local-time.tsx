'use client';

import { startTransition, useEffect, useState } from 'react';
import { relativeTime } from '@/lib/format/relative-time';
import { utcDate } from '@/lib/format/utc-date';

const MINUTE_MS = 60_000;
const currentMinute = () => Math.floor(Date.now() / MINUTE_MS);

// Building an Intl formatter costs far more than formatting with one (tens of microseconds, times
// every date in both lists, on every render): one per page, made on first use.
let readerDateTime: Intl.DateTimeFormat | undefined;

/**
 * A moment shown in the reader's own time zone and locale, with how long ago it was.
 * The server cannot know the reader's zone, so it renders the UTC date and the browser
 * replaces it after hydration.
 */
export function LocalTime({ epochSeconds }: { epochSeconds: number }) {
  // Null on the server and while hydrating, then the reader's minute, ticking once a minute so
  // "5 minutes ago" stays true. Set in a transition, which React renders in slices: a page can
  // show well over a hundred dates, and the first local one also loads the browser's date data.
  const [minute, setMinute] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => startTransition(() => setMinute(currentMinute()));
    tick();
    const timer = setInterval(tick, MINUTE_MS);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(epochSeconds * 1000);
  const iso = date.toISOString();
  const text =
    minute === null
      ? `${utcDate(epochSeconds)} (UTC)`
      : `${(readerDateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })).format(date)} (${relativeTime(epochSeconds, minute * MINUTE_MS)})`;
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}
