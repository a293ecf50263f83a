import type { NextRequest } from 'next/server';
import { refreshSessionInProxy } from '@/lib/auth/refresh-session';
import { getPortalConfig } from '@/lib/config/env';
import { withSecurityHeaders } from '@/lib/security/proxy-headers';

// Cookies can be written here but not in Server Components, so the session's tokens are refreshed
// here; and every page gets its security headers here, with a fresh CSP nonce per request.
export function proxy(request: NextRequest) {
  const config = getPortalConfig();
  return withSecurityHeaders(
    request,
    {
      https: config.useSecureCookies,
      // Signing out without JavaScript is a form post that the server redirects to the pool's /logout.
      formActionOrigins: [config.cognito.oauthOrigin],
      // Only the embedded view (/embed/*) may be framed, and only by these origins; every other page by nobody.
      embedAllowedOrigins: config.embedAllowedOrigins,
      development: process.env.NODE_ENV === 'development',
    },
    refreshSessionInProxy,
  );
}

export const config = {
  // Pages and server actions; next-auth's own routes and static files keep their cookies to themselves
  // (next.config.mjs gives them the baseline headers).
  // api/auth-popup/ is left out on purpose: the embed's sign-in popup must keep its opener (the
  // iframe) to hand the session back, and the pages' Cross-Origin-Opener-Policy would cut it off.
  // Its two routes set their own strict headers (lib/embed/popup-page.ts).
  matcher: ['/((?!api/auth/|api/auth-popup/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
