/**
 * The reader's time zone, as the browser tells it in a cookie on the first visit, so the server
 * can write dates in their final form (no change when the page hydrates). The cookie is the
 * reader's to write, so anything can arrive in it: only a real IANA zone name passes.
 */
export const TIME_ZONE_COOKIE = 'tz';

/** A year: the reader's zone rarely changes, and the browser corrects it whenever it does. */
export const TIME_ZONE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

// IANA names are short: "America/Argentina/ComodRivadavia" (32) is about the longest.
const MAX_LENGTH = 64;
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * The zone named in the cookie's value (URL-encoded, as document.cookie writes it), as the browser
 * wrote it (Intl accepts aliases and any letter case), or null for anything that is not one.
 */
export function parseTimeZoneCookie(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH * 3) return null;
  let name: string;
  try {
    name = decodeURIComponent(value);
  } catch {
    return null;
  }
  if (name.length > MAX_LENGTH || !ZONE_NAME.test(name)) return null;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name }); // throws for a zone this runtime does not know
    return name;
  } catch {
    return null;
  }
}

/** The cookie the browser sets: encoded, site-wide, a year; partitioned when framed over https (the embedded view). */
export function timeZoneCookie(timeZone: string, options: { framed: boolean; secure: boolean }): string {
  const base = `${TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; Path=/; Max-Age=${TIME_ZONE_COOKIE_MAX_AGE_SECONDS}`;
  if (options.framed && options.secure) return `${base}; SameSite=None; Secure; Partitioned`;
  return `${base}; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}
