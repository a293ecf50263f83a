/**
 * The portal's security headers for pages, in one place: pure functions of the route and the
 * deployment, applied per request by proxy.ts (see ./proxy-headers.ts). Static files and
 * next-auth's routes get only HSTS from the proxy (transportHeaders); next.config.mjs gives them
 * the baseline (BASELINE_HEADERS, kept equal to it by a test).
 *
 * Scripts are allowed by a per-request nonce ('strict-dynamic' lets the nonce'd Next.js runtime load
 * its chunks); Next.js reads the nonce from the request's Content-Security-Policy header and puts it
 * on every script it renders, so every page must render per request (they all read the session).
 *
 * Styles: <style> elements need the nonce (Next.js puts it on the ones it renders); style
 * *attributes* are allowed ('unsafe-inline' in style-src-attr) because React renders `style` props as
 * attributes and a nonce cannot cover an attribute. Inline styles cannot run code; the residual risk
 * is CSS-based exfiltration via injected attributes, which needs an HTML injection first.
 */

/** The embedded view (a later issue); its framing origins come from EMBED_ALLOWED_ORIGINS. */
export const EMBED_PATH_PREFIX = '/embed';

/**
 * Top-level popups the embedded view opens (adding a passkey where the host's iframe may not):
 * nobody may frame them, and they must keep `window.opener` to tell the view they are done, so
 * their Cross-Origin-Opener-Policy is `unsafe-none` (a popup of a cross-origin iframe starts with
 * `unsafe-none`; a `same-origin` page would move it to another browsing context group).
 */
export const EMBED_POPUP_PATHS: readonly string[] = ['/embed/add-passkey'];

/** Routes that run WebAuthn ceremonies (adding a passkey), so they may use the WebAuthn API. */
export const WEBAUTHN_PATH_PREFIXES: readonly string[] = ['/security', EMBED_PATH_PREFIX];

/** Headers every response gets, pages or not (next.config.mjs sets them for the routes that are not pages). */
export const BASELINE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

/** Two years, as hstspreload.org asks; includeSubDomains, but not `preload` (a decision for the operator). */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/**
 * Routes that are not pages and set (or need) none of the pages' headers: static files and
 * images, next-auth's /api/auth/* (next.config.mjs gives it a script-free CSP) and the embed's
 * sign-in windows /api/auth-popup/* (lib/embed/popup-page.ts: their own CSP, and a COOP that
 * keeps the relay window's opener, which the pages' `same-origin` would cut). The proxy still
 * sees them, for the transport headers alone (transportHeaders).
 */
const NOT_PAGE_PREFIXES: readonly string[] = ['/api/auth/', '/api/auth-popup/', '/_next/static/', '/_next/image'];
const NOT_PAGE_FILES: readonly string[] = ['/favicon.ico', '/icon.svg', '/robots.txt'];

export function isPageRoute(pathname: string): boolean {
  return !NOT_PAGE_PREFIXES.some((prefix) => pathname.startsWith(prefix)) && !NOT_PAGE_FILES.includes(pathname);
}

/**
 * Headers for every response over https, pages or not: HSTS. The one place that decides it,
 * applied by the proxy to everything it sees (which is every route): the decision depends on the
 * deployment's NEXTAUTH_URL at run time, which next.config.mjs's headers (fixed at build) cannot know.
 */
export function transportHeaders(https: boolean): Record<string, string> {
  return https ? { 'Strict-Transport-Security': HSTS_VALUE } : {};
}

/**
 * Features the portal never uses, switched off for every page and anything it frames. Only names
 * Chromium recognises: an unknown one makes it log an error to the console on every page.
 */
const DISABLED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

export type SecurityHeaderInput = {
  /** The request's path, e.g. `/security`. */
  pathname: string;
  /** This request's nonce (createNonce()); base64, never reused. */
  nonce: string;
  /** True when the portal is served over https (NEXTAUTH_URL): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /**
   * Origins allowed to frame the embedded view (`/embed/*`), from EMBED_ALLOWED_ORIGINS. Ignored on
   * every other route, which nobody may frame. Empty: nobody may frame the embedded view either.
   */
  embedAllowedOrigins?: readonly string[];
  /**
   * Origins a form post may end up at through a redirect besides the portal itself: the pool's
   * hosted UI, where signing out without JavaScript (a plain form post) is redirected to /logout.
   */
  formActionOrigins?: readonly string[];
  /** `next dev`: React needs eval for its debugging aids. Never in production. */
  development?: boolean;
};

function underPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function isEmbedPopupRoute(pathname: string): boolean {
  return EMBED_POPUP_PATHS.includes(pathname);
}

/** The framed embedded view (`/embed/*`), not the popups it opens. */
export function isEmbeddedRoute(pathname: string): boolean {
  return underPrefix(pathname, EMBED_PATH_PREFIX) && !isEmbedPopupRoute(pathname);
}

export function usesWebAuthn(pathname: string): boolean {
  return WEBAUTHN_PATH_PREFIXES.some((prefix) => underPrefix(pathname, prefix));
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const SAFE_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * Checks a list of origins for a CSP source list: each an absolute https origin (plain http only
 * for loopback hosts unless `plainHttp` is 'any'), no path, no wildcard, nothing that could end the
 * directive. Returns the normalised origins; throws naming the bad entry.
 */
export function parseOrigins(origins: readonly string[], what = 'origin', plainHttp: 'loopback' | 'any' = 'loopback'): string[] {
  return origins.map((raw) => {
    const value = raw.trim();
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${what} must be an absolute URL such as https://host.example (got "${raw}").`);
    }
    const plainHttpAllowed = url.protocol === 'http:' && (plainHttp === 'any' || LOOPBACK.has(url.hostname));
    if ((url.protocol !== 'https:' && !plainHttpAllowed) || url.origin === 'null') {
      throw new Error(`${what} must use https${plainHttp === 'any' ? ' or http' : ' (http only for localhost)'} (got "${raw}").`);
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
      throw new Error(`${what} must be an origin without a path (got "${raw}").`);
    }
    // Host names, IPv4 and [IPv6] only: no wildcard, and nothing that could end the directive.
    if (!SAFE_ORIGIN.test(url.origin)) throw new Error(`${what} must name one host, without wildcards (got "${raw}").`);
    return url.origin;
  });
}

