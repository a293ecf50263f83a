import 'server-only';

/**
 * The sign-in popup's own small pages (/api/auth-popup/*), rendered without React.
 *
 * Why not ordinary portal pages: every page the proxy serves carries
 * `Cross-Origin-Opener-Policy: same-origin`. A popup opened by the *cross-origin iframe* starts
 * with `unsafe-none` (its opener's top-level page is the host), so the first navigation to a
 * `same-origin` page moves it to a new browsing context group and `window.opener` becomes null:
 * the handoff could never reach the view. These routes sit beside next-auth's /api/auth/* (which
 * the proxy skips), so every page of the popup's round trip — these, next-auth's redirects, the
 * pool's sign-in page and next-auth's callback — keeps the opener. They set their own strict
 * headers instead: a nonce'd inline script only, no framing, no caching.
 */

export function randomNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that can sit inside a <script> element without ending it. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function popupPage({
  title,
  message,
  script,
  nonce,
  formActionOrigins = [],
  status = 200,
}: {
  title: string;
  message: string;
  script?: string;
  nonce: string;
  formActionOrigins?: readonly string[];
  status?: number;
}): Response {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    `form-action 'self' ${formActionOrigins.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">:root{color-scheme:light dark}body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:28rem;padding:0 1.5rem}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p id="message" role="status">${escapeHtml(message)}</p></main>
${script ? `<script nonce="${nonce}">${script}</script>` : ''}
</body></html>`;
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'private, no-store',
      'content-security-policy': csp,
      'x-frame-options': 'DENY',
      // Explicitly: the popup must stay reachable from the view that opened it (see above).
      'cross-origin-opener-policy': 'unsafe-none',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
}
