import 'server-only';
import type { NextRequest } from 'next/server';
import { getPortalConfig, type PortalConfig } from '@/lib/config/env';
import { popupPage, randomNonce } from '@/lib/embed/popup-page';
import { allowedHost, STATE_PATTERN } from '@/lib/embed/protocol';
import { readSessionCookie, sessionCookieName } from './session-cookie';
import { decodeSessionToken, type SessionToken } from './session-token';

export type PopupRequest = { config: PortalConfig; host: string; state: string; nonce: string; session: SessionToken | null };

/**
 * What every page of the embed's sign-in popup starts with: its `?host=…&state=…`, checked (an
 * allowed embedding origin, a well-formed state from the iframe), and this browser's top-level
 * portal session if it has one. A request that fails the checks gets the error page to answer with.
 */
export async function readPopupRequest(request: NextRequest, failureTitle: string): Promise<PopupRequest | Response> {
  const config = getPortalConfig();
  const host = allowedHost(request.nextUrl.searchParams.get('host'), config.embedAllowedOrigins);
  const state = request.nextUrl.searchParams.get('state') ?? '';
  const nonce = randomNonce();
  if (!host || !STATE_PATTERN.test(state)) {
    return popupPage({ title: failureTitle, message: 'This sign-in window was not opened by an allowed app. Close it and try again.', nonce, status: 400 });
  }
  const value = readSessionCookie(request.cookies.getAll(), sessionCookieName(config.useSecureCookies));
  const session = value ? await decodeSessionToken(value, config.nextAuthSecret) : null;
  return { config, host, state, nonce, session };
}
