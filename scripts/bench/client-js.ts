import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { createAccountBinding } from '@/lib/auth/embed-handoff-account';
import { EMBED_SESSION_COOKIE } from '@/lib/auth/session-cookie';
import { signedInContext, type SignedInUser } from './browser';
import { BENCH_EMBED_HOST, type BenchEnvironment } from './environment';
import { notMeasured, type Figure } from './report';

/** How much a route's own JavaScript may add, gzipped, to the framework's shared chunks (issue 17). */
export const ROUTE_JS_BUDGET_BYTES = 18_000;
/** The add-passkey popup does one thing, so it gets less. */
const ROUTE_JS_BUDGETS: Record<string, number> = { '/embed/add-passkey': 14_000 };
export const routeJsBudget = (route: string) => ROUTE_JS_BUDGETS[route] ?? ROUTE_JS_BUDGET_BYTES;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Every JS chunk the route's entries list in its client reference manifest (paths as the browser fetches them). */
/** The session's `sub`, from the access token's claims (our own token: read, not verified). */
function subOf(accessToken: string): string {
  return (JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sub: string }).sub;
}

/** The embedded view's session cookies: the same session as the portal's, under the view's own cookie name (chunks too). */
function embedSessionCookies(env: BenchEnvironment, user: SignedInUser) {
  const portal = 'next-auth.session-token';
  return user.cookie
    .split('; ')
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const)
    .filter(([name]) => name === portal || name.startsWith(`${portal}.`))
    .map(([name, value]) => ({
      name: `${EMBED_SESSION_COOKIE}${name.slice(portal.length)}`,
      value,
      // Chromium's cookie API refuses a Secure cookie for an http:// URL, though it sends one to
      // http://localhost (a secure context), where the portal sets this cookie itself: so https here.
      url: env.portalUrl.replace(/^http:/, 'https:'),
      httpOnly: true,
      secure: true,
      sameSite: 'None' as const,
    }));
}

export function manifestChunks(root: string, route: string): string[] | null {
  // The page's app path, route groups included ("/(site)/security/page" for /security): the build names it.
  const routesFile = join(root, '.next', 'app-path-routes-manifest.json');
  if (!existsSync(routesFile)) return null;
  const routes = JSON.parse(readFileSync(routesFile, 'utf8')) as Record<string, string>;
  const appPath = Object.keys(routes).find((path) => routes[path] === route && path.endsWith('/page'));
  if (!appPath) return null;
  const file = join(root, '.next', 'server', 'app', ...appPath.split('/').filter(Boolean).slice(0, -1), 'page_client-reference-manifest.js');
  if (!existsSync(file)) return null;
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(file, 'utf8'), sandbox);
  const entry = sandbox.__RSC_MANIFEST?.[appPath];
  if (!entry?.entryJSFiles) return null;
  return [...new Set(Object.values(entry.entryJSFiles).flat())].map((chunk) => `/_next/${chunk}`);
}

/**
 * Method (the most honest we found): load the page in Chromium, signed in, and record every script
 * it actually fetches until the network is idle — so chunks pulled in during hydration count, and
 * nothing the manifests list but the page never loads does. Each script is then fetched uncompressed
 * and gzipped at zlib's default level (what Next.js's own compression uses), so the figure does
 * not depend on whether a proxy in front compresses. The split comes from the build's own
 * manifest: `rootMainFiles` (and polyfills) in .next/build-manifest.json are the framework's shared
 * chunks that every route loads (React, the Next.js runtime); everything else is the route's own,
 * including the root layout's client components. JavaScript loaded only later, on an interaction,
 * is not counted.
 *
 * The embedded view is loaded the same way, signed in as it would be in a host's iframe: the bench's
 * portal allows BENCH_EMBED_HOST as a framing origin, the view's own session cookie carries the
 * same session, and /embed/add-passkey gets an account binding for that person (as the view's
 * server action makes it), so each page renders what a signed-in person gets. It is loaded top
 * level rather than framed: the same page and scripts, without a host page. Beside it, the route's
 * client reference manifest gives an upper bound, without a budget: the union of the JS its
 * entries (layouts, page, error and not-found boundaries) may load, including client components
 * of the root layout's other branch (the site header) that the embedded view never renders.
 */
