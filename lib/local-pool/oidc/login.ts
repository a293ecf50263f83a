import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { redirect, sendHtml } from '../http';
import { findClient } from '../sessions';
import { nowSeconds } from '../store';
import { issueAuthorizationCode } from './auth-codes';
import { authorizeUrl, clientRedirect } from './authorize-request';
import { rememberBrowserDevice } from './devices';
import { sendErrorPage } from './error-page';
import { readForm } from './form';
import { userForPassword } from './password-check';
import { OAuthError } from './responses';
import { csrfMatches, openSignInRequest } from './sign-in-form';
import { renderSignInPage } from './sign-in-page';

/**
 * `POST /login`: the sign-in form. On success the browser is recorded as a device, a
 * code is issued, and the browser goes back to the client with it.
 */
export async function handleLogin(req: IncomingMessage, res: ServerResponse, ctx: PoolContext): Promise<void> {
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendErrorPage(res, 400, { title: 'Cannot sign in', message: 'The sign-in form could not be read. Go back to the app and sign in again.' });
    return;
  }
  const sealed = form.get('request') ?? '';
  const opened = openSignInRequest(ctx, sealed);
  if (!opened) {
    sendErrorPage(res, 400, { title: 'Cannot sign in', message: 'This sign-in form is not valid. Go back to the app and sign in again.' });
    return;
  }
  const { request } = opened;
  const retryUrl = authorizeUrl(ctx, request);
  const csrfField = form.get('csrf') ?? '';
  if (!csrfMatches(ctx, req, csrfField)) {
    sendErrorPage(res, 403, { title: 'Cannot sign in', message: 'This sign-in form could not be checked: it may have been sent from another page, or cookies may be blocked.', retryUrl });
    return;
  }
  if (opened.expired) {
    sendErrorPage(res, 400, { title: 'Sign-in form expired', message: 'This sign-in form was open too long.', retryUrl });
    return;
  }
  // The client may have lost this redirect address since the form was shown.
  const client = findClient(ctx, request.clientId);
  if (!client || !client.callbackUrls.includes(request.redirectUri)) {
    sendErrorPage(res, 400, { title: 'Cannot sign in', message: 'The app that sent you here no longer accepts this sign-in.' });
    return;
  }

  const username = form.get('username') ?? '';
  const user = userForPassword(ctx, username, form.get('password') ?? '');
  if (!user) {
    sendHtml(res, 400, renderSignInPage({ clientName: client.name, sealedRequest: sealed, csrfField, username, failed: true }));
    return;
  }

  const { device, setCookie } = rememberBrowserDevice(ctx, req, user);
  const code = issueAuthorizationCode(ctx, {
    sub: user.sub,
    clientId: client.clientId,
    redirectUri: request.redirectUri,
    scope: request.scope,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    authTime: nowSeconds(),
    deviceKey: device.deviceKey,
  });
  await ctx.store.commit();
  redirect(res, clientRedirect(request.redirectUri, { code, state: request.state }), { 'Set-Cookie': setCookie });
}
