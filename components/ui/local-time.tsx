'use client';

import { useSyncExternalStore } from 'react';
import { relativeTime } from '@/lib/format/relative-time';

const MINUTE_MS = 60_000;

/** Ticks once a minute, so "5 minutes ago" stays true while the page is open. */
function subscribeToMinutes(onChange: () => void) {
  const timer = setInterval(onChange, MINUTE_MS);
  return () => clearInterval(timer);
}
// Whole minutes: the snapshot stays equal between ticks, as useSyncExternalStore requires.
const currentMinute = () => Math.floor(Date.now() / MINUTE_MS);
const noMinuteOnServer = () => null;

// Building an Intl formatter costs far more than formatting with one (tens of microseconds, times
// every date in both lists, on every render): one of each per process, made on first use.
let utcDate: Intl.DateTimeFormat | undefined;
let readerDateTime: Intl.DateTimeFormat | undefined;

/**
 * A moment shown in the reader's own time zone and locale, with how long ago it was.
 * The server cannot know the reader's zone, so it renders the UTC date and the browser
 * replaces it after hydration.
 */
export function LocalTime({ epochSeconds }: { epochSeconds: number }) {
  const minute = useSyncExternalStore(subscribeToMinutes, currentMinute, noMinuteOnServer);
  const date = new Date(epochSeconds * 1000);
  const iso = date.toISOString();
  const text =
    minute === null
      ? `${(utcDate ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })).format(date)} (UTC)`
      : `${(readerDateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })).format(date)} (${relativeTime(epochSeconds, minute * MINUTE_MS)})`;
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}
