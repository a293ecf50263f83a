'use client';

import { startTransition, useEffect, useState } from 'react';
import { localTimeText, type LocalTimeFormat, type LocalTimeText } from '@/lib/format/local-time-text';
import { useReaderClock } from './reader-clock';

export type { LocalTimeFormat, LocalTimeText } from '@/lib/format/local-time-text';

const MINUTE_MS = 60_000;

type LocalTimeProps = {
  epochSeconds: number;
  format?: LocalTimeFormat;
  /** The language to write it in (Intl's tag, "de", "ja"); English when left out. */
  locale?: string;
  /**
   * The text the server wrote (lib/format/local-time-text.ts, with the same zone and `locale`),
   * shown until the first tick. Given for a language other than English, whose month names and
   * "ago" words come from Intl and may differ between the server's ICU and the browser's: hydration
   * then repeats the server's text instead of writing it again.
   */
  initial?: LocalTimeText;
};

/**
 * A moment in the reader's time zone, written by the server in its final form: the zone comes
 * from the reader's cookie (see ReaderClockProvider; UTC, labelled, on a first visit) and "how
 * long ago" from the moment the server rendered, so hydration repeats the same text. It starts
 * ticking at the next minute, so "5 minutes ago" stays true while the page is open. `locale` (the
 * Intl locale the server chose; left out: English) writes it in the person's language.
 */
export function LocalTime({ epochSeconds, format = 'date-time', locale, initial }: LocalTimeProps) {
  const { timeZone, known, renderedAt } = useReaderClock();
  const [now, setNow] = useState<number | null>(null);
  const hasInitial = initial !== undefined;
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
      renderedAt === null && !hasInitial ? 0 : MINUTE_MS - (Date.now() % MINUTE_MS),
    );
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [format, renderedAt, hasInitial]);

  const { text, title } = now === null && initial ? initial : localTimeText(epochSeconds, format, { timeZone, known, nowMs: now ?? renderedAt }, locale);
  return (
    <time dateTime={new Date(epochSeconds * 1000).toISOString()} title={title}>
      {text}
    </time>
  );
}
