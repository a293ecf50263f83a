import { z } from 'zod';

/** The query parameter that asks for every device (`?devices=all`), and the list's anchor. */
export const DEVICES_VIEW_PARAM = 'devices';
export const DEVICE_LIST_ANCHOR = 'device-list';

// Only the one value means anything; anything else (repeated, long, odd) is the default view.
const devicesView = z.literal('all');

/** Whether the page was asked for every device: `?devices=all`, nothing else. */
export function showAllDevices(value: unknown): boolean {
  return devicesView.safeParse(value).success;
}