/** The frame-ancestors source list for a route: `'none'` except on the embedded view with allowed origins. */
export function frameAncestors(pathname: string, embedAllowedOrigins: readonly string[] = []): string[] {
  if (!isEmbeddedRoute(pathname) || embedAllowedOrigins.length === 0) return ["'none'"];
  return parseOrigins(embedAllowedOrigins, 'An embed allowed origin');
}

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** A fresh nonce: 16 random bytes in base64 (128 bits, as CSP3 recommends at least). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

// Stands in for the nonce while the policy's fixed parts are built: a NUL can be in no source.
const NONCE_SLOT = '\u0000';
const POLICY_CACHE_MAX = 64;
const policyParts = new Map<string, readonly string[]>();

/**
 * The policy for one kind of route and deployment, split where the nonce goes. Everything but the
 * nonce depends only on the deployment (fixed per process) and on whether the route is the framed
 * embedded view, so it is built (origins parsed and checked) once per process, not per request.
 */
function policyTemplate(input: Omit<SecurityHeaderInput, 'nonce'>): readonly string[] {
  const embedded = isEmbeddedRoute(input.pathname);
  const key = JSON.stringify([embedded, input.https, Boolean(input.development), input.formActionOrigins ?? [], embedded ? (input.embedAllowedOrigins ?? []) : []]);
  const cached = policyParts.get(key);
  if (cached) return cached;
  const nonce = `'nonce-${NONCE_SLOT}'`;
  const formAction = ["'self'", ...parseOrigins(input.formActionOrigins ?? [], 'A form-action origin', 'any')];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // 'self' only matters to browsers without 'strict-dynamic' (CSP2), which ignore it otherwise.
    ['script-src', "'self'", nonce, "'strict-dynamic'", ...(input.development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", nonce],
    ['style-src-elem', "'self'", nonce],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    // Server actions, RSC navigation and next-auth's client all fetch the portal itself.
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', ...formAction],
    ['frame-src', "'none'"],
    ['frame-ancestors', ...frameAncestors(input.pathname, input.embedAllowedOrigins)],
  ];
  const policy = directives.map((d) => d.join(' '));
  if (input.https) policy.push('upgrade-insecure-requests');
  const parts = Object.freeze(policy.join('; ').split(NONCE_SLOT));
  if (policyParts.size >= POLICY_CACHE_MAX) policyParts.clear();
  policyParts.set(key, parts);
  return parts;
}

/** The Content-Security-Policy value for one request: the route's fixed policy with this request's nonce. */
export function contentSecurityPolicy(input: SecurityHeaderInput): string {
  if (!NONCE.test(input.nonce)) throw new Error('The CSP nonce must be base64 of at least 12 random bytes.');
  return policyTemplate(input).join(input.nonce);
}

/** The Permissions-Policy value: WebAuthn for this origin on the routes that add passkeys, nothing else anywhere. */
export function permissionsPolicy(pathname: string): string {
  const webauthn = usesWebAuthn(pathname) ? '(self)' : '()';
  return [
    ...DISABLED_FEATURES.map((feature) => `${feature}=()`),
    `publickey-credentials-create=${webauthn}`,
    `publickey-credentials-get=${webauthn}`,
  ].join(', ');
}

const headerSets = new Map<string, Readonly<Record<string, string>>>();

/** Every security header of a page response but the CSP: fixed per deployment and kind of route, so built once each. */
function fixedHeaders(input: Omit<SecurityHeaderInput, 'nonce'>): Readonly<Record<string, string>> {
  const { pathname } = input;
  const embedded = isEmbeddedRoute(pathname);
  const key = JSON.stringify([embedded, isEmbedPopupRoute(pathname), usesWebAuthn(pathname), input.https, embedded ? (input.embedAllowedOrigins ?? []) : []]);
  const cached = headerSets.get(key);
  if (cached) return cached;
  const ancestors = frameAncestors(pathname, input.embedAllowedOrigins);
  const headers: Record<string, string> = {
    ...BASELINE_HEADERS,
    'Permissions-Policy': permissionsPolicy(pathname),
    // Sign-in leaves and returns by top-level navigation, never through an opener, so nothing needs it;
    // except the embedded view's popups, which must keep the opener (see EMBED_POPUP_PATHS).
    'Cross-Origin-Opener-Policy': isEmbedPopupRoute(pathname) ? 'unsafe-none' : 'same-origin',
  };
  // X-Frame-Options cannot list origins: DENY where nobody may frame, else only frame-ancestors.
  if (ancestors.length === 1 && ancestors[0] === "'none'") headers['X-Frame-Options'] = 'DENY';
  const result = Object.freeze({ ...headers, ...transportHeaders(input.https) });
  if (headerSets.size >= POLICY_CACHE_MAX) headerSets.clear();
  headerSets.set(key, result);
  return result;
}

/** Every security header of a page response, by name. */
export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return { 'Content-Security-Policy': contentSecurityPolicy(input), ...fixedHeaders(input) };
}
