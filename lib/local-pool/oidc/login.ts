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
    sendErrorPage(ctx, res, 400, { title: 'Cannot sign in', message: 'The sign-in form could not be read. Go back to the app and sign in again.' });
    return;
  }
  const sealed = form.get('request') ?? '';
  const opened = openSignInRequest(ctx, sealed);
  if (!opened) {
    sendErrorPage(ctx, res, 400, { title: 'Cannot sign in', message: 'This sign-in form is not valid. Go back to the app and sign in again.' });
    return;
  }
  const { request } = opened;
  const retryUrl = authorizeUrl(ctx, request);
  const csrfField = form.get('csrf') ?? '';
  if (!csrfMatches(ctx, req, csrfField)) {
    sendErrorPage(ctx, res, 403, { title: 'Cannot sign in', message: 'This sign-in form could not be checked: it may have been sent from another page, or cookies may be blocked.', retryUrl });
    return;
  }
  if (opened.expired) {
    sendErrorPage(ctx, res, 400, { title: 'Sign-in form expired', message: 'This sign-in form was open too long.', retryUrl });
    return;
  }
  // The client may have lost this redirect address since the form was shown.
  const client = findClient(ctx, request.clientId);
  if (!client || !client.callbackUrls.includes(request.redirectUri)) {
    sendErrorPage(ctx, res, 400, { title: 'Cannot sign in', message: 'The app that sent you here no longer accepts this sign-in.' });
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
