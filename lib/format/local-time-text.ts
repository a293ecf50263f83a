import { isEnglish, relativeTime } from './relative-time';
import { zonedDate, zonedDateTime } from './zoned-date';

/**
 * - `date-time` (the default): "3 Dec 2026, 14:05 (2 hours ago)"
 * - `date`: "3 Dec 2026"
 * - `relative`: "2 hours ago" (the exact moment in its title)
 */
export type LocalTimeFormat = 'date-time' | 'date' | 'relative';

/** What a <time> says and its title. */
export type LocalTimeText = { text: string; title: string };

/** The reader's zone (`known`: from their cookie; else UTC, labelled) and "now" (null: not known, no "ago"). */
export type LocalTimeClock = { timeZone: string; known: boolean; nowMs: number | null };

/**
 * A moment as LocalTime writes it, in `locale` (English when not given: dates as en-GB writes
 * them, without Intl's words, so every browser writes the same). The same function on the server
 * and in the browser: the server can write a row's text once and hand it over.
 */
export function localTimeText(epochSeconds: number, format: LocalTimeFormat, clock: LocalTimeClock, locale?: string): LocalTimeText {
  const { timeZone, known, nowMs } = clock;
  const dateLocale = isEnglish(locale) ? undefined : locale;
  const iso = new Date(epochSeconds * 1000).toISOString();
  const exact = `${zonedDateTime(epochSeconds, timeZone, dateLocale)}${known ? '' : ' UTC'}`;
  const ago = nowMs === null ? null : relativeTime(epochSeconds, nowMs, dateLocale ?? 'en-GB');
  const text =
    format === 'date'
      ? `${zonedDate(epochSeconds, timeZone, dateLocale)}${known ? '' : ' (UTC)'}`
      : format === 'relative'
        ? (ago ?? exact)
        : ago === null
          ? exact
          : `${exact} (${ago})`;
  return { text, title: format === 'date-time' ? iso : exact };
}
