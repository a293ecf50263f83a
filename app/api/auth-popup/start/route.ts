import type { NextRequest } from 'next/server';
import { readPopupRequest } from '@/lib/auth/popup-request';
import { popupPage, scriptJson } from '@/lib/embed/popup-page';
import { popupTexts } from '@/lib/embed/popup-texts';
import { langQuery, LANG_PARAM } from '@/lib/i18n/lang-param';
import { HANDOFF_MESSAGE_TYPE, MESSAGE_SOURCE, POPUP_FEATURES, RELAY_RECEIVED_TYPE, relayChannelName } from '@/lib/embed/protocol';

export const dynamic = 'force-dynamic';

/**
 * The relay window P, opened by the embedded view with `?state=…&host=…` (and `step-up=1` to
 * confirm it's them). It never leaves the portal's origin, so it keeps `window.opener` (the
 * view). Its button opens the sign-in window Q (a click here: the view's click does not carry
 * over to this window, and opening a window needs one). Q comes back with the handoff over the
 * BroadcastChannel of this state; P checks it is the one for this state and posts it to the view
 * with targetOrigin the portal's own origin — never the host's — then tells Q and closes.
 * `lang` (the host app's language, from the view): its texts, passed on to Q.
 */
export async function GET(request: NextRequest) {
  const texts = await popupTexts(request.nextUrl.searchParams.get(LANG_PARAM));
  const { t } = texts;
  const popup = readPopupRequest(request, texts, t('popupCannotStartTitle'));
  if (popup instanceof Response) return popup;
  const { config, host, state, nonce } = popup;
  const query = new URLSearchParams({ state, host, ...langQuery(texts.hostLang) });
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
    text.textContent = ${scriptJson(t('popupOpenerGone'))};
    return;
  }
  button.addEventListener('click', function () {
    var opened = window.open(${scriptJson(signInUrl)}, 'cognito-security-portal-sign-in-page', ${scriptJson(POPUP_FEATURES)});
    text.textContent = opened
      ? ${scriptJson(t('popupContinueInSignInWindow'))}
      : ${scriptJson(t('signInWindowBlockedHere'))};
  });
  channel.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== ${scriptJson(MESSAGE_SOURCE)} || data.type !== ${scriptJson(HANDOFF_MESSAGE_TYPE)}) return;
    if (data.state !== state || typeof data.handoff !== 'string') return;
    if (!window.opener) {
      answer(false);
      button.disabled = true;
      text.textContent = ${scriptJson(t('popupSignedInOpenerGone'))};
      return;
    }
    window.opener.postMessage({ source: data.source, type: data.type, state: state, handoff: data.handoff }, ${scriptJson(config.portalUrl)});
    answer(true);
    button.disabled = true;
    text.textContent = ${scriptJson(t('popupSignedInClosing'))};
    setTimeout(function () { channel.close(); window.close(); }, 100);
  });
})();`;
  return popupPage({
    locale: texts.locale,
    title: t('signInToContinue'),
    message: t('popupSignInOpensInNewWindow'),
    button: t('continueToSignIn'),
    script,
    nonce,
  });
}
