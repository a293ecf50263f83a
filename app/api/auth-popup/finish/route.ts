import type { NextRequest } from 'next/server';
import { readPopupRequest } from '@/lib/auth/popup-request';
import { popupPage, scriptJson } from '@/lib/embed/popup-page';
import { popupTexts } from '@/lib/embed/popup-texts';
import { LANG_PARAM } from '@/lib/i18n/lang-param';
import { MESSAGE_SOURCE, PORTAL_SIGNED_IN_TYPE, relayChannelName } from '@/lib/embed/protocol';

export const dynamic = 'force-dynamic';

/**
 * The sign-in window's last page when the add-passkey window (/embed/add-passkey) asked for it
 * (next-auth's callbackUrl, see ../sign-in): the portal's own session is set by now, in the
 * cookie jar that window shares, so it only needs to hear "done" — over the BroadcastChannel of
 * its state (this window lost its opener on the pool's pages) — to reload. Then this one closes.
 * `lang`: the host app's language, passed on by ./sign-in.
 */
export async function GET(request: NextRequest) {
  const texts = await popupTexts(request.nextUrl.searchParams.get(LANG_PARAM));
  const { t } = texts;
  const popup = readPopupRequest(request, texts, t('popupCannotFinishTitle'));
  if (popup instanceof Response) return popup;
  const { state, nonce } = popup;
  const script = `(function () {
  var channel = new BroadcastChannel(${scriptJson(relayChannelName(state))});
  channel.postMessage({ source: ${scriptJson(MESSAGE_SOURCE)}, type: ${scriptJson(PORTAL_SIGNED_IN_TYPE)}, state: ${scriptJson(state)} });
  document.getElementById('message').textContent = ${scriptJson(t('popupSignedInCarryOn'))};
  setTimeout(function () { channel.close(); window.close(); }, 300);
})();`;
  return popupPage({ locale: texts.locale, title: t('popupSignedInTitle'), message: t('popupFinishing'), script, nonce, keepOpener: false });
}
