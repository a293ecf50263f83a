import type { NextRequest } from 'next/server';
import { createHandoff } from '@/lib/auth/embed-handoff';
import { readPopupRequest } from '@/lib/auth/popup-request';
import { popupPage, scriptJson } from '@/lib/embed/popup-page';
import { HANDOFF_MESSAGE_TYPE, MESSAGE_SOURCE, type HandoffMessage } from '@/lib/embed/protocol';

export const dynamic = 'force-dynamic';

/**
 * The sign-in popup's last page (next-auth's callbackUrl): mints the one-time handoff from this
 * top-level session and posts it to `window.opener` — the embedded view — with targetOrigin set
 * to the portal's own origin, so only a portal document can receive it, never the host page. Then
 * the popup closes itself.
 */
export async function GET(request: NextRequest) {
  const popup = await readPopupRequest(request, 'Sign-in cannot finish');
  if (popup instanceof Response) return popup;
  const { config, host, state, nonce, session } = popup;
  if (!session) {
    return popupPage({ title: 'Sign-in did not complete', message: 'You are not signed in. Close this window and try again.', nonce, status: 401 });
  }
  const handoff = await createHandoff(session, { portalOrigin: config.portalUrl, host, state }, config.nextAuthSecret);
  const message: HandoffMessage = { source: MESSAGE_SOURCE, type: HANDOFF_MESSAGE_TYPE, state, handoff };
  const script = `(function () {
  var text = document.getElementById('message');
  if (!window.opener) {
    text.textContent = 'You are signed in, but the app that opened this window is gone. Close this window and sign in from the app again.';
    return;
  }
  window.opener.postMessage(${scriptJson(message)}, ${scriptJson(config.portalUrl)});
  text.textContent = 'You are signed in. This window closes by itself.';
  setTimeout(function () { window.close(); }, 100);
})();`;
  return popupPage({ title: 'Signed in', message: 'Finishing…', script, nonce });
}
