import type { NextRequest } from 'next/server';
import { readPopupRequest } from '@/lib/auth/popup-request';
import { popupPage, scriptJson } from '@/lib/embed/popup-page';

export const dynamic = 'force-dynamic';

/**
 * The sign-in popup's first page, opened by the embedded view with `?state=…&host=…`. Already
 * signed in to the portal in this browser (first-party): straight on to the handoff. Otherwise it
 * starts next-auth's ordinary sign-in (authorization code with PKCE, top-level, first-party
 * cookies) with the handoff page as its callbackUrl (or, with `next=add-passkey`, the embedded
 * view's add-passkey popup page, which needs the top-level session and no handoff).
 */
export async function GET(request: NextRequest) {
  const popup = await readPopupRequest(request, 'Sign-in cannot start');
  if (popup instanceof Response) return popup;
  const { config, host, state, nonce, session } = popup;
  // next=add-passkey: the embedded view's add-passkey popup (/embed/add-passkey) needs a session first.
  const finish =
    request.nextUrl.searchParams.get('next') === 'add-passkey'
      ? `/embed/add-passkey?${new URLSearchParams({ state, host, signedIn: '1' }).toString()}`
      : `/api/auth-popup/finish?${new URLSearchParams({ state, host }).toString()}`;
  if (session) {
    return Response.redirect(new URL(finish, config.portalUrl), 303);
  }
  // next-auth 4 starts sign-in with a POST carrying its CSRF token (double-submit cookie).
  const script = `(async function () {
  var message = document.getElementById('message');
  try {
    var response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
    var csrf = (await response.json()).csrfToken;
    var form = document.createElement('form');
    form.method = 'post';
    form.action = '/api/auth/signin/cognito';
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
  });
}