export async function measureClientJs(browser: Browser, env: BenchEnvironment, user: SignedInUser): Promise<Figure[]> {
  const manifest = JSON.parse(readFileSync(join(env.root, '.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const routes = JSON.parse(readFileSync(join(env.root, '.next', 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const rootMain = manifest.rootMainFiles.map((file) => `/_next/${file}`);
  // Polyfills are `nomodule`: listed so that they count as framework if ever loaded, but modern browsers skip them.
  const framework = new Set([...rootMain, ...manifest.polyfillFiles.map((file) => `/_next/${file}`)]);

  const scriptsOf = async (path: string, ready?: (page: Page) => Promise<unknown>): Promise<string[]> => {
    const context = await signedInContext(browser, env, user);
    try {
      if (path.startsWith('/embed/')) await context.addCookies(embedSessionCookies(env, user));
      const page = await context.newPage();
      const urls = new Set<string>();
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.origin === new URL(env.portalUrl).origin && (response.request().resourceType() === 'script' || url.pathname.endsWith('.js'))) urls.add(url.pathname);
      });
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      const pathname = new URL(path, env.portalUrl).pathname;
      if (!response?.ok() || new URL(page.url()).pathname !== pathname) throw new Error(`${path} did not load signed in (${response?.status()} at ${page.url()}).`);
      if (ready) await ready(page).catch(() => Promise.reject(new Error(`${pathname} did not render signed in.`)));
      return [...urls];
    } finally {
      await context.close();
    }
  };

  const sizes = new Map<string, number>();
  const gzipBytes = async (path: string) => {
    if (!sizes.has(path)) {
      const response = await fetch(`${env.portalUrl}${path}`, { headers: { 'accept-encoding': 'identity' } });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      sizes.set(path, gzipSync(Buffer.from(await response.arrayBuffer())).length);
    }
    return sizes.get(path)!;
  };
  const sum = async (paths: string[]) => (await Promise.all(paths.map(gzipBytes))).reduce((a, b) => a + b, 0);

  const figuresFor = async (label: string, how: string, scripts: string[], onlyHere: string[] | null): Promise<Figure[]> => {
    const budget = routeJsBudget(label);
    const shared = scripts.filter((s) => framework.has(s));
    const own = scripts.filter((s) => !framework.has(s));
    const [total, sharedBytes, ownBytes] = [await sum(scripts), await sum(shared), await sum(own)];
    const section = `Client JS ${label}`;
    const figures: Figure[] = [
      { section, name: `first load, all JS (gzip, ${how})`, value: `${kB(total)} in ${scripts.length} files`, data: { bytes: total, files: scripts.length } },
      { section, name: 'framework shared chunks', value: `${kB(sharedBytes)} in ${shared.length} files`, data: { bytes: sharedBytes, files: shared } },
      {
        section,
        name: 'route’s own JS beyond framework',
        value: `${kB(ownBytes)} in ${own.length} files`,
        budget: `≤ ${kB(budget)}`,
        holds: ownBytes <= budget,
        data: { bytes: ownBytes, files: own },
      },
    ];
    if (onlyHere) figures.push({ section, name: '  of which not loaded by /', value: kB(await sum(onlyHere)), data: { files: onlyHere } });
    return figures;
  };

  const security = await scriptsOf('/security');
  const home = new Set(await scriptsOf('/'));
  const figures = await figuresFor('/security', 'as loaded', security, security.filter((s) => !framework.has(s) && !home.has(s)));
  const listed = manifestChunks(env.root, '/security');
  if (listed) {
    const loadedOwn = new Set(security.filter((s) => !framework.has(s)));
    const listedOwn = new Set(listed.filter((s) => !framework.has(s)));
    const same = loadedOwn.size === listedOwn.size && [...loadedOwn].every((s) => listedOwn.has(s));
    figures.push({
      section: 'Client JS /security',
      name: '  cross-check: own chunks the manifest lists',
      value: same ? 'the same files' : `differ: loaded ${kB(await sum([...loadedOwn]))}, listed ${kB(await sum([...listedOwn]))}`,
      data: { loaded: [...loadedOwn], listed: [...listedOwn] },
    });
  }

  const embedded = Object.values(routes).filter((route) => route === '/embed' || route.startsWith('/embed/'));
  if (embedded.length === 0) {
    figures.push(notMeasured('Client JS /embed/*', 'route’s own JS beyond framework', 'no embedded view in this build yet', `≤ ${kB(ROUTE_JS_BUDGET_BYTES)}`));
  }
  const host = BENCH_EMBED_HOST;
  const loaders: Partial<Record<string, () => Promise<string[]>>> = {
    '/embed/security': () =>
      scriptsOf(`/embed/security?${new URLSearchParams({ host })}`, (page) => page.getByTestId('embed-signed-in-as').waitFor({ timeout: 10_000 })),
    '/embed/add-passkey': async () => {
      const binding = await createAccountBinding(subOf(user.accessToken), host, env.sessionSecret);
      const query = new URLSearchParams({ host, state: randomBytes(32).toString('base64url'), binding });
      return scriptsOf(`/embed/add-passkey?${query}`, (page) => page.getByRole('button', { name: /add a passkey/i }).first().waitFor({ timeout: 10_000 }));
    },
  };
  for (const route of embedded) {
    const chunks = manifestChunks(env.root, route);
    if (!chunks) continue; // a route handler (no page), e.g. /embed/session
    const load = loaders[route];
    if (load) {
      try {
        figures.push(...(await figuresFor(route, 'as loaded, signed in', await load(), null)));
      } catch (error) {
        figures.push(notMeasured(`Client JS ${route}`, 'route’s own JS beyond framework', (error as Error).message.split('\n')[0], `≤ ${kB(routeJsBudget(route))}`));
      }
    }
    // Every page loads the framework's chunks, which the route's own manifest does not list.
    const listedOwn = chunks.filter((c) => !framework.has(c));
    figures.push({
      section: `Client JS ${route}`,
      name: `${load ? '  ' : ''}upper bound: own JS the build manifest lists`,
      value: `${kB(await sum(listedOwn))} in ${listedOwn.length} files`,
      ...(load ? {} : { budget: `≤ ${kB(routeJsBudget(route))}`, holds: (await sum(listedOwn)) <= routeJsBudget(route) }),
      data: { files: listedOwn },
    });
  }
  return figures;
}
