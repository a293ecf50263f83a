import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { redirect } from '../http';
import { findClient } from '../sessions';
import { sendErrorPage } from './error-page';
import { singleParam } from './form';

function logoutTarget(ctx: PoolContext, query: URLSearchParams): { logoutUri: string } | { problem: string } {
  let clientId: string | undefined;
  let logoutUri: string | undefined;
  try {
    clientId = singleParam(query, 'client_id');
    logoutUri = singleParam(query, 'logout_uri');
  } catch {
    return { problem: 'The sign-out link names more than one app or return address.' };
  }
  const client = clientId ? findClient(ctx, clientId) : undefined;
  if (!client) return { problem: 'The app that sent you here is not known to this user pool.' };
  // Exact match only: anything looser would let any link bounce people to any site.
  if (!logoutUri || !client.logoutUrls.includes(logoutUri)) return { problem: 'The address the app asked to return to after signing out is not registered for it.' };
  return { logoutUri };
}

/**
 * `GET /logout?client_id=…&logout_uri=…`: sends the browser back to one of the
 * client's sign-out addresses. The pool keeps no sign-in session of its own yet, so
 * there is nothing to clear here.
 */
export function handleLogout(_req: IncomingMessage, res: ServerResponse, ctx: PoolContext, url: URL): void {
  const target = logoutTarget(ctx, url.searchParams);
  if ('problem' in target) {
    sendErrorPage(res, 400, { title: 'Cannot sign out', message: target.problem });
    return;
  }
  redirect(res, target.logoutUri);
}
