import { z } from 'zod';

export { DEVICE_LIST_ANCHOR, DEVICES_VIEW_PARAM } from './devices-view-names';

// Only the one value means anything; anything else (repeated, long, odd) is the default view.
const devicesView = z.literal('all');

/** Whether the page was asked for every device: `?devices=all`, nothing else. */
export function showAllDevices(value: unknown): boolean {
  return devicesView.safeParse(value).success;
}
