import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
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

/**
 * Requests per second and latency of /security for a signed-in user (0 ms injected latency) at 10
 * and 50 concurrent connections, with autocannon, beside a bare Node.js server making the same two
 * SDK calls, loaded the same way in the same run. Every response must be a 200: a redirect to
 * sign-in or an error would make the portal look faster than it is.
 */
export async function measureThroughput(env: BenchEnvironment, user: SignedInUser, { seconds = 10, connections = [10, 50] } = {}): Promise<Figure[]> {
  const minimal = await startMinimalServer(env, user.accessToken);
  const figures: Figure[] = [];
  try {
    const portal = `${env.portalUrl}/security`;
    // Warm both (JIT, connection pools) before measuring.
    await load(portal, 10, 2, { cookie: user.cookie });
    await load(minimal.url, 10, 2, {});
    for (const c of connections) {
      const portalRun = await load(portal, c, seconds, { cookie: user.cookie });
      const minimalRun = await load(minimal.url, c, seconds, {});
      for (const [name, run] of [['portal', portalRun], ['minimal server', minimalRun]] as const) {
        if (run.non2xx || run.errors || run.timeouts) throw new Error(`${name} at ${c} connections: ${run.non2xx} non-2xx, ${run.errors} errors, ${run.timeouts} timeouts.`);
      }
      const section = `Throughput /security (0 ms), ${c} connections`;
      figures.push(
        { section, name: 'portal', value: describe(portalRun), data: { ...portalRun } },
        { section, name: 'minimal Node server, same SDK calls', value: describe(minimalRun), data: { ...minimalRun } },
        { section, name: 'ratio portal ÷ minimal (req/s)', value: round(portalRun.requestsPerSecond / minimalRun.requestsPerSecond, 2).toFixed(2), data: { ratio: portalRun.requestsPerSecond / minimalRun.requestsPerSecond } },
      );
    }
  } finally {
    minimal.stop();
  }
  return figures;
}
