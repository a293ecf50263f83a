/**
 * Turns a User-Agent header into the short device name people see in the portal's
 * device list ("Chrome on Windows"). Only the family matters here, not versions:
 * the name must stay the same when the browser updates, or one device would look
 * like many.
 */

// Order matters: browsers built on Chromium (and every browser on iOS) also claim to
// be Chrome and Safari, so the more specific tokens are tried first.
const BROWSERS: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ['Samsung Internet', /\bSamsungBrowser\//],
  ['Opera', /\b(?:OPR|OPT|OPiOS)\/|\bOpera\b/],
  ['Edge', /\b(?:Edg|EdgA|EdgiOS|Edge)\//],
  ['Firefox', /\b(?:Firefox|FxiOS)\//],
  ['Chrome', /\b(?:Chrome|CriOS|HeadlessChrome)\//],
  // Safari alone says "Version/…": in-app web views on iOS do not, and are not Safari.
  ['Safari', /\bVersion\/[\d.]+.*\bSafari\//],
];

// Android and ChromeOS user agents also say "Linux", and iPads "like Mac OS X".
const SYSTEMS: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ['iPadOS', /\biPad\b/],
  ['iOS', /\b(?:iPhone|iPod)\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMacintosh\b|\bMac OS X\b/],
  ['Linux', /\bLinux\b|\bX11\b/],
];

const firstMatch = (userAgent: string, table: ReadonlyArray<[string, RegExp]>) => table.find(([, pattern]) => pattern.test(userAgent))?.[0];

export type UserAgentSummary = { browser: string | undefined; os: string | undefined };

export function parseUserAgent(userAgent: string): UserAgentSummary {
  return { browser: firstMatch(userAgent, BROWSERS), os: firstMatch(userAgent, SYSTEMS) };
}

/** "Chrome on Linux", "Safari" (system unknown), "Unknown browser on Windows", or "Unknown browser". */
export function deviceNameFromUserAgent(userAgent: string): string {
  const { browser, os } = parseUserAgent(userAgent);
  const browserName = browser ?? 'Unknown browser';
  return os ? `${browserName} on ${os}` : browserName;
}
