import { isEnglish } from './relative-time';
import { utcDate } from './utc-date';

// en-GB's short month names, as Intl gives them ("Sept" included), as in utc-date.ts.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

type Parts = { year: number; month: number; day: number; hour: number; minute: number };

// One formatter per zone: building one costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar fields of a moment in `timeZone`. Intl gives only numbers here (no words, whose
 * spelling differs between ICU versions), so the server and the browser write the same text and
 * hydration changes nothing. UTC needs no Intl at all.
 */
function partsIn(epochSeconds: number, timeZone: string): Parts {
  const date = new Date(epochSeconds * 1000);
  if (timeZone === 'UTC') {
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes() };
  }
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute };
}

// One formatter per locale, zone and style, for the languages other than English.
const localeFormatters = new Map<string, Intl.DateTimeFormat>();

/** Intl's medium date (and short time) in a locale and zone: "03.12.2026, 14:05", "3 déc. 2026, 14:05". */
function localeFormat(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}\u0000${timeZone}\u0000${withTime}`;
  let format = localeFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeZone });
    localeFormatters.set(key, format);
  }
  return format;
}

/**
 * "3 Dec 2026": the day in `timeZone`, as en-GB medium dates are written. In another `locale`
 * ("de", "ja"), Intl's medium date in that language: its month names may differ between ICU
 * versions, so such text is written once, on the server, and handed to the browser (LocalTime's
 * `initial`) rather than written again during hydration.
 */
export function zonedDate(epochSeconds: number, timeZone: string, locale?: string): string {
  if (!isEnglish(locale)) return localeFormat(locale!, timeZone, false).format(new Date(epochSeconds * 1000));
  if (timeZone === 'UTC') return utcDate(epochSeconds);
  const { year, month, day } = partsIn(epochSeconds, timeZone);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "3 Dec 2026, 14:05": the day and 24-hour time in `timeZone` (in another `locale`: Intl's medium date and short time). */
export function zonedDateTime(epochSeconds: number, timeZone: string, locale?: string): string {
  if (!isEnglish(locale)) return localeFormat(locale!, timeZone, true).format(new Date(epochSeconds * 1000));
  const { year, month, day, hour, minute } = partsIn(epochSeconds, timeZone);
  return `${day} ${MONTHS[month - 1]} ${year}, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
