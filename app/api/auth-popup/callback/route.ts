import type { NextRequest } from 'next/server';
import { createHandoff } from '@/lib/auth/embed-handoff';
import { flowCookieHeader, flowCookieName, OAUTH_STATE_PATTERN, popupCallbackUrl, readFlow, sessionTokenFromExchange } from '@/lib/auth/embed-handoff-flow';
import { exchangeAuthorizationCode } from '@/lib/cognito/oauth';
import { getPortalConfig } from '@/lib/config/env';
import { popupPage, randomNonce, scriptJson } from '@/lib/embed/popup-page';
import { popupTexts } from '@/lib/embed/popup-texts';
import { HANDOFF_MESSAGE_TYPE, MESSAGE_SOURCE, RELAY_RECEIVED_TYPE, relayChannelName, type HandoffMessage } from '@/lib/embed/protocol';

export const dynamic = 'force-dynamic';

/**
 * The sign-in window Q's last page (the redirect_uri of its own code flow, see ./sign-in): checks
 * the OAuth state against the flow's cookie, exchanges the code (with the PKCE verifier) for the
 * view's own tokens, mints the one-time handoff bound to the view's state and host, and sends it
 * over the BroadcastChannel of that state to the relay window P, which posts it to the view (Q
 * lost its opener on the pool's pages). When P confirms, Q closes; when nobody answers, it says so.
 * Its language: the host app's `lang` the flow's cookie kept, else this browser's.
 */
export async function GET(request: NextRequest) {
  const config = getPortalConfig();
  const nonce = randomNonce();
  const params = request.nextUrl.searchParams;
  const oauthState = params.get('state') ?? '';
  const cookieName = OAUTH_STATE_PATTERN.test(oauthState) ? flowCookieName(config.useSecureCookies, oauthState) : null;
  const flow = cookieName ? await readFlow(request.cookies.get(cookieName)?.value, oauthState, config.nextAuthSecret) : null;
  const { locale, t } = await popupTexts(flow?.lang);
  const page = (title: string, message: string, status: number, script?: string) => {
    const response = popupPage({ locale, title, message, nonce, status, script, keepOpener: false });
    // Spent, whatever happened: the code and the verifier are good for one try.
    if (cookieName) response.headers.append('set-cookie', flowCookieHeader(cookieName, '', 0, config.useSecureCookies));
    return response;
  };
  if (!flow) return page(t('popupSignInIncompleteTitle'), t('popupFlowExpired'), 400);
  const code = params.get('code');
  if (!code) {
    const cancelled = params.get('error') === 'access_denied';
    console.info(JSON.stringify({ event: 'embed_sign_in_failed', reason: params.get('error') ?? 'no-code' }));
    return page(t('popupSignInIncompleteTitle'), cancelled ? t('popupSignInCancelled') : t('popupSignInIncomplete'), 400);
  }
  const exchange = await exchangeAuthorizationCode({ code, codeVerifier: flow.codeVerifier, redirectUri: popupCallbackUrl(config.portalUrl) }, config.cognito);
  if (!exchange.ok) {
    return page(t('popupSignInIncompleteTitle'), t('popupSignInNotConfirmed'), 502);
  }
  const session = sessionTokenFromExchange(exchange.tokens);
  const handoff = await createHandoff(session, { portalOrigin: config.portalUrl, host: flow.host, state: flow.state }, config.nextAuthSecret);
  const message: HandoffMessage = { source: MESSAGE_SOURCE, type: HANDOFF_MESSAGE_TYPE, state: flow.state, handoff };
  const script = `(function () {
  var text = document.getElementById('message');
  var state = ${scriptJson(flow.state)};
  var channel = new BroadcastChannel(${scriptJson(relayChannelName(flow.state))});
  var answered = false;
  channel.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== ${scriptJson(MESSAGE_SOURCE)} || data.type !== ${scriptJson(RELAY_RECEIVED_TYPE)} || data.state !== state) return;
    answered = true;
    if (!data.delivered) {
      text.textContent = ${scriptJson(t('popupSignedInAppGone'))};
      return;
    }
    text.textContent = ${scriptJson(t('popupSignedInClosing'))};
    setTimeout(function () { channel.close(); window.close(); }, 100);
  });
  channel.postMessage(${scriptJson(message)});
  setTimeout(function () {
    if (!answered) text.textContent = ${scriptJson(t('popupSignedInWindowGone'))};
  }, 3000);
})();`;
  return page(t('popupSignedInTitle'), t('popupFinishing'), 200, script);
}
