import 'server-only';
import type { NextRequest } from 'next/server';
import { getPortalConfig, type PortalConfig } from '@/lib/config/env';
import { popupPage, randomNonce, type Translate } from '@/lib/embed/popup-page';
import { allowedHost, STATE_PATTERN } from '@/lib/embed/protocol';

export type PopupRequest = { config: PortalConfig; host: string; state: string; nonce: string };

/** The window's language and its `embed` texts (lib/embed/popup-texts.ts). */
export type PopupLanguage = { locale: string; t: Translate };

/**
 * What every page of the embed's sign-in windows starts with: its `?host=…&state=…`, checked (an
 * allowed embedding origin, a well-formed state from the iframe). A request that fails the checks
 * gets the error page to answer with (`failureTitle`, in `language`). The portal's own session
 * cookie is not read: the iframe's sign-in is a sign-in of its own (lib/auth/embed-handoff-flow.ts).
 */
export function readPopupRequest(request: NextRequest, language: PopupLanguage, failureTitle: string): PopupRequest | Response {
  const config = getPortalConfig();
  const nonce = randomNonce();
  const checked = checkPopupBinding(request.nextUrl.searchParams.get('host'), request.nextUrl.searchParams.get('state'), config);
  if (!checked) return refusePopup(language, failureTitle, nonce);
  return { config, ...checked, nonce };
}

export function checkPopupBinding(host: unknown, state: unknown, config: PortalConfig): { host: string; state: string } | null {
  const allowed = allowedHost(host, config.embedAllowedOrigins);
  return allowed && typeof state === 'string' && STATE_PATTERN.test(state) ? { host: allowed, state } : null;
}

export function refusePopup({ locale, t }: PopupLanguage, title: string, nonce: string): Response {
  return popupPage({ locale, title, message: t('popupNotFromAllowedApp'), nonce, status: 400 });
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
export function continueByClick({ locale, t }: PopupLanguage, nonce: string): Response {
  return popupPage({
    locale,
    title: t('continueToSignIn'),
    message: t('popupNotOpenedByPortal'),
    button: t('continueToSignIn'),
    script: `document.getElementById('action').addEventListener('click', function () { window.location.assign(window.location.href); });`,
    nonce,
    keepOpener: false,
  });
}
