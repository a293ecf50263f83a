import type { NextRequest } from 'next/server';
import { readPopupRequest } from '@/lib/auth/popup-request';
import { popupPage, scriptJson } from '@/lib/embed/popup-page';
import { HANDOFF_MESSAGE_TYPE, MESSAGE_SOURCE, POPUP_FEATURES, RELAY_RECEIVED_TYPE, relayChannelName } from '@/lib/embed/protocol';

export const dynamic = 'force-dynamic';

/**
 * The relay window P, opened by the embedded view with `?state=…&host=…` (and `step-up=1` to
 * confirm it's them). It never leaves the portal's origin, so it keeps `window.opener` (the
 * view). Its button opens the sign-in window Q (a click here: the view's click does not carry
 * over to this window, and opening a window needs one). Q comes back with the handoff over the
 * BroadcastChannel of this state; P checks it is the one for this state and posts it to the view
 * with targetOrigin the portal's own origin — never the host's — then tells Q and closes.
 */
export async function GET(request: NextRequest) {
  const popup = readPopupRequest(request, 'Sign-in cannot start');
  if (popup instanceof Response) return popup;
  const { config, host, state, nonce } = popup;
  const query = new URLSearchParams({ state, host });
  if (request.nextUrl.searchParams.get('step-up') === '1') query.set('step-up', '1');
  const signInUrl = `/api/auth-popup/sign-in?${query.toString()}`;
  const script = `(function () {
  var text = document.getElementById('message');
  var button = document.getElementById('action');
  var state = ${scriptJson(state)};
  var channel = new BroadcastChannel(${scriptJson(relayChannelName(state))});
  var answer = function (delivered) {
    channel.postMessage({ source: ${scriptJson(MESSAGE_SOURCE)}, type: ${scriptJson(RELAY_RECEIVED_TYPE)}, state: state, delivered: delivered });
  };
  if (!window.opener) {
    button.disabled = true;
    text.textContent = 'The app that opened this window is gone. Close this window and sign in from the app again.';
    return;
  }
  button.addEventListener('click', function () {
    var opened = window.open(${scriptJson(signInUrl)}, 'cognito-security-portal-sign-in-page', ${scriptJson(POPUP_FEATURES)});
    text.textContent = opened
      ? 'Continue in the sign-in window. This window passes the result to the app.'
      : 'The sign-in window was blocked. Allow pop-ups for this site and press the button again.';
  });
  channel.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== ${scriptJson(MESSAGE_SOURCE)} || data.type !== ${scriptJson(HANDOFF_MESSAGE_TYPE)}) return;
    if (data.state !== state || typeof data.handoff !== 'string') return;
    if (!window.opener) {
      answer(false);
      button.disabled = true;
      text.textContent = 'You are signed in, but the app that opened this window is gone. Close this window and sign in from the app again.';
      return;
    }
    window.opener.postMessage({ source: data.source, type: data.type, state: state, handoff: data.handoff }, ${scriptJson(config.portalUrl)});
    answer(true);
    button.disabled = true;
    text.textContent = 'You are signed in. This window closes by itself.';
    setTimeout(function () { channel.close(); window.close(); }, 100);
  });
})();`;
  return popupPage({
    title: 'Sign in to continue',
    message: 'Your organisation’s sign-in page opens in a new window.',
    button: 'Continue to sign-in',
    script,
    nonce,
  });
}
