import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from '@playwright/test';
import { decode } from 'next-auth/jwt';
import type { BenchEnvironment } from './environment';

// As playwright.config.ts: Playwright's own Chromium when installed, else Debian's.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string | undefined {
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // not installed
  }
  if (existsSync(bundled)) return undefined;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  throw new Error('No Chromium: install Playwright’s (npx playwright install chromium) or Debian’s (apt-get install chromium).');
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = chromiumPath();
  const options: LaunchOptions = {
    ...(executablePath ? { executablePath } : {}),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  };
  return chromium.launch(options);
}

export type SignedInUser = {
  username: string;
  /** The portal's session cookies as a Cookie header. */
  cookie: string;
  /** The session's Cognito access token, for timing the same SDK calls directly. */
  accessToken: string;
};

const SESSION_COOKIE = 'next-auth.session-token';

/** The session's tokens, read the way only the server can: by decrypting the cookie with the secret. */
async function accessTokenOf(context: BrowserContext, env: BenchEnvironment): Promise<string> {
  const cookies = (await context.cookies(env.portalUrl)).filter((c) => c.name === SESSION_COOKIE || c.name.startsWith(`${SESSION_COOKIE}.`));
  const whole = cookies.find((c) => c.name === SESSION_COOKIE);
  const value = whole
    ? whole.value
    : cookies
        .sort((a, b) => Number(a.name.slice(SESSION_COOKIE.length + 1)) - Number(b.name.slice(SESSION_COOKIE.length + 1)))
        .map((c) => c.value)
        .join('');
  const token = (await decode({ token: value, secret: env.sessionSecret })) as { cognito?: { accessToken?: string } } | null;
  if (!token?.cognito?.accessToken) throw new Error('Signed in, but the session cookie holds no access token.');
  return token.cognito.accessToken;
}

/**
 * Signs `user` in through the real flow (portal → pool's hosted page → next-auth callback) in a
 * fresh browser context, and returns what the measurements need.
 */
export async function signIn(browser: Browser, env: BenchEnvironment, user: { username: string; password: string }): Promise<SignedInUser> {
  const context = await browser.newContext({ baseURL: env.portalUrl });
  try {
    const page = await context.newPage();
    // Opening /security signed out goes straight on to the pool's sign-in page (one click fewer).
    await page.goto('/security');
    await page.waitForURL((url) => url.origin === new URL(env.pool.endpoint).origin);
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/security');
    await page.getByRole('heading', { level: 1, name: 'Your security settings' }).waitFor();
    const cookies = await context.cookies(env.portalUrl);
    return {
      username: user.username,
      cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      accessToken: await accessTokenOf(context, env),
    };
  } finally {
    await context.close();
  }
}

/** A fresh browser context holding `user`'s session cookies, as their own browser would. */
export async function signedInContext(browser: Browser, env: BenchEnvironment, user: SignedInUser): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: env.portalUrl });
  await context.addCookies(
    user.cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: env.portalUrl, httpOnly: true, sameSite: 'Lax' as const };
    }),
  );
  return context;
}
