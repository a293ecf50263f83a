import type { NextRequest } from 'next/server';
import { refreshSessionInProxy } from '@/lib/auth/refresh-session';

// Cookies can be written here but not in Server Components, so the session's tokens are refreshed here.
export function proxy(request: NextRequest) {
  return refreshSessionInProxy(request);
}

export const config = {
  // Pages and server actions; next-auth's own routes and static files keep their cookies to themselves.
  matcher: ['/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
