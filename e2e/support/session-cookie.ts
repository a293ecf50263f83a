import type { BrowserContext } from '@playwright/test';
import { decode } from 'next-auth/jwt';
import { e2eEnvironment, type PairAccess } from './environment';

const BASE = 'next-auth.session-token';

export type DecodedSession = {
  sub: string;
  name?: string | null;
  email?: string | null;
  cognito: { accessToken: string; refreshToken: string; accessTokenExpiresAt: number; accessTokenLifetimeSeconds: number };
};

/** The portal's session cookies in the browser context (whole or chunked). `env`: another portal than the global one. */
export async function sessionCookies(context: BrowserContext, env: Pick<PairAccess, 'portalUrl'> = e2eEnvironment()) {
  const all = await context.cookies(env.portalUrl);
  return all.filter((c) => c.name === BASE || c.name.startsWith(`${BASE}.`));
}

/** The session cookie's value as the server reads it: the whole cookie, or its chunks joined in order. */
export async function sessionCookieValue(context: BrowserContext, env: Pick<PairAccess, 'portalUrl'> = e2eEnvironment()): Promise<string | null> {
  const cookies = await sessionCookies(context, env);
  if (cookies.length === 0) return null;
  const whole = cookies.find((c) => c.name === BASE);
  if (whole) return whole.value;
  return cookies
    .sort((a, b) => Number(a.name.slice(BASE.length + 1)) - Number(b.name.slice(BASE.length + 1)))
    .map((c) => c.value)
    .join('');
}

/**
 * Reads the session's tokens the way only the server can: by decrypting the cookie with the
 * session secret. The test process has the secret; the browser never has the tokens.
 */
export async function decodeSession(context: BrowserContext, env: Pick<PairAccess, 'portalUrl' | 'sessionSecret'> = e2eEnvironment()): Promise<DecodedSession | null> {
  const value = await sessionCookieValue(context, env);
  if (!value) return null;
  return (await decode({ token: value, secret: env.sessionSecret })) as DecodedSession | null;
}
