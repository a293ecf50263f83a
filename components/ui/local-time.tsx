'use client';

import { startTransition, useEffect, useState } from 'react';
import { relativeTime } from '@/lib/format/relative-time';
import { zonedDate, zonedDateTime } from '@/lib/format/zoned-date';
import { useReaderClock } from './reader-clock';

const MINUTE_MS = 60_000;

/**
 * - `date-time` (the default): "3 Dec 2026, 14:05 (2 hours ago)"
 * - `date`: "3 Dec 2026"
 * - `relative`: "2 hours ago" (the exact moment in its title)
 */
export type LocalTimeFormat = 'date-time' | 'date' | 'relative';

/**
 * A moment in the reader's time zone, written by the server in its final form: the zone comes
 * from the reader's cookie (see ReaderClockProvider; UTC, labelled, on a first visit) and "how
 * long ago" from the moment the server rendered, so hydration repeats the same text. It starts
 * ticking at the next minute, so "5 minutes ago" stays true while the page is open. `locale` (the
 * Intl locale the server chose; left out: English) writes it in the person's language.
 */
export function LocalTime({ epochSeconds, format = 'date-time', locale }: { epochSeconds: number; format?: LocalTimeFormat; locale?: string }) {
  const { timeZone, known, renderedAt } = useReaderClock();
  // English is written as it always was (en-GB dates, by hand); any other locale through Intl.
  const lang = locale === undefined || locale === 'en' ? 'en-GB' : locale;
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (format === 'date') return;
    const tick = () => startTransition(() => setNow(Date.now()));
    let timer: ReturnType<typeof setInterval> | undefined;
    const first = setTimeout(
      () => {
        tick();
        timer = setInterval(tick, MINUTE_MS);
      },
      // Without a server time there is nothing to keep equal: the browser's at once.
      renderedAt === null ? 0 : MINUTE_MS - (Date.now() % MINUTE_MS),
    );
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [format, renderedAt]);

  const iso = new Date(epochSeconds * 1000).toISOString();
  const zoneLabel = known ? '' : ' UTC';
  const exact = `${zonedDateTime(epochSeconds, timeZone, lang)}${zoneLabel}`;
  const nowMs = now ?? renderedAt;
  const ago = nowMs === null ? null : relativeTime(epochSeconds, nowMs, lang);
  const text =
    format === 'date'
      ? `${zonedDate(epochSeconds, timeZone, lang)}${known ? '' : ' (UTC)'}`
      : format === 'relative'
        ? (ago ?? exact)
        : ago === null
          ? exact
          : `${exact} (${ago})`;
  return (
    <time dateTime={iso} title={format === 'date-time' ? iso : exact}>
      {text}
    </time>
  );
}
