import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { signedInContext, type SignedInUser } from './browser';
import type { BenchEnvironment } from './environment';
import { notMeasured, type Figure } from './report';

/** How much a route's own JavaScript may add, gzipped, to the framework's shared chunks (issue 17). */
export const ROUTE_JS_BUDGET_BYTES = 18_000;
/** The add-passkey popup does one thing, so it gets less. */
const ROUTE_JS_BUDGETS: Record<string, number> = { '/embed/add-passkey': 14_000 };
export const routeJsBudget = (route: string) => ROUTE_JS_BUDGETS[route] ?? ROUTE_JS_BUDGET_BYTES;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Every JS chunk the route's entries list in its client reference manifest (paths as the browser fetches them). */
export function manifestChunks(root: string, route: string): string[] | null {
  const file = join(root, '.next', 'server', 'app', ...route.split('/').filter(Boolean), 'page_client-reference-manifest.js');
  if (!existsSync(file)) return null;
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(file, 'utf8'), sandbox);
  const entry = sandbox.__RSC_MANIFEST?.[`${route === '/' ? '' : route}/page`];
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
 * The embedded view (/embed/*) needs a framing host and a session of its own that the bench does
 * not set up, and a signed-out page would load less than a signed-in one; so for it the chunks are
 * read from the route's client reference manifest instead: the union of the JS its entries
 * (layouts, page, error and not-found boundaries) list, i.e. what its first load may fetch. For
 * /security both ways are computed, and the table says if they disagree.
 */
export async function measureClientJs(browser: Browser, env: BenchEnvironment, user: SignedInUser): Promise<Figure[]> {
  const manifest = JSON.parse(readFileSync(join(env.root, '.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const routes = JSON.parse(readFileSync(join(env.root, '.next', 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const rootMain = manifest.rootMainFiles.map((file) => `/_next/${file}`);
  // Polyfills are `nomodule`: listed so that they count as framework if ever loaded, but modern browsers skip them.
  const framework = new Set([...rootMain, ...manifest.polyfillFiles.map((file) => `/_next/${file}`)]);

  const scriptsOf = async (path: string): Promise<string[]> => {
    const context = await signedInContext(browser, env, user);
    try {
      const page = await context.newPage();
      const urls = new Set<string>();
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.origin === new URL(env.portalUrl).origin && (response.request().resourceType() === 'script' || url.pathname.endsWith('.js'))) urls.add(url.pathname);
      });
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      if (!response?.ok() || new URL(page.url()).pathname !== path) throw new Error(`${path} did not load signed in (${response?.status()} at ${page.url()}).`);
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
  for (const route of embedded) {
    const chunks = manifestChunks(env.root, route);
    if (!chunks) continue; // a route handler (no page), e.g. /embed/session
    // Every page loads the framework's chunks, which the route's own manifest does not list.
    figures.push(...(await figuresFor(route, 'per the build manifest', [...new Set([...rootMain, ...chunks])], null)));
  }
  return figures;
}
