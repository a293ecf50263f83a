import type { NextRequest } from 'next/server';
import { flowCookieHeader, flowCookieName, FLOW_LIFETIME_SECONDS, popupCallbackUrl, startFlow } from '@/lib/auth/embed-handoff-flow';
import { COGNITO_SCOPES } from '@/lib/auth/options';
import { continueByClick, openedByPortal, readPopupRequest } from '@/lib/auth/popup-request';
import { signInLangParams } from '@/lib/auth/sign-in-lang';
import { authorizeUrl } from '@/lib/cognito/oauth';
import { popupPage, scriptJson } from '@/lib/embed/popup-page';
import { popupTexts } from '@/lib/embed/popup-texts';
import { langQuery, LANG_PARAM } from '@/lib/i18n/lang-param';

export const dynamic = 'force-dynamic';

/**
 * The sign-in window Q's first stop, opened by a relay window with its `?state=…&host=…`.
 *
 * For the embedded view: a sign-in of its own, authorization code with PKCE, straight to the
 * pool's /oauth2/authorize and back to /api/auth-popup/callback; the flow's secrets wait in a
 * short-lived HttpOnly cookie (lib/auth/embed-handoff-flow.ts). The pool's own sign-in session
 * still spares the password when there is one. `step-up=1`: the view needs a recent sign-in, so
 * the pool must ask again (prompt=login) whatever sessions exist, and max_age says how recent.
 *
 * With `next=add-passkey` (the add-passkey window, /embed/add-passkey, which works on the portal's
 * own first-party session): next-auth's ordinary sign-in, back to /api/auth-popup/finish, which
 * tells that window to reload. `account=other` (prompt=login): the pool must ask, so the right
 * person can sign in when the pool's session is someone else's; `step-up=1` as above.
 *
 * Either way it starts by itself only in a window the portal opened (openedByPortal): otherwise
 * any site could navigate a window here and, on the pool's remembered session, sign the browser
 * in to the portal (as whoever that session belongs to) with no click, which is exactly what
 * next-auth's CSRF token on sign-in is there to stop. Other starts get a page to continue by click.
 *
 * `lang` (the host app's language, passed on by the view): its pages' language, and the pool's
 * (`lang` on /oauth2/authorize); the flow's cookie keeps it for the callback, and the finish URL for that page.
 */
export async function GET(request: NextRequest) {
  const texts = await popupTexts(request.nextUrl.searchParams.get(LANG_PARAM));
  const { t } = texts;
  const popup = readPopupRequest(request, texts, t('popupCannotStartTitle'));
  if (popup instanceof Response) return popup;
  const { config, host, state, nonce } = popup;
  if (!openedByPortal(request)) return continueByClick(texts, nonce);
  const poolLang = await signInLangParams(texts.locale);
  const params = request.nextUrl.searchParams;
  const stepUp = params.get('step-up') === '1';
  const extra: Record<string, string> = stepUp ? { prompt: 'login', max_age: String(config.stepUpMaxAgeSeconds) } : {};

  if (params.get('next') !== 'add-passkey') {
    const flow = await startFlow({ state, host, stepUp, lang: texts.hostLang }, config.nextAuthSecret);
    const location = authorizeUrl({ redirectUri: popupCallbackUrl(config.portalUrl), state: flow.oauthState, codeChallenge: flow.codeChallenge, scope: COGNITO_SCOPES, extra: { ...poolLang, ...extra } });
    const cookie = flowCookieHeader(flowCookieName(config.useSecureCookies, flow.oauthState), flow.cookieValue, FLOW_LIFETIME_SECONDS, config.useSecureCookies);
    return new Response(null, { status: 303, headers: { location, 'set-cookie': cookie, 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' } });
  }

  const finish = `/api/auth-popup/finish?${new URLSearchParams({ state, host, ...langQuery(texts.hostLang) }).toString()}`;
  // Someone else's session in that window, or confirming it's them: the pool must ask again.
  const again = stepUp ? extra : params.get('account') === 'other' ? { prompt: 'login' } : {};
  // next-auth passes this query on to /oauth2/authorize: the pool speaks this window's language.
  const signInAction = `/api/auth/signin/cognito?${new URLSearchParams({ ...poolLang, ...again }).toString()}`;
  // next-auth 4 starts sign-in with a POST carrying its CSRF token (double-submit cookie).
  const script = `(async function () {
  var message = document.getElementById('message');
  try {
    var response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
    var csrf = (await response.json()).csrfToken;
    var form = document.createElement('form');
    form.method = 'post';
    form.action = ${scriptJson(signInAction)};
    [['csrfToken', csrf], ['callbackUrl', ${scriptJson(finish)}]].forEach(function (pair) {
      var input = document.createElement('input');
      input.type = 'hidden'; input.name = pair[0]; input.value = pair[1];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  } catch (error) {
    message.textContent = ${scriptJson(t('popupCouldNotStart'))};
  }
})();`;
  return popupPage({
    locale: texts.locale,
    title: t('popupSigningInTitle'),
    message: t('popupTakingYouToSignIn'),
    script,
    nonce,
    formActionOrigins: [config.cognito.oauthOrigin],
    keepOpener: false,
  });
}
