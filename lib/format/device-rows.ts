import type { DeviceSummary } from '@/lib/cognito/devices';
import type { DeviceRowsKey, DevicesT } from './device-messages';
import { distinctLabels } from './distinct-labels';
import { localTimeText, type LocalTimeText } from './local-time-text';
import { relativeTime } from './relative-time';
import { deviceNameText, type DeviceNameWords } from './user-agent';

/** What the rows need to know of a device: everything ListDevices gave the page (plain data). */
export type DeviceFacts = DeviceSummary;

/** One row as the browser renders it: plain data, every word already chosen on the server. */
export type DeviceRow = Omit<DeviceFacts, 'nameMadeFrom'> & {
  /** Its name in the reader's language ("Chrome unter Windows"; a name someone gave it stays as it is). */
  name: string;
  /** The name that tells it apart from look-alikes ("Chrome on Windows (2 of 3)"): menus, messages. */
  label: string;
  isCurrent: boolean;
  /** The parts of the secondary line, joined with " · " ("Last active 2 hours ago", "Not remembered"). */
  secondary: string[];
  /**
   * Its details' dates as the server wrote them (LocalTime's `initial`), in a language other than
   * English only: Intl's words there may differ between the server and the browser.
   */
  lastSignedInText?: LocalTimeText;
  firstSeenText?: LocalTimeText;
};

/** How the rows are written: in which language (its `t` and Intl tag) and, for the details' dates, in which zone. */
export type DeviceRowsOptions = {
  showAll: boolean;
  t: DevicesT<DeviceRowsKey>;
  /** Intl's tag for the language ("en", "de", "ar"); English when left out. */
  locale?: string;
  /** The reader's zone (LocalTime's clock): needed for the details' dates in a language other than English. */
  clock?: { timeZone: string; known: boolean };
};

export type DeviceRows = {
  rows: DeviceRow[];
  /** How many devices there are in all, and how many of them are not in `rows`. */
  total: number;
  hidden: number;
  /** Whether there are more devices than the short view shows (so "Show all" / "Show fewer" mean something). */
  long: boolean;
};

/** Besides this device, how many of the most recently active are shown before "Show all". */
export const RECENT_DEVICES_SHOWN = 5;

const activity = (d: DeviceFacts) => d.lastSignedInAt ?? d.firstSeenAt ?? -Infinity;

/**
 * This device first; then the most recently active, and among equally recent ones the newest
 * (latest first seen), so look-alikes come newest first; the key last, so the order is stable.
 */
export function orderDevices<T extends DeviceFacts>(devices: readonly T[], currentKey: string | null): T[] {
  return [...devices].sort(
    (a, b) =>
      Number(b.key === currentKey) - Number(a.key === currentKey) ||
      activity(b) - activity(a) ||
      (b.firstSeenAt ?? -Infinity) - (a.firstSeenAt ?? -Infinity) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

// Same name (so same browser and system, or the same given name) and same network.
const lookAlikeKey = (name: string, d: DeviceFacts) => `${name}\u0000${d.lastIp ?? ''}`;

/** The words around browser and system names, from the catalog. */
export const deviceNameWords = (t: DevicesT<DeviceRowsKey>): DeviceNameWords => ({
  browserOnSystem: (browser, system) => t('browserOnSystem', { browser, system }),
  unknownBrowserOnSystem: (system) => t('unknownBrowserOnSystem', { system }),
  unknownDevice: t('unknownDevice'),
});

/**
 * The rows of the Devices section, in order, with their names, labels and secondary lines worked
 * out at `nowMs` in the language of `options.t` and `options.locale` (on the server: the text the
 * browser hydrates is the text the server painted). Unless `showAll`, only this device and the
 * RECENT_DEVICES_SHOWN most recently active ones.
 */
export function deviceRows(devices: readonly DeviceFacts[], currentKey: string | null, nowMs: number, options: DeviceRowsOptions): DeviceRows {
  const { t, locale, clock } = options;
  const ordered = orderDevices(devices, currentKey);
  // Names in the reader's language: a name someone gave stays; one made from a User-Agent is said anew.
  const words = deviceNameWords(t);
  const names = ordered.map((d) => (d.nameMadeFrom ? deviceNameText({ given: null, ...d.nameMadeFrom }, words) : d.name));
  // Labels over the whole list, so a device keeps its label whether or not the rest is shown.
  const labels = distinctLabels(names, (name, place, total) => t('lookAlike', { name, place, total }));
  const lookAlikes = new Map<string, number>();
  ordered.forEach((d, index) => lookAlikes.set(lookAlikeKey(names[index], d), (lookAlikes.get(lookAlikeKey(names[index], d)) ?? 0) + 1));

  const hasCurrent = ordered.some((d) => d.key === currentKey);
  const short = RECENT_DEVICES_SHOWN + (hasCurrent ? 1 : 0);
  const shown = options.showAll ? ordered.length : Math.min(ordered.length, short);
  const justNow = t('justNow');
  const ago = (epochSeconds: number) => relativeTime(epochSeconds, nowMs, locale, justNow);
  // Written here in every language: LocalTime shows the server's text until its first tick.
  const datesClock = clock;
  const dateText = (epochSeconds: number | null) =>
    datesClock && epochSeconds !== null ? localTimeText(epochSeconds, 'date-time', { ...datesClock, nowMs }, locale) : undefined;

  const rows = ordered.slice(0, shown).map((d, index): DeviceRow => {
    const isCurrent = d.key === currentKey;
    const secondary: string[] = [];
    if (isCurrent) secondary.push(t('thisDevice'));
    else secondary.push(d.lastSignedInAt !== null ? t('lastActive', { ago: ago(d.lastSignedInAt) }) : t('lastActiveUnknown'));
    // Look-alikes are also told apart by when each was first seen.
    if ((lookAlikes.get(lookAlikeKey(names[index], d)) ?? 0) > 1 && d.firstSeenAt !== null) secondary.push(t('firstSeen', { ago: ago(d.firstSeenAt) }));
    // Remembered is the usual case; only the exception is worth a word in the row.
    if (!d.remembered) secondary.push(t('notRemembered'));
    // What made the name stays on the server: the row carries the name itself.
    const { nameMadeFrom: _madeFrom, ...facts } = d;
    const row: DeviceRow = { ...facts, name: names[index], label: labels[index], isCurrent, secondary };
    const lastSignedInText = dateText(d.lastSignedInAt);
    const firstSeenText = dateText(d.firstSeenAt);
    if (lastSignedInText) row.lastSignedInText = lastSignedInText;
    if (firstSeenText) row.firstSeenText = firstSeenText;
    return row;
  });
  return { rows, total: ordered.length, hidden: ordered.length - rows.length, long: ordered.length > short };
}
