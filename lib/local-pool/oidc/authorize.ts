import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { redirect, sendHtml } from '../http';
import { clientRedirect, validateAuthorizeRequest } from './authorize-request';
import { sendErrorPage } from './error-page';
import { csrfForForm, sealSignInRequest } from './sign-in-form';
import { renderSignInPage } from './sign-in-page';

/** `GET /oauth2/authorize`: checks the request, then shows the sign-in form. */
export function handleAuthorize(req: IncomingMessage, res: ServerResponse, ctx: PoolContext, url: URL): void {
  const result = validateAuthorizeRequest(ctx, url.searchParams);
  if (result.kind === 'show-error') {
    sendErrorPage(res, 400, { title: 'Cannot sign in', message: result.message });
    return;
  }
  if (result.kind === 'redirect-error') {
    redirect(res, clientRedirect(result.redirectUri, { error: result.error, error_description: result.description, state: result.state }));
    return;
  }
  const csrf = csrfForForm(ctx, req);
  const html = renderSignInPage({ clientName: result.client.name, sealedRequest: sealSignInRequest(ctx, result.request), csrfField: csrf.field });
  sendHtml(res, 200, html, csrf.setCookie ? { 'Set-Cookie': csrf.setCookie } : {});
}
