import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { sendHtml } from '../http';
import { authorizeUrl, validateAuthorizeRequest } from './authorize-request';
import { escapeHtml, renderPage } from './page-layout';
import { FORGOT_PASSWORD } from './sign-in-messages';

export const FORGOT_PASSWORD_PATH = '/forgot-password';

/**
 * The sign-in page's "Forgot your password?" link: this page, with the sign-in's own authorize
 * parameters, so "Back to sign in" returns to the same sign-in. Only relative to the pool.
 */
export function forgotPasswordUrl(authorizeHref: string): string {
  return `${FORGOT_PASSWORD_PATH}${new URL(authorizeHref).search}`;
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

/**
 * `GET /forgot-password`: what the local pool does about a forgotten password. It has no email or
 * SMS, so it says how a developer resets a local user instead. The way back is rebuilt from
 * parameters that pass the authorize checks (a registered client and redirect address), so this
 * page cannot be made to link anywhere else.
 */
export function handleForgotPassword(_req: IncomingMessage, res: ServerResponse, ctx: PoolContext, url: URL): void {
  const checked = validateAuthorizeRequest(ctx, url.searchParams);
  const back = checked.kind === 'ok' ? `\n<p><a href="${escapeHtml(authorizeUrl(ctx, checked.request))}">${escapeHtml(FORGOT_PASSWORD.backLink)}</a></p>` : '';
  const demo = ctx.config.demoUser.username;
  const body = `<h1>${escapeHtml(FORGOT_PASSWORD.title)}</h1>
<p>${escapeHtml(FORGOT_PASSWORD.lead)}</p>
<p>${escapeHtml(FORGOT_PASSWORD.howHeading)}</p>
<ul>
<li>The demo user (${code(demo)}): set ${code('LOCAL_POOL_DEMO_PASSWORD')} and restart the pool. On every start it sets the demo user’s password to that value.</li>
<li>Any user, with the pool’s control API turned on (${code('LOCAL_POOL_ADMIN_TOKEN')}): ${code('PUT /_local/users/<username>/password')} with ${code('{"password": "…"}')} and that token as a Bearer token.</li>
<li>Start over: stop the pool and delete its state file (${code('LOCAL_POOL_DATA')}, by default ${code('.local-pool/state.json')}). Every user, passkey and device is removed, and the demo user is created again.</li>
</ul>
<p class="small">${escapeHtml(FORGOT_PASSWORD.cognito)}</p>${back}`;
  sendHtml(res, 200, renderPage(ctx.config.branding.productName, FORGOT_PASSWORD.title, body));
}
