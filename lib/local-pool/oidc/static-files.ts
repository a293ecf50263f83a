import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ICON_PATH } from './page-layout';
import { PASSKEY_SCRIPT_PATH } from './sign-in-page';

/** The pool's few static files, read once: the page script its CSP (`script-src 'self'`) allows, and the portal's mark. */
const FILES: Record<string, { body: Buffer; type: string }> = {
  [PASSKEY_SCRIPT_PATH]: { body: readFileSync(new URL('./static/passkey-sign-in.js', import.meta.url)), type: 'text/javascript; charset=utf-8' },
  [ICON_PATH]: { body: readFileSync(new URL('./static/icon.svg', import.meta.url)), type: 'image/svg+xml' },
};

export const STATIC_PATHS = Object.keys(FILES);

/** `GET /static/…`. */
export function sendStaticFile(req: IncomingMessage, res: ServerResponse, path: string): void {
  const file = FILES[path];
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': file.body.length,
    // Revalidated each time: a pool restarted with a newer script must not run an old one.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}
