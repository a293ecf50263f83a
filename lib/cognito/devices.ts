import 'server-only';
import {
  ForgetDeviceCommand,
  GlobalSignOutCommand,
  ListDevicesCommand,
  UpdateDeviceStatusCommand,
  type CognitoIdentityProviderClient,
  type DeviceType,
} from '@aws-sdk/client-cognito-identity-provider';
import { deviceKind, type FormFactor } from '@/lib/format/device-kind';
import { deviceNameParts, deviceNameText } from '@/lib/format/user-agent';
import { callCognito } from './call-cognito';
import type { DeviceRememberedStatus } from './device-input';

/** ListDevices' largest page (the model's QueryLimitType is 0–60): the fewest round trips. */
export const DEVICES_PAGE_LIMIT = 60;
/** Pages read at most: 1,200 devices. A pool that keeps handing out tokens cannot hold a page forever. */
export const MAX_DEVICE_PAGES = 20;

/** One device as the page shows it: plain data (dates in epoch seconds) that may cross to the browser. */
export type DeviceSummary = {
  key: string;
  /**
   * For people: the device's name, or browser and system when the name is a raw User-Agent ("Chrome
   * on macOS", in English: the Devices section says it in the reader's language from `nameMadeFrom`).
   */
  name: string;
  /** What `name` was made from when no person gave it (a User-Agent); null for a name someone gave, the same in every language. */
  nameMadeFrom: { browser: string | null; system: string | null } | null;
  lastIp: string | null;
  /** When it last signed in (DeviceLastAuthenticatedDate). */
  lastSignedInAt: number | null;
  /** When the pool first saw it (DeviceCreateDate). */
  firstSeenAt: number | null;
  remembered: boolean;
  /** For its icon: phone, tablet, computer or not known, from the name or User-Agent. */
  formFactor: FormFactor;
  /** The browser family when the name is a User-Agent ("Chrome"); null otherwise. */
  browser: string | null;
};

export type DeviceListing = {
  devices: DeviceSummary[];
  /** False when the listing stopped before the pool's last page (the page cap, or a repeated token). */
  complete: boolean;
};

const epochSeconds = (date: Date | undefined): number | null => {
  const ms = date instanceof Date ? date.getTime() : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
};

/** DeviceType → DeviceSummary; null for an entry without a key (nothing could be done with it). */
export function toDeviceSummary(device: DeviceType): DeviceSummary | null {
  if (!device.DeviceKey) return null;
  const attributes = new Map((device.DeviceAttributes ?? []).map((a) => [a.Name, a.Value]));
  const lastIp = attributes.get('last_ip_used')?.trim();
  const rawName = attributes.get('device_name');
  const nameParts = deviceNameParts(rawName);
  return {
    key: device.DeviceKey,
    name: deviceNameText(nameParts),
    nameMadeFrom: nameParts.given === null ? { browser: nameParts.browser, system: nameParts.system } : null,
    lastIp: lastIp ? lastIp : null,
    lastSignedInAt: epochSeconds(device.DeviceLastAuthenticatedDate),
    firstSeenAt: epochSeconds(device.DeviceCreateDate),
    remembered: attributes.get('dev:device_remembered_status') === 'remembered',
    ...deviceKind(rawName),
  };
}

/** Most recently used first; the pool's own order (by key) means nothing to a person. */
function byLastUse(a: DeviceSummary, b: DeviceSummary): number {
  return (b.lastSignedInAt ?? b.firstSeenAt ?? 0) - (a.lastSignedInAt ?? a.firstSeenAt ?? 0) || a.key.localeCompare(b.key);
}

/** Every device of the signed-in user: all pages, following PaginationToken, up to MAX_DEVICE_PAGES. */
export async function listDevices(accessToken: string, client?: CognitoIdentityProviderClient): Promise<DeviceListing> {
  const byKey = new Map<string, DeviceSummary>();
  const seenTokens = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_DEVICE_PAGES; page += 1) {
    const output = await callCognito(
      'ListDevices',
      (c) => c.send(new ListDevicesCommand({ AccessToken: accessToken, Limit: DEVICES_PAGE_LIMIT, PaginationToken: token })),
      client,
    );
    // A device seen on two pages (the list changed between calls) is listed once.
    for (const device of output.Devices ?? []) {
      const summary = toDeviceSummary(device);
      if (summary) byKey.set(summary.key, summary);
    }
    token = output.PaginationToken || undefined;
    if (!token) return { devices: [...byKey.values()].sort(byLastUse), complete: true };
    // A token handed out twice would read the same pages for ever: stop, and say the list may be short.
    if (seenTokens.has(token)) break;
    seenTokens.add(token);
  }
  return { devices: [...byKey.values()].sort(byLastUse), complete: false };
}

export async function forgetDevice(accessToken: string, deviceKey: string, client?: CognitoIdentityProviderClient): Promise<void> {
  await callCognito('ForgetDevice', (c) => c.send(new ForgetDeviceCommand({ AccessToken: accessToken, DeviceKey: deviceKey })), client);
}

export async function setDeviceRemembered(accessToken: string, deviceKey: string, status: DeviceRememberedStatus, client?: CognitoIdentityProviderClient): Promise<void> {
  await callCognito(
    'UpdateDeviceStatus',
    (c) => c.send(new UpdateDeviceStatusCommand({ AccessToken: accessToken, DeviceKey: deviceKey, DeviceRememberedStatus: status })),
    client,
  );
}

/** GlobalSignOut: every access and refresh token of the user, on every device and app, stops working. */
export async function signOutEverywhere(accessToken: string, client?: CognitoIdentityProviderClient): Promise<void> {
  await callCognito('GlobalSignOut', (c) => c.send(new GlobalSignOutCommand({ AccessToken: accessToken })), client);
}
