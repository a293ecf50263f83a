import 'server-only';

export const DEFAULT_RETURN_PATH = '/security';

/**
 * A same-site path to return to after sign-in, or the default. Anything that could leave the
 * portal (absolute URLs, `//host`, backslashes, control characters) is refused.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return DEFAULT_RETURN_PATH;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return DEFAULT_RETURN_PATH;
  try {
    const url = new URL(value, 'http://portal.invalid');
    if (url.origin !== 'http://portal.invalid') return DEFAULT_RETURN_PATH;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return DEFAULT_RETURN_PATH;
  }
}

/** The portal's sign-in page, told where to return and, when known, why the person is there. */
export function signInPath(returnTo: string, reason?: 'session-ended'): string {
  const params = new URLSearchParams({ callbackUrl: safeReturnPath(returnTo) });
  if (reason) params.set('reason', reason);
  return `/sign-in?${params.toString()}`;
}
