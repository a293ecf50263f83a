import 'server-only';
import { directionOf } from '@/lib/i18n/locales';

/**
 * The sign-in popup's own small pages (/api/auth-popup/*), rendered without React.
 *
 * Signing in from the iframe takes two windows (README, "Embedding"): the relay window P, which
 * the embedded view opens and which never leaves the portal's origin, and the sign-in window Q,
 * which P opens for the round trip through the pool's sign-in pages. Those pages (Cognito's, and
 * the local pool's like them) send `Cross-Origin-Opener-Policy: same-origin`, which moves Q to
 * another browsing context group: Q loses `window.opener` for good, so it hands its result to P
 * over a BroadcastChannel instead (both are first-party top-level windows of the portal, so they
 * share a storage partition; the view, in the host's iframe, does not). P passes it on to
 * `window.opener`, the view.
 *
 * Why not ordinary portal pages: the proxy gives every page `Cross-Origin-Opener-Policy:
 * same-origin`. P is opened by a *cross-origin iframe*, so it starts with `unsafe-none`; a
 * `same-origin` page would move it to a new browsing context group and cut it off from the view.
 * The proxy gives these routes only HSTS, not the pages' headers; they set their own strict
 * ones: a nonce'd inline script only, no framing, no caching.
 */

/** A message of the `embed` namespace in the window's language (lib/embed/popup-texts.ts; testTranslator in tests). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function randomNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that can sit inside a <script> element without ending it. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function popupPage({
  locale,
  title,
  message,
  script,
  nonce,
  formActionOrigins = [],
  status = 200,
  button,
  keepOpener = true,
}: {
  /** The language its texts are in (`<html lang dir>`). */
  locale: string;
  title: string;
  message: string;
  script?: string;
  nonce: string;
  formActionOrigins?: readonly string[];
  status?: number;
  /** One button (id `action`), focused on load; the script gives it its behaviour. */
  button?: string;
  /** P must keep its opener (the view); Q needs none, so its pages cut it (`same-origin`). */
  keepOpener?: boolean;
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
<html lang="${escapeHtml(locale)}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">:root{color-scheme:light dark}body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:28rem;padding:0 1.5rem}button{font:inherit;font-weight:600;padding:.5rem 1rem;border-radius:.375rem;border:0;background:#4338ca;color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #818cf8;outline-offset:2px}button[disabled]{opacity:.6;cursor:default}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p id="message" role="status">${escapeHtml(message)}</p>${button ? `<p><button type="button" id="action" autofocus>${escapeHtml(button)}</button></p>` : ''}</main>
${script ? `<script nonce="${nonce}">${script}</script>` : ''}
</body></html>`;
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'private, no-store',
      'content-security-policy': csp,
      'x-frame-options': 'DENY',
      // Explicitly: the relay window must stay reachable from the view that opened it (see above).
      'cross-origin-opener-policy': keepOpener ? 'unsafe-none' : 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
}
