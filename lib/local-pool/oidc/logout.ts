import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { redirect } from '../http';
import { findClient } from '../sessions';
import { sendErrorPage } from './error-page';
import { singleParam } from './form';
import type { PoolMessageKey } from './i18n/locales';
import { pageLocale, requestedLang } from './language';
import { clearSignInSessionCookie, endSignInSession } from './sign-in-sessions';

function logoutTarget(ctx: PoolContext, query: URLSearchParams): { logoutUri: string } | { problem: PoolMessageKey } {
  let clientId: string | undefined;
  let logoutUri: string | undefined;
  try {
    clientId = singleParam(query, 'client_id');
    logoutUri = singleParam(query, 'logout_uri');
  } catch {
    return { problem: 'error.signOutLinkRepeated' };
  }
  const client = clientId ? findClient(ctx, clientId) : undefined;
  if (!client) return { problem: 'error.unknownClient' };
  // Exact match only: anything looser would let any link bounce people to any site.
  if (!logoutUri || !client.logoutUrls.includes(logoutUri)) return { problem: 'error.unregisteredLogout' };
  return { logoutUri };
}

/**
 * `GET /logout?client_id=…&logout_uri=…`: ends the pool's sign-in session (its record and
 * its cookie), so the next authorize shows the form again, and sends the browser back to
 * one of the client's sign-out addresses. A request with a bad client or address ends
 * nothing: the page then says that signing out did not happen.
 */
export async function handleLogout(req: IncomingMessage, res: ServerResponse, ctx: PoolContext, url: URL): Promise<void> {
  const target = logoutTarget(ctx, url.searchParams);
  if ('problem' in target) {
    sendErrorPage(ctx, res, pageLocale(ctx, req, requestedLang(url.searchParams)), 400, { title: 'error.cannotSignOut', message: target.problem });
    return;
  }
  if (endSignInSession(ctx, req)) await ctx.store.commit();
  redirect(res, target.logoutUri, { 'Set-Cookie': clearSignInSessionCookie(ctx) });
}
