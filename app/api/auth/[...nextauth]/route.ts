import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { isNextAuthSignIn, signInLangParams } from '@/lib/auth/sign-in-lang';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are read per request (and cached), so building the app needs no Cognito configuration.
async function handler(request: NextRequest, context: RouteContext) {
  // next-auth passes a sign-in's query on to the pool's /oauth2/authorize: the person's language
  // goes with it, unless the caller already chose one.
  if (isNextAuthSignIn(request.method, request.nextUrl.pathname) && !request.nextUrl.searchParams.has('lang')) {
    for (const [name, value] of Object.entries(await signInLangParams())) request.nextUrl.searchParams.set(name, value);
  }
  return NextAuth(getAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
