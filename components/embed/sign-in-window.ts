import { isPortalSignedIn, POPUP_FEATURES, relayChannelName } from '@/lib/embed/protocol';
import { langQuery } from '@/lib/i18n/lang-param';

/**
 * The add-passkey window's sign-in window (next-auth's sign-in on the portal's own session, see
 * /api/auth-popup/sign-in): `extra` adds `step-up` or `account`; `lang`, the host app's language
 * this window was opened with. Null when the browser blocked it.
 */
export function openAddPasskeySignInWindow(state: string, host: string, lang: string | null, extra: Record<string, string> = {}): Window | null {
  const query = new URLSearchParams({ state, host, next: 'add-passkey', ...langQuery(lang), ...extra });
  return window.open(`/api/auth-popup/sign-in?${query.toString()}`, 'cognito-security-portal-sign-in-page', POPUP_FEATURES);
}

/** Calls `onSignedIn` each time that window says "signed in" for this state; returns the cleanup. */
export function onSignInWindowDone(state: string, onSignedIn: () => void): () => void {
  const channel = new BroadcastChannel(relayChannelName(state));
  channel.onmessage = (event: MessageEvent) => {
    if (isPortalSignedIn(event.data, state)) onSignedIn();
  };
  return () => channel.close();
}
