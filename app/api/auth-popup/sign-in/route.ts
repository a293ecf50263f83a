import type { NextRequest } from 'next/server';
import { readPopupRequest } from '@/lib/auth/popup-request';
import { popupPage, scriptJson } from '@/lib/embed/popup-page';

export const dynamic = 'force-dynamic';

/**
 * The sign-in window Q's first page, opened by the relay window P (/api/auth-popup/start) with
 * P's `?state=…&host=…`. Already
 * signed in to the portal in this browser (first-party): straight on to the handoff. Otherwise it
 * starts next-auth's ordinary sign-in (authorization code with PKCE, top-level, first-party
 * cookies) with the handoff page as its callbackUrl (or, with `next=add-passkey`, the embedded
 * view's add-passkey popup page, which needs the top-level session and no handoff). With
 * `step-up=1` it always signs in again, with prompt=login and max_age (see below).
 */
export async function GET(request: NextRequest) {
  const popup = await readPopupRequest(request, 'Sign-in cannot start');
  if (popup instanceof Response) return popup;
  const { config, host, state, nonce, session } = popup;
  // step-up=1: the view needs a recent sign-in (to change passkeys or devices), so the pool must
  // ask again (prompt=login) whatever sessions exist; the new tokens' auth_time is what counts.
  const stepUp = request.nextUrl.searchParams.get('step-up') === '1';
  // next=add-passkey: the embedded view's add-passkey popup (/embed/add-passkey) needs a session first.
  const addPasskey = request.nextUrl.searchParams.get('next') === 'add-passkey';
  const finish =
    addPasskey
      ? `/embed/add-passkey?${new URLSearchParams({ state, host, signedIn: '1' }).toString()}`
      : `/api/auth-popup/finish?${new URLSearchParams({ state, host }).toString()}`;
  if (session && !stepUp) {
    return Response.redirect(new URL(finish, config.portalUrl), 303);
  }
  const signInAction = stepUp
    ? `/api/auth/signin/cognito?${new URLSearchParams({ prompt: 'login', max_age: String(config.stepUpMaxAgeSeconds) }).toString()}`
    : '/api/auth/signin/cognito';
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
    message.textContent = 'Sign-in could not start. Close this window and try again.';
  }
})();`;
  return popupPage({
    title: 'Signing in…',
    message: 'Taking you to your organisation’s sign-in page…',
    script,
    nonce,
    formActionOrigins: [config.cognito.oauthOrigin],
    keepOpener: addPasskey,
  });
}
