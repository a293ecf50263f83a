import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { redirect } from '../http';
import { findClient } from '../sessions';
import { authorizeUrl } from './authorize-request';
import { sendErrorPage } from './error-page';
import { readForm } from './form';
import { userForPassword } from './password-check';
import { OAuthError } from './responses';
import { completeSignIn } from './sign-in-completion';
import { pageLocale } from './language';
import { csrfMatches, openSignInRequest } from './sign-in-form';
import { failedSignInLocation } from './sign-in-notices';

/**
 * `POST /login`: the sign-in form. On success the browser is recorded as a device, a
 * code is issued, the pool's sign-in session starts, and the browser goes back to the
 * client with the code. A wrong username or password is answered with a 303 to a fresh form that
 * shows why (post/redirect/get), so reloading it never posts the password again.
 */
export async function handleLogin(req: IncomingMessage, res: ServerResponse, ctx: PoolContext): Promise<void> {
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendErrorPage(ctx, res, pageLocale(ctx, req), 400, { title: 'error.cannotSignIn', message: 'error.formUnreadable' });
    return;
  }
  const sealed = form.get('request') ?? '';
  const opened = openSignInRequest(ctx, sealed);
  if (!opened) {
    sendErrorPage(ctx, res, pageLocale(ctx, req), 400, { title: 'error.cannotSignIn', message: 'error.formInvalid' });
    return;
  }
  const { request } = opened;
  const locale = pageLocale(ctx, req, request.lang);
  const retryUrl = authorizeUrl(ctx, request);
  const csrfField = form.get('csrf') ?? '';
  if (!csrfMatches(ctx, req, csrfField)) {
    sendErrorPage(ctx, res, locale, 403, { title: 'error.cannotSignIn', message: 'error.formUnchecked', retryUrl });
    return;
  }
  if (opened.expired) {
    sendErrorPage(ctx, res, locale, 400, { title: 'error.formExpiredTitle', message: 'error.formExpired', retryUrl });
    return;
  }
  // The client may have lost this redirect address since the form was shown.
  const client = findClient(ctx, request.clientId);
  if (!client || !client.callbackUrls.includes(request.redirectUri)) {
    sendErrorPage(ctx, res, locale, 400, { title: 'error.cannotSignIn', message: 'error.clientGone' });
    return;
  }

  const username = form.get('username') ?? '';
  const user = userForPassword(ctx, username, form.get('password') ?? '');
  if (!user) {
    redirect(res, failedSignInLocation(ctx, req, request, 'wrong-password', username), {}, 303);
    return;
  }

  await completeSignIn(ctx, req, res, { user, client, request, method: 'password' });
}
