import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { redirect } from '../http';
import { nowSeconds, type AppClient, type SignInSession, type User } from '../store';
import { issueAuthorizationCode } from './auth-codes';
import { clientRedirect, type AuthorizeRequest } from './authorize-request';
import { browserDeviceOf, rememberBrowserDevice } from './devices';
import { startSignInSession, type CurrentSignInSession } from './sign-in-sessions';

/**
 * The end of a hosted sign-in in which the person just authenticated (password or passkey): the
 * browser is recorded as one of their devices, a code is issued with auth_time = now, the pool's
 * sign-in session starts (replacing any this browser had), and the browser goes back to the client.
 */
export async function completeSignIn(
  ctx: PoolContext,
  req: IncomingMessage,
  res: ServerResponse,
  signIn: { user: User; client: AppClient; request: AuthorizeRequest; method: SignInSession['method'] },
): Promise<void> {
  const { user, client, request } = signIn;
  const authTime = nowSeconds();
  const { device, setCookie: deviceCookie } = rememberBrowserDevice(ctx, req, user);
  const code = issueAuthorizationCode(ctx, {
    sub: user.sub,
    clientId: client.clientId,
    redirectUri: request.redirectUri,
    scope: request.scope,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    authTime,
    deviceKey: device.deviceKey,
  });
  const sessionCookie = startSignInSession(ctx, req, user, signIn.method, authTime);
  await ctx.store.commit();
  redirect(res, clientRedirect(request.redirectUri, { code, state: request.state }), { 'Set-Cookie': [deviceCookie, sessionCookie] });
}

/**
 * A sign-in from the pool's session, with no form: the code carries the auth_time of the sign-in
 * that started the session, not now — nobody authenticated just now. The browser's device is used
 * as it is (its last-authenticated time is not moved either).
 */
export async function completeSilentSignIn(
  ctx: PoolContext,
  req: IncomingMessage,
  res: ServerResponse,
  current: CurrentSignInSession,
  request: AuthorizeRequest,
): Promise<void> {
  const { session, user } = current;
  const device = browserDeviceOf(ctx, req, user);
  const code = issueAuthorizationCode(ctx, {
    sub: user.sub,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    scope: request.scope,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    authTime: session.authTime,
    ...(device ? { deviceKey: device.deviceKey } : {}),
  });
  await ctx.store.commit();
  redirect(res, clientRedirect(request.redirectUri, { code, state: request.state }));
}
