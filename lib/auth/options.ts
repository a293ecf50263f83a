import 'server-only';
import type { Account, AuthOptions, Profile, Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { RefreshResult } from '@/lib/cognito/oauth';
import { getPortalConfig, type PortalConfig } from '@/lib/config/env';
import { redirectWithinPortal } from './return-path';
import { portalSessionCookieOptions, sessionCookieName } from './session-cookie';
import { revokeSessionRefreshToken } from './revoke-session';
import { authTimeFromTokens, coalescedRefresh, identityFromClaims, nowSeconds, refreshIfNeeded, SESSION_MAX_AGE_SECONDS, sessionTokenSchema, type SessionToken } from './session-token';

/** Scopes the portal asks for; aws.cognito.signin.user.admin lets the access token call the user's own Cognito operations. */
export const COGNITO_SCOPES = 'openid email profile aws.cognito.signin.user.admin';

type CognitoIdTokenClaims = Profile & Record<string, unknown> & { sub: string };

/** A generic OIDC provider for the pool, with id `cognito` so the callback is /api/auth/callback/cognito. */
export function cognitoProvider(cognito: PortalConfig['cognito']): OAuthConfig<CognitoIdTokenClaims> {
  return {
    id: 'cognito',
    name: 'Cognito',
    type: 'oauth',
    wellKnown: `${cognito.issuer}/.well-known/openid-configuration`,
    issuer: cognito.issuer,
    clientId: cognito.clientId,
    ...(cognito.clientSecret
      ? { clientSecret: cognito.clientSecret }
      : // A public app client: PKCE instead of a secret (next-auth issue #5141).
        { client: { token_endpoint_auth_method: 'none' } }),
    checks: ['pkce', 'state'],
    authorization: { params: { scope: COGNITO_SCOPES } },
    idToken: true,
    profile(claims) {
      const { name, email } = identityFromClaims(claims);
      return { id: claims.sub, name, email };
    },
  };
}

/** The session token at sign-in, from the tokens of the code exchange. */
export function sessionTokenFromSignIn(token: JWT, account: Account, now = nowSeconds()): SessionToken {
  if (!account.access_token || !account.refresh_token || !account.expires_at) {
    throw new Error('The pool did not return an access token, a refresh token and an expiry.');
  }
  return sessionTokenSchema.parse({
    sub: token.sub ?? account.providerAccountId,
    name: token.name ?? null,
    email: token.email ?? null,
    authTime: authTimeFromTokens({ idToken: account.id_token, accessToken: account.access_token }),
    cognito: {
      accessToken: account.access_token,
      refreshToken: account.refresh_token,
      accessTokenExpiresAt: account.expires_at,
      accessTokenLifetimeSeconds: Math.max(1, account.expires_at - now),
    },
  });
}

/** What `/api/auth/session` and `useSession` may see: who is signed in, never a token. */
export function publicSession(session: Session, token: JWT): Session {
  return {
    user: { name: typeof token.name === 'string' ? token.name : null, email: typeof token.email === 'string' ? token.email : null },
    expires: session.expires,
  };
}

/** The pool's token endpoint calls the options make; replaced in tests. */
export type PoolCalls = {
  refresh: (refreshToken: string) => Promise<RefreshResult>;
  revoke: (refreshToken: string) => Promise<boolean>;
};

const POOL: PoolCalls = { refresh: coalescedRefresh, revoke: revokeSessionRefreshToken };

/** next-auth's options for this configuration. */
export function buildAuthOptions(config: PortalConfig, pool: PoolCalls = POOL): AuthOptions {
  return {
    secret: config.nextAuthSecret,
    useSecureCookies: config.useSecureCookies,
    // `__Host-` over https (session-cookie.ts); next-auth's other cookies keep its own names.
    cookies: { sessionToken: { name: sessionCookieName(config.useSecureCookies), options: portalSessionCookieOptions(config.useSecureCookies) } },
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [cognitoProvider(config.cognito)],
    pages: { signIn: '/sign-in', error: '/sign-in' },
    callbacks: {
      async jwt({ token, account }) {
        if (account) return sessionTokenFromSignIn(token, account);
        // /api/auth/session: the proxy gives it only HSTS (no session refresh), so refresh here too.
        const current = sessionTokenSchema.safeParse(token);
        if (!current.success) throw new Error('Session token has an unexpected shape.');
        const outcome = await refreshIfNeeded(current.data, pool.refresh);
        // Throwing makes next-auth clear the session cookie.
        if (outcome.status === 'ended') throw new Error('The pool refused to refresh the session.');
        return outcome.token;
      },
      session({ session, token }) {
        return publicSession(session, token);
      },
      // Every callbackUrl next-auth follows (sign-in, the step-up's return with its resume, the
      // add-passkey window's /api/auth-popup/finish, sign-out) goes through the one return-path gate.
      redirect: redirectWithinPortal,
    },
    events: {
      // next-auth's own POST /api/auth/signout only clears the cookie; the portal's sign-out
      // (sign-out.ts) also revokes. Revoke here too, so that route cannot leave the refresh token
      // usable. It cannot end the pool's own session: that needs the browser at the pool's /logout.
      async signOut({ token }) {
        const current = sessionTokenSchema.safeParse(token);
        if (current.success) await pool.revoke(current.data.cognito.refreshToken);
      },
    },
  };
}

let options: AuthOptions | undefined;

/** next-auth's options; built on first use, so that `next build` needs no Cognito configuration. */
export function getAuthOptions(): AuthOptions {
  options ??= buildAuthOptions(getPortalConfig());
  return options;
}
