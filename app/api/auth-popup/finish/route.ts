import type { NextRequest } from 'next/server';
import { createHandoff } from '@/lib/auth/embed-handoff';
import { readPopupRequest } from '@/lib/auth/popup-request';
import { popupPage, scriptJson } from '@/lib/embed/popup-page';
import { HANDOFF_MESSAGE_TYPE, MESSAGE_SOURCE, RELAY_RECEIVED_TYPE, relayChannelName, type HandoffMessage } from '@/lib/embed/protocol';

export const dynamic = 'force-dynamic';

/**
 * The sign-in window Q's last page (next-auth's callbackUrl): mints the one-time handoff from this
 * top-level session and sends it over the BroadcastChannel of this state to the relay window P,
 * which posts it to the view (Q has lost its opener on the pool's pages). When P confirms, Q
 * closes; when nobody answers, it says so.
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
  var state = ${scriptJson(state)};
  var channel = new BroadcastChannel(${scriptJson(relayChannelName(state))});
  var answered = false;
  channel.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== ${scriptJson(MESSAGE_SOURCE)} || data.type !== ${scriptJson(RELAY_RECEIVED_TYPE)} || data.state !== state) return;
    answered = true;
    if (!data.delivered) {
      text.textContent = 'You are signed in, but the app that asked for it is gone. Close this window and sign in from the app again.';
      return;
    }
    text.textContent = 'You are signed in. This window closes by itself.';
    setTimeout(function () { channel.close(); window.close(); }, 100);
  });
  channel.postMessage(${scriptJson(message)});
  setTimeout(function () {
    if (!answered) text.textContent = 'You are signed in, but the window that asked for it is gone. Close this window and sign in from the app again.';
  }, 3000);
})();`;
  return popupPage({ title: 'Signed in', message: 'Finishing…', script, nonce, keepOpener: false });
}
