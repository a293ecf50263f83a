import type { DeviceSummary } from '@/lib/cognito/devices';
import { deviceMessages as m } from './device-messages';
import { distinctLabels } from './distinct-labels';
import { relativeTime } from './relative-time';

/** What the rows need to know of a device: everything ListDevices gave the page (plain data). */
export type DeviceFacts = DeviceSummary;

/** One row as the browser renders it: plain data, every word already chosen on the server. */
export type DeviceRow = DeviceFacts & {
  /** The name that tells it apart from look-alikes ("Chrome on Windows (2 of 3)"): menus, messages. */
  label: string;
  isCurrent: boolean;
  /** The parts of the secondary line, joined with " · " ("Last active 2 hours ago", "Not remembered"). */
  secondary: string[];
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
const lookAlikeKey = (d: DeviceFacts) => `${d.name}\u0000${d.lastIp ?? ''}`;

/**
 * The rows of the Devices section, in order, with their labels and secondary lines worked out at
 * `nowMs` (on the server: the text the browser hydrates is the text the server painted).
 * Unless `showAll`, only this device and the RECENT_DEVICES_SHOWN most recently active ones.
 */
export function deviceRows(
  devices: readonly DeviceFacts[],
  currentKey: string | null,
  nowMs: number,
  options: { showAll: boolean; locale?: string },
): DeviceRows {
  const ordered = orderDevices(devices, currentKey);
  // Labels over the whole list, so a device keeps its label whether or not the rest is shown.
  const labels = distinctLabels(ordered.map((d) => d.name));
  const lookAlikes = new Map<string, number>();
  for (const d of ordered) lookAlikes.set(lookAlikeKey(d), (lookAlikes.get(lookAlikeKey(d)) ?? 0) + 1);

  const hasCurrent = ordered.some((d) => d.key === currentKey);
  const short = RECENT_DEVICES_SHOWN + (hasCurrent ? 1 : 0);
  const shown = options.showAll ? ordered.length : Math.min(ordered.length, short);
  const ago = (epochSeconds: number) => relativeTime(epochSeconds, nowMs, options.locale);

  const rows = ordered.slice(0, shown).map((d, index): DeviceRow => {
    const isCurrent = d.key === currentKey;
    const secondary: string[] = [];
    if (isCurrent) secondary.push(m.thisDevice);
    else secondary.push(d.lastSignedInAt !== null ? m.lastActive(ago(d.lastSignedInAt)) : m.lastActiveUnknown);
    // Look-alikes are also told apart by when each was first seen.
    if ((lookAlikes.get(lookAlikeKey(d)) ?? 0) > 1 && d.firstSeenAt !== null) secondary.push(m.firstSeen(ago(d.firstSeenAt)));
    // Remembered is the usual case; only the exception is worth a word in the row.
    if (!d.remembered) secondary.push(m.notRemembered);
    return { ...d, label: labels[index], isCurrent, secondary };
  });
  return { rows, total: ordered.length, hidden: ordered.length - rows.length, long: ordered.length > short };
}
