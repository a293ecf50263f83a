import { looksLikeUserAgent, parseUserAgent } from './user-agent';

/** What a device is, for its icon: a phone, a tablet, a computer, or not known. */
export type FormFactor = 'phone' | 'tablet' | 'desktop' | 'unknown';

export type DeviceKind = {
  formFactor: FormFactor;
  /** The browser family ("Chrome", "Safari", …) where the name says; null otherwise. */
  browser: string | null;
};

// Names people (or apps) give devices: only plain words that say the form factor.
const NAMED: ReadonlyArray<readonly [FormFactor, RegExp]> = [
  ['tablet', /\b(?:tablet|ipad|galaxy tab|surface go)\b/i],
  ['phone', /\b(?:i?phone|mobile|smartphone|pixel \d+|galaxy s\d+)\b/i],
  ['desktop', /\b(?:laptop|desktop|computer|pc|workstation|macbook(?: air| pro)?|imac|mac mini|mac|notebook|chromebook)\b/i],
];

function fromUserAgent(userAgent: string): FormFactor {
  const { os } = parseUserAgent(userAgent);
  if (os === 'iPadOS') return 'tablet';
  if (os === 'iOS') return 'phone';
  // Android phones say "Mobile"; Android tablets do not.
  if (os === 'Android') return /\bMobile\b/.test(userAgent) ? 'phone' : 'tablet';
  if (os) return 'desktop';
  return 'unknown';
}

/**
 * The form factor and browser of a device, from its `device_name` as the pool stores it: a raw
 * User-Agent (what Cognito's own SDKs send) or a name someone gave it ("Kitchen tablet").
 */
export function deviceKind(deviceName: string | null | undefined): DeviceKind {
  const name = (deviceName ?? '').trim();
  if (!name) return { formFactor: 'unknown', browser: null };
  if (looksLikeUserAgent(name)) return { formFactor: fromUserAgent(name), browser: parseUserAgent(name).browser ?? null };
  const formFactor = NAMED.find(([, pattern]) => pattern.test(name))?.[0] ?? 'unknown';
  return { formFactor, browser: null };
}
