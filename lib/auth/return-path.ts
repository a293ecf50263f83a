import 'server-only';

export const DEFAULT_RETURN_PATH = '/security';

/** Longer than any path the portal has, with room for its query; anything longer is refused, not cut. */
export const MAX_RETURN_PATH_LENGTH = 2048;

// Resolves relative paths when the caller does not know the portal's origin; never a real host.
const PLACEHOLDER_ORIGIN = 'http://portal.invalid';
const CONTROL_OR_BACKSLASH = /[\\\u0000-\u001f\u007f-\u009f]/;

/**
 * The decision on the *final* value: what a browser would make of `path` (on `origin`) stays on
 * that origin, and reading it again gives the same path. A path that normalises to `//host` or
 * `/\host` would be a scheme-relative URL to another site in a `Location` header.
 */
function staysOnOrigin(path: string, origin: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || CONTROL_OR_BACKSLASH.test(path)) return false;
  const again = new URL(path, origin);
  return again.origin === origin && `${again.pathname}${again.search}${again.hash}` === path;
}

/**
 * The one gate for every return path the portal accepts (the sign-in page's `callbackUrl`,
 * next-auth's `redirect` callback, and through it the step-up and add-passkey windows' returns):
 * a path on the portal's own origin, normalised as a browser would (dot segments, `%2e`), or the
 * default. The raw value is refused if it has backslashes or control characters (browsers strip
 * tabs and newlines and read `\` as `/`), is not a string, or is too long; an absolute URL is
 * accepted only on `portalOrigin`. Then the normalised result is checked again, because
 * normalising is what turns `/.//evil.example` into `//evil.example`.
 */
export function safeReturnPath(value: unknown, portalOrigin?: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RETURN_PATH_LENGTH) return DEFAULT_RETURN_PATH;
  if (CONTROL_OR_BACKSLASH.test(value)) return DEFAULT_RETURN_PATH;
  if (value.startsWith('//')) return DEFAULT_RETURN_PATH;
  // A path, or only a full URL on the portal's own origin (as next-auth passes its callbackUrl).
  const relative = value.startsWith('/');
  if (!relative && !portalOrigin) return DEFAULT_RETURN_PATH;
  let url: URL;
  let origin: string;
  try {
    url = relative ? new URL(value, PLACEHOLDER_ORIGIN) : new URL(value);
    origin = relative ? PLACEHOLDER_ORIGIN : new URL(portalOrigin!).origin;
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== origin || url.username || url.password) return DEFAULT_RETURN_PATH;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.length <= MAX_RETURN_PATH_LENGTH && staysOnOrigin(path, origin) ? path : DEFAULT_RETURN_PATH;
}

/**
 * next-auth's `redirect` callback: where it sends the browser after signing in or out. Only a
 * return path on the portal (safeReturnPath), as an absolute URL on `baseUrl`.
 */
export function redirectWithinPortal({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  return `${origin}${safeReturnPath(url, origin)}`;
}

/** The route that starts a sign-in at once (app/(site)/sign-in/start): the pool's sign-in page, then back to the path. */
export const SIGN_IN_START_PATH = '/sign-in/start';

/** Straight to the pool's sign-in page, returning to `returnTo` (through the return-path gate) afterwards. */
export function signInStartPath(returnTo: string): string {
  return `${SIGN_IN_START_PATH}?${new URLSearchParams({ callbackUrl: safeReturnPath(returnTo) }).toString()}`;
}

/**
 * Where a page that needs a session sends someone without one: straight to the pool's sign-in
 * page; or, when their session has just ended (`reason`), to the portal's sign-in page, which says
 * so (and does not bounce back on a cookie that still decrypts but no longer works).
 */
export function signInPath(returnTo: string, reason?: 'session-ended'): string {
  if (!reason) return signInStartPath(returnTo);
  const params = new URLSearchParams({ callbackUrl: safeReturnPath(returnTo) });
  if (reason) params.set('reason', reason);
  return `/sign-in?${params.toString()}`;
}
