'use client';

import { startTransition, useEffect, useState } from 'react';
import type { LocalTimeFormat, LocalTimeText } from '@/lib/format/local-time-text';
import { useReaderClock } from './reader-clock';

export type { LocalTimeFormat, LocalTimeText } from '@/lib/format/local-time-text';

const MINUTE_MS = 60_000;
/** The formatter, loaded at the first tick: the first paint and hydration use the server's text. */
const loadFormatter = () => import('@/lib/format/local-time-text');

type LocalTimeProps = {
  epochSeconds: number;
  format?: LocalTimeFormat;
  /** The language to write it in (Intl's tag, "de", "ja"); English when left out. */
  locale?: string;
  /**
   * The text the server wrote (lib/format/local-time-text.ts, with the reader's zone and `locale`):
   * what the first paint shows and hydration repeats, in every language (month names and "ago"
   * words may differ between the server's ICU and the browser's), until the first tick.
   */
  initial: LocalTimeText;
};

/**
 * A moment in the reader's time zone, written by the server in its final form (the zone from the
 * reader's cookie, see ReaderClockProvider; UTC, labelled, on a first visit). It starts ticking at
 * the next minute, so "5 minutes ago" stays true while the page is open; only then is the
 * formatter's code loaded (it is not in the page's first bundle). `format="date"` never changes.
 */
export function LocalTime({ epochSeconds, format = 'date-time', locale, initial }: LocalTimeProps) {
  const { timeZone, known } = useReaderClock();
  const [shown, setShown] = useState<LocalTimeText>(initial);
  // New text from the server (a refreshed list) replaces the ticked one: React's pattern for
  // adjusting state to a changed prop while rendering.
  const [fromServer, setFromServer] = useState(initial);
  if (fromServer !== initial) {
    setFromServer(initial);
    setShown(initial);
  }
  useEffect(() => {
    if (format === 'date') return;
    let cancelled = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () =>
      loadFormatter()
        .then(({ localTimeText }) => {
          if (!cancelled) startTransition(() => setShown(localTimeText(epochSeconds, format, { timeZone, known, nowMs: Date.now() }, locale)));
        })
        .catch(() => {}); // offline or a retired build: the server's text stays
    const first = setTimeout(
      () => {
        tick();
        timer = setInterval(tick, MINUTE_MS);
      },
      MINUTE_MS - (Date.now() % MINUTE_MS),
    );
    return () => {
      cancelled = true;
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [epochSeconds, format, locale, timeZone, known]);

  return (
    <time dateTime={new Date(epochSeconds * 1000).toISOString()} title={shown.title}>
      {shown.text}
    </time>
  );
}
