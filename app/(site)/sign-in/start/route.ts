import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { safeReturnPath } from '@/lib/auth/return-path';
import { signInLangParams } from '@/lib/auth/sign-in-lang';
import { freshSignIn, isPageLoad, startSignIn } from '@/lib/auth/sign-in-start';
import { getPortalConfig } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

/**
 * `GET /sign-in/start?callbackUrl=<path>`: straight to the pool's sign-in page (next-auth's own
 * authorization code flow with PKCE and state), and back to the path afterwards. Where opening
 * /security signed out and the home page's "Sign in" lead. The path passes the one return-path
 * gate here and again in next-auth's `redirect` callback; anything else returns to /security.
 */
export async function GET(request: NextRequest) {
  // Not a page load (Next's router fetching a redirect target): no body, so it loads this URL as a page.
  if (!isPageLoad(request.headers)) return new Response(null, { status: 204, headers: { 'cache-control': 'private, no-store', vary: 'rsc, next-router-prefetch, sec-fetch-mode' } });
  const config = getPortalConfig();
  const returnTo = safeReturnPath(request.nextUrl.searchParams.get('callbackUrl') ?? undefined, config.portalUrl);
  const fresh = freshSignIn(request.headers.get('sec-fetch-site'));
  const started = await startSignIn(getAuthOptions(), {
    callbackUrl: `${config.portalUrl}${returnTo}`,
    authorizationParams: { ...(await signInLangParams()), ...(fresh ? { prompt: 'login' } : {}) },
    headers: Object.fromEntries(request.headers),
  });
  const headers = new Headers({ location: started.location, 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
  for (const cookie of started.setCookies) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}
