import 'server-only';

/**
 * The session cookie's name and chunking, exactly as next-auth 4 writes them, so the proxy can
 * rewrite the cookie after a refresh and next-auth still reads it (and the other way round).
 */

// next-auth's own figure: 4096 bytes per cookie less ~163 for name and attributes.
const CHUNK_SIZE = 4096 - 163;

type CookieAttributes =
  | { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean }
  /** The embedded view's session: sent in a cross-site iframe only as a partitioned (CHIPS) cookie. */
  | { httpOnly: true; sameSite: 'none'; path: '/'; secure: true; partitioned: true };

export type CookieWrite = { name: string; value: string; options: CookieAttributes & { maxAge: number } };

/** Which session: the portal's own (top-level, next-auth's cookie) or the embedded view's (in a host's iframe). */
export type SessionKind = 'portal' | 'embed';

/**
 * The embedded view's session cookie: the same encrypted token as next-auth's, under its own name,
 * `SameSite=None; Secure; Partitioned`, so a browser stores it in the host site's partition and
 * sends it only to the portal framed by that site. `__Host-`: Secure, Path=/, no Domain.
 */
export const EMBED_SESSION_COOKIE = '__Host-portal-embed-session';

/**
 * The portal's own session cookie: `__Host-` over https (Secure, Path=/, no Domain), so no other
 * host — a sibling subdomain included — can set or overwrite it (cookie tossing); next-auth's
 * default `__Secure-` name does not stop that. Over plain http (local use only) browsers allow no
 * prefix, so it is next-auth's plain name. buildAuthOptions gives next-auth the same name.
 */
export function sessionCookieName(secure: boolean, kind: SessionKind = 'portal'): string {
  if (kind === 'embed') return EMBED_SESSION_COOKIE;
  return `${secure ? '__Host-' : ''}next-auth.session-token`;
}

/** The portal session cookie's attributes as next-auth should write them (its `cookies` option). */
export function portalSessionCookieOptions(secure: boolean): { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean } {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure };
}

function attributes(secure: boolean, kind: SessionKind): CookieAttributes {
  return kind === 'embed'
    ? { httpOnly: true, sameSite: 'none', path: '/', secure: true, partitioned: true }
    : portalSessionCookieOptions(secure);
}

function isSessionCookie(name: string, base: string): boolean {
  return name === base || (name.startsWith(`${base}.`) && /^(?:0|[1-9]\d{0,2})$/.test(name.slice(base.length + 1)));
}

/** Names of the cookies that currently make up the session (the whole one, or its chunks). */
export function sessionCookieNames(cookies: ReadonlyArray<{ name: string }>, base: string): string[] {
  return cookies.map((c) => c.name).filter((name) => isSessionCookie(name, base));
}

/**
 * Joins the session cookie from its chunks; undefined when there is none. Only what the portal
 * writes is read: the whole cookie alone, or chunks `.0` to `.n-1` alone. Both at once, or chunks
 * with a gap, were not written by the portal (it expires the rest on every write), so they count
 * as no session rather than letting an extra cookie win.
 */
export function readSessionCookie(cookies: ReadonlyArray<{ name: string; value: string }>, base: string): string | undefined {
  const whole = cookies.filter((c) => c.name === base);
  const chunks = cookies
    .filter((c) => c.name !== base && isSessionCookie(c.name, base))
    .map((c) => ({ index: Number(c.name.slice(base.length + 1)), value: c.value }))
    .sort((a, b) => a.index - b.index);
  if (chunks.length === 0) return whole.length === 1 ? whole[0].value || undefined : undefined;
  if (whole.length > 0 || chunks.some((c, i) => c.index !== i)) return undefined;
  return chunks.map((c) => c.value).join('');
}

/**
 * The cookies to set for a new session value: one cookie, or `.0`, `.1`, … chunks when it is too
 * big for one; every existing session cookie not rewritten is expired.
 */
export function sessionCookieWrites(
  value: string,
  existing: readonly string[],
  base: string,
  secure: boolean,
  maxAge: number,
  kind: SessionKind = 'portal',
): CookieWrite[] {
  const options = attributes(secure, kind);
  const count = Math.ceil(value.length / CHUNK_SIZE);
  const writes: CookieWrite[] =
    count <= 1
      ? [{ name: base, value, options: { ...options, maxAge } }]
      : Array.from({ length: count }, (_, i) => ({
          name: `${base}.${i}`,
          value: value.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE),
          options: { ...options, maxAge },
        }));
  const written = new Set(writes.map((w) => w.name));
  for (const name of existing) {
    if (!written.has(name)) writes.push({ name, value: '', options: { ...options, maxAge: 0 } });
  }
  return writes;
}

/** Expires every existing session cookie. */
export function sessionCookieClears(existing: readonly string[], secure: boolean, kind: SessionKind = 'portal'): CookieWrite[] {
  return existing.map((name) => ({ name, value: '', options: { ...attributes(secure, kind), maxAge: 0 } }));
}
