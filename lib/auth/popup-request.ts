import 'server-only';
import type { NextRequest } from 'next/server';
import { getPortalConfig, type PortalConfig } from '@/lib/config/env';
import { popupPage, randomNonce } from '@/lib/embed/popup-page';
import { allowedHost, STATE_PATTERN } from '@/lib/embed/protocol';

export type PopupRequest = { config: PortalConfig; host: string; state: string; nonce: string };

/**
 * What every page of the embed's sign-in windows starts with: its `?host=…&state=…`, checked (an
 * allowed embedding origin, a well-formed state from the iframe). A request that fails the checks
 * gets the error page to answer with. The portal's own session cookie is not read: the iframe's
 * sign-in is a sign-in of its own (lib/auth/embed-handoff-flow.ts).
 */
export function readPopupRequest(request: NextRequest, failureTitle: string): PopupRequest | Response {
  const config = getPortalConfig();
  const nonce = randomNonce();
  const checked = checkPopupBinding(request.nextUrl.searchParams.get('host'), request.nextUrl.searchParams.get('state'), config);
  if (!checked) return refusePopup(failureTitle, nonce);
  return { config, ...checked, nonce };
}

export function checkPopupBinding(host: unknown, state: unknown, config: PortalConfig): { host: string; state: string } | null {
  const allowed = allowedHost(host, config.embedAllowedOrigins);
  return allowed && typeof state === 'string' && STATE_PATTERN.test(state) ? { host: allowed, state } : null;
}

export function refusePopup(title: string, nonce: string): Response {
  return popupPage({ title, message: 'This sign-in window was not opened by an allowed app. Close it and try again.', nonce, status: 400 });
}

/**
 * Whether the portal's own window opened this page: the browser says the navigation came from
 * the portal's origin (`Sec-Fetch-Site: same-origin`, which no page can set and which a redirect
 * through another site turns into `cross-site`). Another site navigating a window here, a typed
 * or bookmarked URL (`none`) or a client that sends no such header are not; they get
 * `continueByClick` instead of a sign-in that starts by itself.
 */
export function openedByPortal(request: Request): boolean {
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

/**
 * The plain page for a sign-in window the portal did not open: nothing starts until the person
 * clicks, and the click reloads this page as a navigation from the portal's own origin. Another
 * site cannot click it for them (nobody may frame it).
 */
export function continueByClick(nonce: string): Response {
  return popupPage({
    title: 'Continue to sign-in',
    message: 'This sign-in window was not opened by the portal. If you meant to sign in, continue; otherwise close this window.',
    button: 'Continue to sign-in',
    script: `document.getElementById('action').addEventListener('click', function () { window.location.assign(window.location.href); });`,
    nonce,
    keepOpener: false,
  });
}
