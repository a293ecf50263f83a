import { createServer, type Server } from 'node:http';
import httpProxy from 'http-proxy';

/** One request as the proxy passed it on: to which instance (0-based). */
export type ProxiedRequest = { method: string; path: string; instance: number };

export type RoundRobinProxy = { served: ProxiedRequest[]; close: () => Promise<void> };

/**
 * A load balancer in front of several portal instances: every request goes to the next instance
 * in turn, whatever connection it came on (no stickiness), with the headers a real one adds
 * (X-Forwarded-Host/Proto/For). http-proxy does the forwarding.
 */
export async function startRoundRobinProxy(port: number, targets: string[]): Promise<RoundRobinProxy> {
  const proxy = httpProxy.createProxyServer({ xfwd: true, changeOrigin: false, ws: false });
  const served: ProxiedRequest[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    const instance = next;
    next = (next + 1) % targets.length;
    served.push({ method: req.method ?? 'GET', path: req.url ?? '/', instance });
    proxy.web(req, res, { target: targets[instance] }, (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => resolve());
  });
  return {
    served,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
