import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi, preflightHeaders } from './api';
import type { PoolConfig } from './config';
import type { PoolContext } from './context';
import { handleControl } from './control';
import { sendJson } from './http';
import { handleOidc } from './oidc';
import { Store } from './store';
import { TokenService } from './tokens';

export type PoolInfo = {
  endpoint: string;
  region: string;
  userPoolId: string;
  clientId: string;
  issuer: string;
  portalUrl: string;
  relyingPartyId: string;
  dataFile: string;
  demoUsername: string;
  demoPassword: string;
};

export type RunningPool = { info: PoolInfo; ctx: PoolContext; close: () => Promise<void> };

async function route(req: IncomingMessage, res: ServerResponse, ctx: PoolContext) {
  const url = new URL(req.url ?? '/', ctx.config.endpoint);
  if (url.pathname === '/' && req.method === 'OPTIONS') {
    const requested = req.headers['access-control-request-headers'];
    res.writeHead(204, preflightHeaders(typeof requested === 'string' ? requested : undefined));
    res.end();
    return;
  }
  if (url.pathname === '/' && req.method === 'POST') return handleApi(req, res, ctx);
  if (url.pathname.startsWith('/_local/')) return handleControl(req, res, ctx, url.pathname);
  if (await handleOidc(req, res, ctx, url)) return;
  sendJson(res, 404, { message: 'Not found' });
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the local user pool on loopback only (IPv4, and IPv6 where the machine has it),
 * so `localhost` reaches it whichever address a client tries first.
 */
export async function startPool(config: PoolConfig): Promise<RunningPool> {
  const { store } = Store.open(config);
  // Requests can only arrive after listen(), by which time the context is complete.
  const holder: { ctx?: PoolContext } = {};
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, holder.ctx!).catch((error) => {
      console.error('[local-pool] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal error' });
      else res.destroy();
    });
  };
  const servers = [createServer(handler)];
  const port = await listen(servers[0], config.port, '127.0.0.1');
  const v6 = createServer(handler);
  try {
    await listen(v6, port, '::1');
    servers.push(v6);
  } catch {
    // No IPv6 loopback here: IPv4 alone serves localhost.
  }
  config.port = port;
  config.endpoint = `http://localhost:${port}`;
  const issuer = `${config.endpoint}/${store.state.pool.id}`;
  const ctx: PoolContext = { config, store, tokens: new TokenService(store.state, issuer) };
  holder.ctx = ctx;
  for (const server of servers) server.keepAliveTimeout = 5000;

  const info: PoolInfo = {
    endpoint: config.endpoint,
    region: store.state.pool.region,
    userPoolId: store.state.pool.id,
    clientId: store.state.clients[0].clientId,
    issuer,
    portalUrl: config.portalUrl,
    relyingPartyId: config.webauthn.relyingPartyId,
    dataFile: config.dataFile,
    demoUsername: config.demoUser.username,
    demoPassword: config.demoUser.password,
  };
  const close = () =>
    Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    ).then(() => store.commit());
  return { info, ctx, close };
}
