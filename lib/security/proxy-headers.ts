import { NextRequest, NextResponse } from 'next/server';
import { embedLangOf, LANG_REQUEST_HEADER } from '@/lib/i18n/embed-lang';
import { createNonce, isPageRoute, securityHeaders, transportHeaders, type SecurityHeaderInput } from './headers';

export type ProxyHeaderOptions = Omit<SecurityHeaderInput, 'pathname' | 'nonce'>;

/** Headers the proxy sets on the request it forwards; one sent from outside is replaced, never trusted. */
export const NONCE_REQUEST_HEADER = 'x-nonce';
/**
 * The session the proxy decoded, for the page (lib/auth/forwarded-session.ts). Only the proxy may
 * set it: a copy sent from outside is deleted here before anything reads the request, and the
 * page also checks its MAC (keyed from NEXTAUTH_SECRET) and that it belongs to the cookie it sees.
 */
export const SESSION_CLAIMS_HEADER = 'x-portal-session';
const CSP = 'content-security-policy';

/**
 * Runs `handle` (the proxy's own work, e.g. the session refresh) on a copy of the request that
 * carries this request's Content-Security-Policy, then puts the security headers on whatever it
 * answers. Next.js reads the nonce from the *forwarded request's* CSP header and applies it to
 * its scripts, so the header must reach the page however `handle` continued:
 * - `NextResponse.next({ request: { headers } })` built from the request it was given: the CSP is
 *   among those headers already;
 * - a plain `NextResponse.next()`: it is replaced by one that forwards the CSP (keeping any
 *   headers and cookies it set);
 * - a redirect or any other answer: it just gets the response headers.
 */
export async function withSecurityHeaders(
  request: NextRequest,
  options: ProxyHeaderOptions,
  handle: (request: NextRequest) => Promise<NextResponse> | NextResponse,
  nonce: string = createNonce(),
): Promise<NextResponse> {
  const headers = securityHeaders({ ...options, pathname: request.nextUrl.pathname, nonce });
  const forwarded = new Headers(request.headers);
  forwarded.delete(SESSION_CLAIMS_HEADER); // never trust one sent from outside
  // The embedded view's `?lang=` (the host app's language), checked: the page's locale (lib/i18n/lang-param.ts).
  forwarded.delete(LANG_REQUEST_HEADER);
  const lang = embedLangOf(request.nextUrl);
  if (lang) forwarded.set(LANG_REQUEST_HEADER, lang);
  forwarded.set(CSP, headers['Content-Security-Policy']);
  forwarded.set(NONCE_REQUEST_HEADER, nonce);
  // No body: `handle` only looks at the method, URL, headers and cookies, and Next.js goes on with
  // the original request (whose body a server action still needs), taking only the headers from here.
  const withCsp = new NextRequest(request.url, { method: request.method, headers: forwarded });

  let response = await handle(withCsp);
  const continues = response.headers.get('x-middleware-next') === '1';
  if (continues && !response.headers.has('x-middleware-override-headers')) {
    const replacement = NextResponse.next({ request: { headers: forwarded } });
    for (const [name, value] of response.headers) {
      if (!name.startsWith('x-middleware-')) replacement.headers.append(name, value);
    }
    response = replacement;
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * The proxy's whole job, for every route: pages get their security headers around `handle`
 * (withSecurityHeaders); every other response (static files, next-auth's and the sign-in
 * windows' routes) goes on untouched but for the transport headers (HSTS over https).
 */
export async function withResponseHeaders(
  request: NextRequest,
  options: ProxyHeaderOptions,
  handle: (request: NextRequest) => Promise<NextResponse> | NextResponse,
): Promise<NextResponse> {
  if (isPageRoute(request.nextUrl.pathname)) return withSecurityHeaders(request, options, handle);
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(transportHeaders(options.https))) response.headers.set(name, value);
  return response;
}
