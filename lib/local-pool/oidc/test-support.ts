// Helpers for the OIDC tests: a pool in a temporary folder, a browser's cookie jar,
// and the steps of a sign-in as a browser and a client make them.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPoolConfig } from '../config';
import { startPool, type RunningPool } from '../server';
import type { AppClient } from '../store';

export type TestPool = RunningPool & { portalCallback: string; stop: () => Promise<void> };

export async function startTestPool(env: Record<string, string> = {}): Promise<TestPool> {
  const dir = await mkdtemp(join(tmpdir(), 'oidc-test-'));
  const pool = await startPool(loadPoolConfig({ LOCAL_POOL_PORT: '0', LOCAL_POOL_DATA: join(dir, 'state.json'), ...env }));
  return {
    ...pool,
    portalCallback: pool.ctx.store.state.clients[0].callbackUrls[0],
    stop: async () => {
      await pool.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Adds an app client with a secret (a server-side client using client_secret_basic/post). */
export function addConfidentialClient(pool: RunningPool, overrides: Partial<AppClient> = {}): AppClient {
  const client: AppClient = {
    clientId: `confidential${randomBytes(6).toString('hex')}`,
    clientSecret: randomBytes(24).toString('base64url'),
    name: 'Back office',
    explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    callbackUrls: ['https://backoffice.example/callback'],
    logoutUrls: ['https://backoffice.example/signed-out'],
    allowedScopes: ['openid', 'email', 'profile'],
    ...overrides,
  };
  pool.ctx.store.state.clients.push(client);
  return client;
}

/** A browser's cookies, kept by name (the pool's cookies are all Path=/ on one host). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  }

  get(namePrefix: string): string | undefined {
    for (const [name, value] of this.cookies) if (name.startsWith(namePrefix)) return value;
    return undefined;
  }

  set(name: string, value: string) {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(pool: RunningPool, params: Record<string, string | undefined>): string {
  const url = new URL('/oauth2/authorize', pool.info.endpoint);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

/** The value of a hidden input in a page the pool rendered. */
export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html);
  if (!match) throw new Error(`No hidden field ${name} in the page`);
  return match[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export type BrowserOptions = { jar?: CookieJar; userAgent?: string };

const DEFAULT_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

function browserHeaders(jar: CookieJar, userAgent: string | undefined): Record<string, string> {
  return { cookie: jar.header(), 'user-agent': userAgent ?? DEFAULT_USER_AGENT };
}

/** Opens an authorize URL as a browser does and returns the sign-in form's fields. */
export async function openSignInForm(pool: RunningPool, url: string, browser: BrowserOptions = {}) {
  const jar = browser.jar ?? new CookieJar();
  const response = await fetch(url, { redirect: 'manual', headers: browserHeaders(jar, browser.userAgent) });
  jar.take(response);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`authorize answered ${response.status}: ${html}`);
  return { jar, html, request: hiddenField(html, 'request'), csrf: hiddenField(html, 'csrf') };
}

export async function postLogin(pool: RunningPool, fields: Record<string, string>, browser: BrowserOptions & { jar: CookieJar }) {
  const response = await fetch(new URL('/login', pool.info.endpoint), {
    method: 'POST',
    redirect: 'manual',
    headers: { ...browserHeaders(browser.jar, browser.userAgent), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  browser.jar.take(response);
  return response;
}

/** Signs in through the hosted page and returns where the browser was sent (with the code). */
export async function signInThroughPage(
  pool: RunningPool,
  url: string,
  browser: BrowserOptions & { username?: string; password?: string } = {},
): Promise<{ jar: CookieJar; location: URL; code: string }> {
  const form = await openSignInForm(pool, url, browser);
  const response = await postLogin(
    pool,
    { request: form.request, csrf: form.csrf, username: browser.username ?? pool.info.demoUsername, password: browser.password ?? pool.info.demoPassword },
    { ...browser, jar: form.jar },
  );
  if (response.status !== 302) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  const location = new URL(response.headers.get('location') ?? '');
  return { jar: form.jar, location, code: location.searchParams.get('code') ?? '' };
}

/** A public client's sign-in with PKCE, up to the code. */
export async function signInWithPkce(
  pool: TestPool,
  options: BrowserOptions & { scope?: string; nonce?: string; username?: string; password?: string; prompt?: string; maxAge?: number } = {},
) {
  const pkce = pkcePair();
  const url = authorizeUrl(pool, {
    response_type: 'code',
    client_id: pool.info.clientId,
    redirect_uri: pool.portalCallback,
    scope: options.scope ?? 'openid email profile aws.cognito.signin.user.admin',
    state: 'state-123',
    nonce: options.nonce ?? 'nonce-456',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    prompt: options.prompt,
    max_age: options.maxAge === undefined ? undefined : String(options.maxAge),
  });
  const result = await signInThroughPage(pool, url, options);
  return { ...result, verifier: pkce.verifier };
}

export async function tokenRequest(pool: RunningPool, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(new URL('/oauth2/token', pool.info.endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  return { response, body: (await response.json()) as Record<string, string | number> };
}

export function exchangeCode(pool: TestPool, code: string, verifier: string, overrides: Record<string, string> = {}) {
  return tokenRequest(pool, { grant_type: 'authorization_code', client_id: pool.info.clientId, code, redirect_uri: pool.portalCallback, code_verifier: verifier, ...overrides });
}
