import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { path: string; headers: IncomingMessage['headers']; form: URLSearchParams };
export type Reply = { status: number; body: unknown } | 'hang';

/**
 * A stand-in for a pool's /oauth2/* endpoints for unit tests: records each request and answers
 * with whatever `reply` says. The e2e tests use the real local pool instead.
 */
export async function startFakeOAuthEndpoint(reply: (request: RecordedRequest) => Reply) {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const recorded = { path: req.url ?? '', headers: req.headers, form: new URLSearchParams(body) };
      requests.push(recorded);
      const answer = reply(recorded);
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
