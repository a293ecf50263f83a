import type { BrowserContext } from '@playwright/test';
import { decode } from 'next-auth/jwt';
import { e2eEnvironment } from './environment';

const BASE = 'next-auth.session-token';

export type DecodedSession = {
  sub: string;
  name?: string | null;
  email?: string | null;
  cognito: { accessToken: string; refreshToken: string; accessTokenExpiresAt: number; accessTokenLifetimeSeconds: number };
};

/** The portal's session cookies in the browser context (whole or chunked). */
export async function sessionCookies(context: BrowserContext) {
  const all = await context.cookies(e2eEnvironment().portalUrl);
  return all.filter((c) => c.name === BASE || c.name.startsWith(`${BASE}.`));
}

/**
 * Reads the session's tokens the way only the server can: by decrypting the cookie with the
 * session secret. The test process has the secret; the browser never has the tokens.
 */
export async function decodeSession(context: BrowserContext): Promise<DecodedSession | null> {
  const cookies = await sessionCookies(context);
  if (cookies.length === 0) return null;
  const whole = cookies.find((c) => c.name === BASE);
  const value = whole
    ? whole.value
    : cookies
        .sort((a, b) => Number(a.name.slice(BASE.length + 1)) - Number(b.name.slice(BASE.length + 1)))
        .map((c) => c.value)
        .join('');
  return (await decode({ token: value, secret: e2eEnvironment().sessionSecret })) as DecodedSession | null;
}
