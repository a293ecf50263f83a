import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestInfo } from './context';

export class BodyTooLargeError extends Error {}

/**
 * Reads a request body of at most `limitBytes`. A larger body is read to its end without
 * being kept (so the client can still read the error), up to 16 times the limit.
 */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes * 16) {
      req.destroy();
      break;
    }
    if (size <= limitBytes) chunks.push(chunk as Buffer);
  }
  if (size > limitBytes) throw new BodyTooLargeError(`Request body exceeds ${limitBytes} bytes`);
  return Buffer.concat(chunks);
}

export function requestInfo(req: IncomingMessage): RequestInfo {
  const raw = req.socket.remoteAddress ?? '127.0.0.1';
  return { ip: raw.startsWith('::ffff:') ? raw.slice(7) : raw, userAgent: String(req.headers['user-agent'] ?? '') };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string | string[]> = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // The sign-in page must never be framed, as Cognito's cannot be.
    'Content-Security-Policy': "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
    'X-Frame-Options': 'DENY',
    // As Cognito's managed sign-in pages: a popup that passes through them loses its window.opener.
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(html);
}

/** `status` 303 (See Other) answers a form post, so the page it leads to is fetched with GET and never posted again. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}, status: 302 | 303 = 302) {
  res.writeHead(status, { Location: location, 'Cache-Control': 'no-store', ...headers });
  res.end();
}

export function parseCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (!name || name in out) continue;
    const value = part.slice(index + 1).trim();
    // Every app on localhost shares this cookie jar: one malformed value must not break the pool.
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}
