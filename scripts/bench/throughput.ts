import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BENCH_FLOOR_PATH } from '@/lib/bench/floor';
import type { SignedInUser } from './browser';
import type { BenchEnvironment } from './environment';
import type { Figure } from './report';
import { round } from './stats';

type Run = { requestsPerSecond: number; p50: number; p99: number; total: number; non2xx: number; errors: number; timeouts: number };

async function load(url: string, connections: number, seconds: number, headers: Record<string, string>): Promise<Run> {
  const result = await autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Starts scripts/bench/minimal-server.ts as its own process; resolves with its URL and a stop function. */
async function startMinimalServer(env: BenchEnvironment, accessToken: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', join(env.root, 'scripts', 'bench', 'minimal-server.ts')], {
    cwd: env.root,
    env: { ...process.env, BENCH_POOL_ENDPOINT: env.pool.endpoint, BENCH_POOL_REGION: env.pool.region, BENCH_ACCESS_TOKEN: accessToken },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`The minimal server exited (code ${code}).`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') };
}

const describe = (run: Run) => `${round(run.requestsPerSecond)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms`;

/** /security's throughput at 10 connections against the bare server and against the framework floor. */
export const THROUGHPUT_BUDGETS = { connections: 10, vsMinimal: 0.25, vsFloor: 0.8 } as const;

/** The framework-floor page (app/bench/floor/page.tsx), served only because the bench set PORTAL_BENCH_FLOOR. */
const FLOOR_PATH = BENCH_FLOOR_PATH;

/** Throws unless the floor page answers as it should: signed in, its 80 rows, behind the proxy's CSP. */
async function checkFloorPage(env: BenchEnvironment, user: SignedInUser): Promise<void> {
  const response = await fetch(`${env.portalUrl}${FLOOR_PATH}`, { headers: { cookie: user.cookie }, redirect: 'manual' });
  const html = await response.text();
  const rows = html.match(/<li>Row \d+<\/li>/g)?.length ?? 0;
  if (response.status !== 200 || rows !== 80 || !html.includes('Signed in') || !response.headers.get('content-security-policy')?.includes("'nonce-")) {
    throw new Error(`${FLOOR_PATH} answered ${response.status} with ${rows} rows: not the framework floor (is PORTAL_BENCH_FLOOR set for the portal?).`);
  }
}

const ratioFigure = (section: string, name: string, ratio: number, min?: number): Figure => ({
  section,
  name,
  value: `${round(ratio, 2).toFixed(2)}×`,
  ...(min === undefined ? {} : { budget: `≥ ${min}×`, holds: ratio >= min }),
  data: { ratio },
});

/**
 * Requests per second and latency of /security for a signed-in user (0 ms injected latency) at 10
 * and 50 concurrent connections, with autocannon, beside two references loaded the same way in the
 * same run, one after the other: a bare Node.js server making the same two SDK calls, and the
 * framework floor — a trivial dynamic page of the same build behind the same proxy (reads the
 * session cookie, 80 static rows), i.e. what Next.js itself costs per request here. Every response
 * must be a 200: a redirect to sign-in or an error would make the portal look faster than it is.
 */
export async function measureThroughput(env: BenchEnvironment, user: SignedInUser, { seconds = 10, connections = [10, 50] } = {}): Promise<Figure[]> {
  await checkFloorPage(env, user);
  const minimal = await startMinimalServer(env, user.accessToken);
  const figures: Figure[] = [];
  try {
    const portal = `${env.portalUrl}/security`;
    const floor = `${env.portalUrl}${FLOOR_PATH}`;
    // Warm all three (JIT, connection pools) before measuring.
    await load(portal, 10, 2, { cookie: user.cookie });
    await load(floor, 10, 2, { cookie: user.cookie });
    await load(minimal.url, 10, 2, {});
    for (const c of connections) {
      const portalRun = await load(portal, c, seconds, { cookie: user.cookie });
      const floorRun = await load(floor, c, seconds, { cookie: user.cookie });
      const minimalRun = await load(minimal.url, c, seconds, {});
      for (const [name, run] of [['portal', portalRun], ['framework floor', floorRun], ['minimal server', minimalRun]] as const) {
        if (run.non2xx || run.errors || run.timeouts) throw new Error(`${name} at ${c} connections: ${run.non2xx} non-2xx, ${run.errors} errors, ${run.timeouts} timeouts.`);
      }
      const section = `Throughput /security (0 ms), ${c} connections`;
      const budgeted = c === THROUGHPUT_BUDGETS.connections;
      figures.push(
        { section, name: 'portal /security', value: describe(portalRun), data: { ...portalRun } },
        { section, name: `framework floor ${FLOOR_PATH} (cookie, 80 rows)`, value: describe(floorRun), data: { ...floorRun } },
        { section, name: 'minimal Node server, same SDK calls', value: describe(minimalRun), data: { ...minimalRun } },
        ratioFigure(section, 'ratio /security ÷ minimal server (req/s)', portalRun.requestsPerSecond / minimalRun.requestsPerSecond, budgeted ? THROUGHPUT_BUDGETS.vsMinimal : undefined),
        ratioFigure(section, 'ratio /security ÷ framework floor (req/s)', portalRun.requestsPerSecond / floorRun.requestsPerSecond, budgeted ? THROUGHPUT_BUDGETS.vsFloor : undefined),
        ratioFigure(section, 'ratio framework floor ÷ minimal server (req/s)', floorRun.requestsPerSecond / minimalRun.requestsPerSecond),
      );
      if (!budgeted) figures.push({ section, name: '/security p99 latency', value: `${portalRun.p99} ms (floor ${floorRun.p99} ms, minimal ${minimalRun.p99} ms)`, data: { p99: portalRun.p99 } });
    }
  } finally {
    minimal.stop();
  }
  return figures;
}
