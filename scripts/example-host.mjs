// `npm run example-host`: a tiny page on another origin that embeds the portal's security view
// (/embed/security), sizes the iframe from the view's `resize` messages and lists its events.
// Flags: --portal (the portal's URL; default as `npm start` announces it: NEXTAUTH_URL, else
// http://localhost:$PORT, else http://localhost:3000, reading .env files as Next does), --port
// (this page's port, default 4100) and --host (its listen address, default 127.0.0.1). The portal
// must list this page's origin, http://127.0.0.1:4100, in EMBED_ALLOWED_ORIGINS; the page says so
// itself when it does not (GET /portal-check asks the portal which origins may frame it).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { frameAncestorsAllow, portalUrlFromEnv } from './start-helpers.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4100' }, host: { type: 'string', default: '127.0.0.1' }, portal: { type: 'string' } },
});
const root = fileURLToPath(new URL('..', import.meta.url));
if (!values.portal) {
  // The same variables `npm start` sees (.env, .env.local, …), so a fresh start finds the same portal URL.
  const require = createRequire(import.meta.url);
  const nextBin = require.resolve('next/dist/bin/next');
  require(require.resolve('@next/env', { paths: [dirname(nextBin)] })).loadEnvConfig(root, false, { info: () => {}, error: console.error });
}
const portalUrl = new URL(values.portal ?? portalUrlFromEnv(process.env)).origin;
const dir = fileURLToPath(new URL('../e2e/example-host/', import.meta.url));
const files = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/host.js': ['host.js', 'text/javascript; charset=utf-8'],
  '/foreign-sender.html': ['foreign-sender.html', 'text/html; charset=utf-8'],
};

/**
 * Asks the portal whether `origin` may frame its embedded view: the frame-ancestors of the answer
 * to /embed/security?host=<origin> (the portal's EMBED_ALLOWED_ORIGINS). A browser cannot read
 * that header across origins, so this server does it for the page.
 */
async function portalCheck(origin) {
  let response;
  try {
    const url = new URL('/embed/security', portalUrl);
    url.searchParams.set('host', origin);
    response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
  } catch {
    return { status: 'unreachable', portalUrl, origin };
  }
  if (response.status >= 500) return { status: 'unreachable', portalUrl, origin };
  const { allowed, listed } = frameAncestorsAllow(response.headers.get('content-security-policy'), origin);
  return { status: allowed ? 'allowed' : 'not-allowed', portalUrl, origin, variable: 'EMBED_ALLOWED_ORIGINS', listed };
}

/** The page's own origin, as its script reports it: an exact http(s) origin, nothing else. */
function requestedOrigin(raw) {
  try {
    const url = new URL(raw ?? '');
    return /^https?:$/.test(url.protocol) && url.origin === raw ? raw : null;
  } catch {
    return null;
  }
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://x');
  if (url.pathname === '/portal-check' && request.method === 'GET') {
    const origin = requestedOrigin(url.searchParams.get('origin'));
    if (!origin) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('origin must be an http(s) origin');
      return;
    }
    void portalCheck(origin).then((result) => response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(result)));
    return;
  }
  const file = files[url.pathname];
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  let body = readFileSync(dir + file[0], 'utf8');
  if (url.pathname === '/') body = body.replace('<script src="/host.js">', `<script>window.EXAMPLE_HOST = ${JSON.stringify({ portalUrl })};</script>\n    <script src="/host.js">`);
  response.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(body);
});

server.listen(Number(values.port), values.host, () => {
  const { port } = server.address();
  const origin = `http://${values.host.includes(':') ? `[${values.host}]` : values.host}:${port}`;
  process.stdout.write(`${JSON.stringify({ origin, portalUrl })}\n`);
  if (!process.stdout.isTTY) return;
  process.stderr.write(`Example host at ${origin}, embedding ${portalUrl}/embed/security (--portal to change).\n`);
  void portalCheck(origin).then((result) => {
    if (result.status === 'unreachable') process.stderr.write(`No portal answers at ${portalUrl} yet: start it with \`EMBED_ALLOWED_ORIGINS=${origin} npm start\`, or pass --portal <its URL>.\n`);
    else if (result.status === 'not-allowed') process.stderr.write(`The portal does not allow ${origin} to embed it: restart it with EMBED_ALLOWED_ORIGINS=${origin}.\n`);
  });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
