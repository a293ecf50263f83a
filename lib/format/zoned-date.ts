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

// The portal's English dates are written by hand (above); other languages' through Intl.
const isEnglish = (locale: string | undefined) => locale === undefined || locale === 'en' || locale === 'en-GB';

const localeFormatters = new Map<string, Intl.DateTimeFormat>();

/** A medium date (and short time) as `locale` writes it, in `timeZone`: "03.12.2026, 14:05", "2026/12/03 14:05". */
function inLocale(epochSeconds: number, timeZone: string, locale: string, withTime: boolean): string {
  const key = `${locale} ${timeZone} ${withTime}`;
  let format = localeFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}) });
    localeFormatters.set(key, format);
  }
  return format.format(new Date(epochSeconds * 1000));
}

/**
 * "3 Dec 2026": the day in `timeZone`, as en-GB medium dates are written; with another `locale`,
 * its medium date ("03.12.2026", "3 déc. 2026").
 */
export function zonedDate(epochSeconds: number, timeZone: string, locale?: string): string {
  if (!isEnglish(locale)) return inLocale(epochSeconds, timeZone, locale!, false);
  if (timeZone === 'UTC') return utcDate(epochSeconds);
  const { year, month, day } = partsIn(epochSeconds, timeZone);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "3 Dec 2026, 14:05": the day and 24-hour time in `timeZone`; with another `locale`, as it writes them. */
export function zonedDateTime(epochSeconds: number, timeZone: string, locale?: string): string {
  if (!isEnglish(locale)) return inLocale(epochSeconds, timeZone, locale!, true);
  const { year, month, day, hour, minute } = partsIn(epochSeconds, timeZone);
  return `${day} ${MONTHS[month - 1]} ${year}, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
