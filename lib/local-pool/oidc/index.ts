import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from '../context';
import { sendJson } from '../http';
import { handleAuthorize } from './authorize';
import { sendDiscovery, sendJwks } from './discovery';
import { sendErrorPage } from './error-page';
import { FORGOT_PASSWORD_PATH, handleForgotPassword } from './forgot-password';
import { pageLocale, requestedLang } from './language';
import { handleLogin } from './login';
import { handleLogout } from './logout';
import { handlePasskeyLogin, handlePasskeyOptions } from './passkey-sign-in';
import { OPEN_CORS_PREFLIGHT_HEADERS } from './responses';
import { handleRevoke } from './revoke';
import { sendStaticFile, STATIC_PATHS } from './static-files';
import { handleToken } from './token';
import { handleUserInfo } from './userinfo';

type Route = {
  methods: string[];
  /** Callable from any origin's scripts (so preflights are answered). */
  openCors?: boolean;
  /** Reached by people in a browser, so errors are pages rather than JSON. */
  page?: boolean;
  handle: (req: IncomingMessage, res: ServerResponse, ctx: PoolContext, url: URL) => void | Promise<void>;
};

function routes(ctx: PoolContext): Record<string, Route> {
  const poolId = ctx.store.state.pool.id;
  return {
    [`/${poolId}/.well-known/openid-configuration`]: { methods: ['GET'], openCors: true, handle: (_req, res) => sendDiscovery(res, ctx) },
    [`/${poolId}/.well-known/jwks.json`]: { methods: ['GET'], openCors: true, handle: (_req, res) => sendJwks(res, ctx) },
    '/oauth2/authorize': { methods: ['GET'], page: true, handle: handleAuthorize },
    '/login': { methods: ['POST'], page: true, handle: handleLogin },
    '/oauth2/token': { methods: ['POST'], openCors: true, handle: handleToken },
    '/oauth2/userInfo': { methods: ['GET', 'POST'], openCors: true, handle: handleUserInfo },
    '/oauth2/revoke': { methods: ['POST'], openCors: true, handle: handleRevoke },
    '/logout': { methods: ['GET'], page: true, handle: handleLogout },
    [FORGOT_PASSWORD_PATH]: { methods: ['GET'], page: true, handle: handleForgotPassword },
    // The hosted page's passkey sign-in: request options for its script (JSON), then the assertion (a page).
    '/passkey/options': { methods: ['POST'], handle: handlePasskeyOptions },
    '/passkey/login': { methods: ['POST'], page: true, handle: handlePasskeyLogin },
    ...Object.fromEntries(STATIC_PATHS.map((path): [string, Route] => [path, { methods: ['GET', 'HEAD'], handle: (req, res) => sendStaticFile(req, res, path) }])),
  };
}

/** The pool's OIDC provider: Cognito's hosted sign-in, as an OIDC client (next-auth) uses it. */
export async function handleOidc(req: IncomingMessage, res: ServerResponse, ctx: PoolContext, url: URL): Promise<boolean> {
  const table = routes(ctx);
  const route = Object.hasOwn(table, url.pathname) ? table[url.pathname] : undefined;
  if (!route) return false;
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS' && route.openCors) {
    res.writeHead(204, OPEN_CORS_PREFLIGHT_HEADERS);
    res.end();
    return true;
  }
  if (!route.methods.includes(method)) {
    const allow = { Allow: route.methods.join(', ') };
    if (route.page) sendErrorPage(ctx, res, pageLocale(ctx, req, requestedLang(url.searchParams)), 405, { title: 'error.pageUnavailableTitle', message: 'error.pageUnavailable' }, allow);
    else sendJson(res, 405, { message: `Use ${route.methods.join(' or ')}.` }, allow);
    return true;
  }
  await route.handle(req, res, ctx, url);
  return true;
}
