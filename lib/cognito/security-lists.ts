import 'server-only';
import { cache } from 'react';
import { listDevices } from './devices';
import { listPasskeys } from './passkeys';

/*
 * The Security page's two lists, once per request (React's cache): the summary at the top and the
 * Passkeys and Devices sections read the same answers, so the summary costs no Cognito call.
 * Only for rendering: server actions call listPasskeys/listDevices themselves, so a change they
 * make is never checked against a list read earlier in the same request.
 */
export const listPasskeysOnce = cache((accessToken: string) => listPasskeys(accessToken));
export const listDevicesOnce = cache((accessToken: string) => listDevices(accessToken));

/**
 * Starts both calls at once, before anything waits for either (the page's render time is that of
 * the slower call, not their sum). Failures are handled where the lists are read.
 */
export function preloadSecurityLists(accessToken: string): void {
  listPasskeysOnce(accessToken).catch(() => {});
  listDevicesOnce(accessToken).catch(() => {});
}
