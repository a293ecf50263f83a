import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are read per request (and cached), so building the app needs no Cognito configuration.
async function handler(request: Request, context: RouteContext) {
  return NextAuth(getAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
