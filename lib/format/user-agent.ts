/**
 * Short, stable names for devices ("Chrome on macOS") from a User-Agent string. Only the
 * browser family and the operating system count, never versions: a device must keep its
 * name when its browser updates. The portal keeps its own small parser (it never imports
 * the local pool's), because real user pools often store the raw User-Agent as `device_name`.
 */

// Order matters: browsers built on Chromium (and every browser on iOS) also say "Chrome" and
// "Safari", so the more specific tokens come first.
const BROWSERS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['Samsung Internet', /\bSamsungBrowser\//],
  ['Opera', /\b(?:OPR|OPT|OPiOS)\/|\bOpera\b/],
  ['Edge', /\b(?:Edg|EdgA|EdgiOS|Edge)\//],
  ['Firefox', /\b(?:Firefox|FxiOS)\//],
  ['Chrome', /\b(?:Chrome|CriOS|HeadlessChrome|Chromium)\//],
  // Only Safari itself says "Version/…"; in-app web views on iOS do not, and are not Safari.
  ['Safari', /\bVersion\/[\d.]+.*\bSafari\//],
];

// Android and ChromeOS also say "Linux"; iPhones and iPads say "like Mac OS X".
const SYSTEMS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['iPadOS', /\biPad\b/],
  ['iOS', /\b(?:iPhone|iPod)\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMacintosh\b|\bMac OS X\b/],
  ['Linux', /\bLinux\b|\bX11\b/],
];

/** The longest name shown; longer ones are cut with an ellipsis. */
export const MAX_DEVICE_NAME_LENGTH = 60;

export const UNKNOWN_DEVICE_NAME = 'Unknown device';

/**
 * The words around the browser and system names, in the reader's language (the `devices`
 * catalog's browserOnSystem, unknownBrowserOnSystem and unknownDevice). Browser and system names
 * themselves are names, the same in every language.
 */
export type DeviceNameWords = {
  browserOnSystem: (browser: string, system: string) => string;
  unknownBrowserOnSystem: (system: string) => string;
  unknownDevice: string;
};

export const ENGLISH_DEVICE_NAME_WORDS: DeviceNameWords = {
  browserOnSystem: (browser, system) => `${browser} on ${system}`,
  unknownBrowserOnSystem: (system) => `Unknown browser on ${system}`,
  unknownDevice: UNKNOWN_DEVICE_NAME,
};

/**
 * What a device's name is made of: the name someone gave it (`given`, cleaned and shortened), or
 * the browser family and system its raw User-Agent names (either or both may be missing).
 */
export type DeviceNameParts = { given: string | null; browser: string | null; system: string | null };

const firstMatch = (userAgent: string, table: ReadonlyArray<readonly [string, RegExp]>) => table.find(([, pattern]) => pattern.test(userAgent))?.[0];

/** The browser family and operating system a User-Agent names, where it names them. */
export function parseUserAgent(userAgent: string): { browser: string | undefined; os: string | undefined } {
  return { browser: firstMatch(userAgent, BROWSERS), os: firstMatch(userAgent, SYSTEMS) };
}

/** "Chrome on macOS", "Safari", "Unknown browser on Windows" (in `words`' language); null when it names neither. */
export function userAgentName(userAgent: string, words: DeviceNameWords = ENGLISH_DEVICE_NAME_WORDS): string | null {
  const { browser, os } = parseUserAgent(userAgent);
  if (!browser && !os) return null;
  return browserAndSystemName(browser ?? null, os ?? null, words);
}

function browserAndSystemName(browser: string | null, system: string | null, words: DeviceNameWords): string | null {
  if (system) return browser ? words.browserOnSystem(browser, system) : words.unknownBrowserOnSystem(system);
  return browser;
}

/** Whether a device name is really a raw User-Agent header ("Mozilla/5.0 (…) …", "okhttp/4.12.0"). */
export function looksLikeUserAgent(value: string): boolean {
  return /^Mozilla\/\d/.test(value) || /\b(?:AppleWebKit|Gecko|KHTML)\b/.test(value) || /^[\w.-]+\/\d[\w.]*(?:\s|$)/.test(value);
}

function shorten(value: string): string {
  const chars = Array.from(value); // whole code points, so an emoji is never cut in half
  return chars.length <= MAX_DEVICE_NAME_LENGTH ? value : `${chars.slice(0, MAX_DEVICE_NAME_LENGTH - 1).join('').trimEnd()}…`;
}

/** A device's `device_name` taken apart: a name someone gave it, or what its User-Agent says. */
export function deviceNameParts(deviceName: string | null | undefined): DeviceNameParts {
  // Control characters and runs of white space never help a reader.
  const cleaned = (deviceName ?? '').replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!cleaned) return { given: null, browser: null, system: null };
  if (looksLikeUserAgent(cleaned)) {
    const { browser, os } = parseUserAgent(cleaned);
    return { given: null, browser: browser ?? null, system: os ?? null };
  }
  return writtenForUserAgent(cleaned) ?? { given: shorten(cleaned), browser: null, system: null };
}

const BROWSER_NAMES = new Set(BROWSERS.map(([name]) => name));
const SYSTEM_NAMES = new Set(SYSTEMS.map(([name]) => name));

/**
 * A name in the very form this module writes for a User-Agent in English ("Chrome on Windows",
 * "Unknown browser on iOS", "Unknown device"), as a pool that names devices itself stores it (the
 * local pool does): software wrote it, not a person, so it is said in the reader's language too.
 */
function writtenForUserAgent(name: string): DeviceNameParts | null {
  if (name === UNKNOWN_DEVICE_NAME) return { given: null, browser: null, system: null };
  const match = /^(.+) on (.+)$/.exec(name);
  if (!match || !SYSTEM_NAMES.has(match[2])) return null;
  if (BROWSER_NAMES.has(match[1])) return { given: null, browser: match[1], system: match[2] };
  return match[1] === 'Unknown browser' ? { given: null, browser: null, system: match[2] } : null;
}

/** The name a person sees for a device from its parts, in `words`' language (a given name stays as it is). */
export function deviceNameText(parts: DeviceNameParts, words: DeviceNameWords = ENGLISH_DEVICE_NAME_WORDS): string {
  return parts.given ?? browserAndSystemName(parts.browser, parts.system, words) ?? words.unknownDevice;
}

/**
 * The name a person sees for a device: its `device_name` when that is a name, the browser and
 * system when it is a raw User-Agent, and "Unknown device" when there is nothing to go on.
 */
export function deviceDisplayName(deviceName: string | null | undefined, words: DeviceNameWords = ENGLISH_DEVICE_NAME_WORDS): string {
  return deviceNameText(deviceNameParts(deviceName), words);
}
