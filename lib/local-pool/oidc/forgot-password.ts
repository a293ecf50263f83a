import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { sendHtml } from '../http';
import { authorizeUrl, validateAuthorizeRequest } from './authorize-request';
import { translator } from './i18n/locales';
import { pageLocale, requestedLang } from './language';
import { codeHtml, escapeHtml, messageHtml, renderPage } from './page-layout';

export const FORGOT_PASSWORD_PATH = '/forgot-password';

/**
 * The sign-in page's "Forgot your password?" link: this page, with the sign-in's own authorize
 * parameters, so "Back to sign in" returns to the same sign-in. Only relative to the pool.
 */
export function forgotPasswordUrl(authorizeHref: string): string {
  return `${FORGOT_PASSWORD_PATH}${new URL(authorizeHref).search}`;
}

/**
 * `GET /forgot-password`: what the local pool does about a forgotten password. It has no email or
 * SMS, so it says how a developer resets a local user instead. The way back is rebuilt from
 * parameters that pass the authorize checks (a registered client and redirect address), so this
 * page cannot be made to link anywhere else. In the sign-in's language (its `lang`, or the
 * browser's remembered one).
 */
export function handleForgotPassword(req: IncomingMessage, res: ServerResponse, ctx: PoolContext, url: URL): void {
  const locale = pageLocale(ctx, req, requestedLang(url.searchParams));
  const t = translator(locale);
  const checked = validateAuthorizeRequest(ctx, url.searchParams);
  const back = checked.kind === 'ok' ? `\n<p><a href="${escapeHtml(authorizeUrl(ctx, checked.request))}">${escapeHtml(t('forgot.back'))}</a></p>` : '';
  const demoUser = messageHtml(locale, 'forgot.demoUser', { user: codeHtml(ctx.config.demoUser.username), variable: codeHtml('LOCAL_POOL_DEMO_PASSWORD') });
  const anyUser = messageHtml(locale, 'forgot.anyUser', {
    tokenVariable: codeHtml('LOCAL_POOL_ADMIN_TOKEN'),
    request: codeHtml('PUT /_local/users/<username>/password'),
    body: codeHtml('{"password": "…"}'),
  });
  const startOver = messageHtml(locale, 'forgot.startOver', { dataVariable: codeHtml('LOCAL_POOL_DATA'), defaultPath: codeHtml('.local-pool/state.json') });
  const body = `<h1>${escapeHtml(t('forgot.title'))}</h1>
<p>${escapeHtml(t('forgot.lead'))}</p>
<p>${escapeHtml(t('forgot.howHeading'))}</p>
<ul>
<li>${demoUser}</li>
<li>${anyUser}</li>
<li>${startOver}</li>
</ul>
<p class="small">${escapeHtml(t('forgot.cognito'))}</p>${back}`;
  sendHtml(res, 200, renderPage(locale, ctx.config.branding.productName, t('forgot.title'), body));
}
