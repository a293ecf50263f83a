import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { redirect, sendHtml } from '../http';
import { nowSeconds } from '../store';
import { recentEnough } from './authorize-prompt';
import { authorizeUrl, clientRedirect, validateAuthorizeRequest } from './authorize-request';
import { sendErrorPage } from './error-page';
import { forgotPasswordUrl } from './forgot-password';
import { pageLocale, rememberLangCookie } from './language';
import { passkeysOfferedOnPage } from './passkey-sign-in';
import { isPasskeyNotice } from './sign-in-messages';
import { completeSilentSignIn } from './sign-in-completion';
import { csrfForForm, sealSignInRequest } from './sign-in-form';
import { noticeFor } from './sign-in-notices';
import { renderSignInPage } from './sign-in-page';
import { currentSignInSession } from './sign-in-sessions';

/**
 * `GET /oauth2/authorize`: checks the request, then signs the person in from the pool's sign-in
 * session when it has one that fits (no `prompt=login`, not older than `max_age`), and otherwise
 * shows the sign-in form — or, with `prompt=none`, sends `login_required` back to the client.
 * After a failed attempt the form comes back here (post/redirect/get) naming its notice.
 */
export async function handleAuthorize(req: IncomingMessage, res: ServerResponse, ctx: PoolContext, url: URL): Promise<void> {
  const result = validateAuthorizeRequest(ctx, url.searchParams);
  if (result.kind === 'show-error') {
    const cookie = rememberLangCookie(ctx, req, result.lang);
    sendErrorPage(ctx, res, pageLocale(ctx, req, result.lang), 400, { title: 'error.cannotSignIn', message: result.message }, cookie ? { 'Set-Cookie': cookie } : {});
    return;
  }
  if (result.kind === 'redirect-error') {
    redirect(res, clientRedirect(result.redirectUri, { error: result.error, error_description: result.description, state: result.state }));
    return;
  }
  const { request, client } = result;
  // `lang` chooses the language and the browser remembers it, as at Cognito, even when no page is shown now.
  const langCookie = rememberLangCookie(ctx, req, request.lang);
  if (langCookie) res.setHeader('Set-Cookie', langCookie);
  const current = currentSignInSession(ctx, req);
  if (current && request.prompt !== 'login' && recentEnough(request, current.session.authTime, nowSeconds())) {
    await completeSilentSignIn(ctx, req, res, current, request);
    return;
  }
  if (request.prompt === 'none') {
    const description = current ? 'The sign-in is older than max_age allows; the user must sign in again.' : 'The user is not signed in.';
    redirect(res, clientRedirect(request.redirectUri, { error: 'login_required', error_description: description, state: request.state }));
    return;
  }
  const csrf = csrfForForm(ctx, req);
  const notice = noticeFor(ctx, req, url);
  const passkeys = passkeysOfferedOnPage(ctx);
  const html = renderSignInPage({
    locale: pageLocale(ctx, req, request.lang),
    productName: ctx.config.branding.productName,
    clientName: client.name,
    sealedRequest: sealSignInRequest(ctx, request),
    csrfField: csrf.field,
    // Signing in again (prompt=login, or max_age passed): the person is known, only the proof is asked for.
    username: notice?.username || current?.user.username,
    notice: notice?.notice,
    passkeys,
    passkeyAutofill: passkeys && !(notice && isPasskeyNotice(notice.notice)),
    forgotPasswordUrl: forgotPasswordUrl(authorizeUrl(ctx, request)),
  });
  const cookies = [langCookie, csrf.setCookie].filter((cookie): cookie is string => cookie !== undefined);
  sendHtml(res, 200, html, cookies.length > 0 ? { 'Set-Cookie': cookies } : {});
}
