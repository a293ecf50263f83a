const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

// One formatter per locale asked for: building one costs far more than using it, and a page
// formats every date of its lists.
const formats = new Map<string | undefined, Intl.RelativeTimeFormat>();

function formatFor(locale: string | undefined): Intl.RelativeTimeFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formats.set(locale, format);
  }
  return format;
}

/** Whether a locale is English (no locale given: English too). */
export const isEnglish = (locale: string | undefined): boolean => locale === undefined || locale === 'en' || locale.startsWith('en-');

/**
 * "3 days ago", "in 2 hours", "just now": the largest unit that fits, in the reader's locale.
 * Under a minute it says `justNow` when given (a catalog's words), else "just now" in English and
 * the locale's own word for now ("jetzt", "maintenant") in any other language.
 */
export function relativeTime(epochSeconds: number, nowMs: number, locale?: string, justNow?: string): string {
  const delta = Math.round(epochSeconds - nowMs / 1000);
  const format = formatFor(locale);
  for (const [unit, seconds] of UNITS) {
    if (Math.abs(delta) >= seconds) return format.format(Math.trunc(delta / seconds), unit);
  }
  return justNow ?? (isEnglish(locale) ? 'just now' : format.format(0, 'second'));
}
