import type { ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { sendHtml } from '../http';
import { escapeHtml, renderPage } from './page-layout';

/** A dead end for the browser, said plainly; `retryUrl` offers a fresh start when the pool can build one. */
export function sendErrorPage(ctx: PoolContext, res: ServerResponse, status: number, options: { title: string; message: string; retryUrl?: string }, headers: Record<string, string> = {}) {
  const retry = options.retryUrl ? `\n<p><a href="${escapeHtml(options.retryUrl)}">Start signing in again</a></p>` : '';
  sendHtml(res, status, renderPage(ctx.config.branding.productName, options.title, `<h1>${escapeHtml(options.title)}</h1>\n<p>${escapeHtml(options.message)}</p>${retry}`), headers);
}
