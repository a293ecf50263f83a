// en-GB's short month names, as Intl gives them ("Sept" included).
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * "25 Nov 2026": the day in UTC, as Intl.DateTimeFormat('en-GB', { dateStyle: 'medium',
 * timeZone: 'UTC' }) writes it, without Intl. A browser loads its date data the first time
 * Intl formats a date, a blocking 10–40 ms; the text the server sends (and hydration must
 * repeat) should not be what pays for it.
 */
export function utcDate(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
