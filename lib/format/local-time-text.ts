import { formatMessage } from '@/lib/i18n/format-message';
import type { RealLocale } from '@/lib/i18n/locales';
import ar from '@/messages/ar/time.json';
import de from '@/messages/de/time.json';
import en from '@/messages/en/time.json';
import es from '@/messages/es/time.json';
import fr from '@/messages/fr/time.json';
import ja from '@/messages/ja/time.json';
import ptBR from '@/messages/pt-BR/time.json';
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

type TimeWords = typeof en;

/**
 * How each language puts a moment and its "ago", or the UTC label, together (the `time` catalogs:
 * "3 Dec 2026, 14:05 (2 hours ago)", Japanese with full-width brackets). All of them are imported
 * here, a few bytes each: this runs on the server and, loaded at LocalTime's first tick, in the browser.
 */
const TIME_WORDS: Record<RealLocale, TimeWords> = { en, de, es, fr, ja, 'pt-BR': ptBR, ar };

/** The `time` catalog for an Intl tag ("de", "pt-BR", "en-GB"; a region we have no catalog for falls back to its language). */
function timeWords(locale: string | undefined): TimeWords {
  if (isEnglish(locale)) return en;
  const language = locale!.split('-')[0];
  return TIME_WORDS[locale as RealLocale] ?? TIME_WORDS[language as RealLocale] ?? (language === 'pt' ? ptBR : en);
}

/**
 * A moment as LocalTime writes it, in `locale` (English when not given: dates as en-GB writes
 * them, without Intl's words, so every browser writes the same). The same function on the server
 * and in the browser: the server can write a row's text once and hand it over.
 */
export function localTimeText(epochSeconds: number, format: LocalTimeFormat, clock: LocalTimeClock, locale?: string): LocalTimeText {
  const { timeZone, known, nowMs } = clock;
  const dateLocale = isEnglish(locale) ? undefined : locale;
  const iso = new Date(epochSeconds * 1000).toISOString();
  const words = timeWords(locale);
  const dateTime = zonedDateTime(epochSeconds, timeZone, dateLocale);
  const exact = known ? dateTime : formatMessage(words.dateTimeUtc, { dateTime }, locale);
  const ago = nowMs === null ? null : relativeTime(epochSeconds, nowMs, dateLocale ?? 'en-GB');
  const date = format === 'date' ? zonedDate(epochSeconds, timeZone, dateLocale) : '';
  const text =
    format === 'date'
      ? known
        ? date
        : formatMessage(words.dateUtc, { date }, locale)
      : format === 'relative'
        ? (ago ?? exact)
        : ago === null
          ? exact
          : formatMessage(words.withRelative, { dateTime: exact, relative: ago }, locale);
  return { text, title: format === 'date-time' ? iso : exact };
}
