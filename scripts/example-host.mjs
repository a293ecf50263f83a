// `npm run example-host`: a tiny page on another origin that embeds the portal's security view
// (/embed/security), sizes the iframe from the view's `resize` messages and lists its events.
// Options: --port (default 4100), --host (listen address, default 127.0.0.1), --portal (the
// portal's URL, default $NEXTAUTH_URL or http://localhost:3000). Put its origin,
// http://127.0.0.1:4100, in the portal's EMBED_ALLOWED_ORIGINS.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4100' }, host: { type: 'string', default: '127.0.0.1' }, portal: { type: 'string' } },
});
const portalUrl = values.portal ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
const dir = fileURLToPath(new URL('../e2e/example-host/', import.meta.url));
const files = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/host.js': ['host.js', 'text/javascript; charset=utf-8'],
  '/foreign-sender.html': ['foreign-sender.html', 'text/html; charset=utf-8'],
};

const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const file = files[path];
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  let body = readFileSync(dir + file[0], 'utf8');
  if (path === '/') body = body.replace('<script src="/host.js">', `<script>window.EXAMPLE_HOST = ${JSON.stringify({ portalUrl })};</script>\n    <script src="/host.js">`);
  response.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(body);
});

server.listen(Number(values.port), values.host, () => {
  const { port } = server.address();
  const origin = `http://${values.host.includes(':') ? `[${values.host}]` : values.host}:${port}`;
  process.stdout.write(`${JSON.stringify({ origin, portalUrl })}\n`);
  if (!process.stdout.isTTY) return;
  process.stderr.write(`Example host at ${origin}, embedding ${portalUrl}/embed/security. Set EMBED_ALLOWED_ORIGINS=${origin} for the portal.\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
