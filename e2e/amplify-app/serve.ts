// Serves the Amplify app (app.ts, bundled by esbuild) from an origin of its own: 127.0.0.1 on a free
// port, while the pool answers on localhost, so every call from the page is cross-origin with a preflight.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amplify app</title></head><body><main><h1>Amplify app</h1></main><script type="module" src="/app.js"></script></body></html>';

export type AmplifyAppServer = { origin: string; close: () => Promise<void> };

export async function serveAmplifyApp(): Promise<AmplifyAppServer> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0].text;
  const server: Server = createServer((req, res) => {
    if (req.url === '/app.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(script);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
