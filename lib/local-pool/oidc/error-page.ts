import type { ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { sendHtml } from '../http';
import { message, type PoolLocale, type PoolMessageKey } from './i18n/locales';
import { escapeHtml, renderPage } from './page-layout';

export type ErrorPage = { title: PoolMessageKey; message: PoolMessageKey; retryUrl?: string };

/** A dead end for the browser, said plainly in the page's language; `retryUrl` offers a fresh start when the pool can build one. */
export function sendErrorPage(
  ctx: PoolContext,
  res: ServerResponse,
  locale: PoolLocale,
  status: number,
  page: ErrorPage,
  headers: Record<string, string | string[]> = {},
) {
  const title = message(locale, page.title);
  const retry = page.retryUrl ? `\n<p><a href="${escapeHtml(page.retryUrl)}">${escapeHtml(message(locale, 'error.retry'))}</a></p>` : '';
  sendHtml(res, status, renderPage(locale, ctx.config.branding.productName, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message(locale, page.message))}</p>${retry}`), headers);
}
