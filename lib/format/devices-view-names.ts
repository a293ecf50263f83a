/**
 * The query parameter that asks for every device (`?devices=all`), and the list's anchor. Apart
 * from devices-view.ts (which parses the parameter with zod) so that the client components that
 * only need these names do not pull zod (about 40 kB gzip) into the browser.
 */
export const DEVICES_VIEW_PARAM = 'devices';
export const DEVICE_LIST_ANCHOR = 'device-list';
