import { NextResponse, type NextRequest } from 'next/server';
import { refreshSessionInProxy } from '@/lib/auth/refresh-session';
import { isHiddenBenchFloor } from '@/lib/bench/floor';
import { getPortalConfig } from '@/lib/config/env';
import { withResponseHeaders } from '@/lib/security/proxy-headers';

// Cookies can be written here but not in Server Components, so the session's tokens are refreshed
// here; every page gets its security headers here, with a fresh CSP nonce per request; and every
// response of any route gets HSTS over https from here (lib/security/headers.ts, transportHeaders).
export function proxy(request: NextRequest) {
  const config = getPortalConfig();
  return withResponseHeaders(
    request,
    {
      https: config.useSecureCookies,
      // Signing out without JavaScript is a form post that the server redirects to the pool's /logout.
      formActionOrigins: [config.cognito.oauthOrigin],
      // Only the embedded view (/embed/*) may be framed, and only by these origins; every other page by nobody.
      embedAllowedOrigins: config.embedAllowedOrigins,
      development: process.env.NODE_ENV === 'development',
    },
    // The bench's framework-floor page is a plain 404 on any portal the bench did not start.
    (forwarded) => (isHiddenBenchFloor(forwarded.nextUrl.pathname) ? new NextResponse('Not found', { status: 404 }) : refreshSessionInProxy(forwarded)),
  );
}

export const config = {
  // Every route. Only pages and server actions get the page headers and the session refresh;
  // static files, next-auth's /api/auth/* and the embed's sign-in windows /api/auth-popup/* get
  // only HSTS (isPageRoute in lib/security/headers.ts lists them and says why).
  matcher: ['/:path*'],
};
