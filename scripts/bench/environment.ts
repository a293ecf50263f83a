import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_FLOOR_VARIABLE } from '@/lib/bench/floor';
import { firstJsonLine } from '../start-helpers.mjs';

export type PoolInfo = { endpoint: string; region: string; userPoolId: string; clientId: string; issuer: string; demoUsername: string; demoPassword: string };

export type BenchEnvironment = {
  root: string;
  portalUrl: string;
  pool: PoolInfo;
  adminToken: string;
  sessionSecret: string;
  /** Where the pool's and portal's own output goes (kept out of the table). */
  logFile: string;
  /** The process of `npm start` (scripts/start.mjs), parent of the pool and the portal. */
  startPid: number;
  /** Stops both; removes the state and, unless asked to keep it, the log. */
  stop(options?: { keepLog?: boolean }): Promise<void>;
};

/** An origin the bench's portal lets frame the embedded view (nothing needs to serve it: the bench loads the view top level). */
export const BENCH_EMBED_HOST = 'http://localhost:4799';

const READY_TIMEOUT_MS = 300_000; // includes a production build when the sources changed
const COGNITO_VARIABLES = ['COGNITO_REGION', 'COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID', 'COGNITO_CLIENT_SECRET', 'COGNITO_DOMAIN', 'COGNITO_LOCAL_ENDPOINT'];


/**
 * Starts the local pool and the production portal exactly as `npm start` does (scripts/start.mjs,
 * which builds first when the sources changed), as the e2e global setup does, but on the bench's
 * own port, a fresh state file and a free pool port, with the pool's control API on.
 */
export async function startEnvironment(root: string, port: number): Promise<BenchEnvironment> {
  const stateDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const logFile = join(stateDir, 'pool-and-portal.log');
  const log = createWriteStream(logFile);
  const adminToken = randomBytes(32).toString('base64url');
  const sessionSecret = randomBytes(32).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: sessionSecret,
    LOCAL_POOL_PORT: '0',
    LOCAL_POOL_DATA: join(stateDir, 'state.json'),
    LOCAL_POOL_ADMIN_TOKEN: adminToken,
    NEXT_TELEMETRY_DISABLED: '1',
    // Serves the framework-floor page /bench/floor (app/bench/floor/page.tsx), a 404 otherwise.
    [BENCH_FLOOR_VARIABLE]: '1',
    EMBED_ALLOWED_ORIGINS: BENCH_EMBED_HOST,
  };
  for (const name of COGNITO_VARIABLES) delete env[name];
  const child = spawn(process.execPath, ['scripts/start.mjs', '--json'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.pipe(log);

  const stop = async ({ keepLog = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => log.end(resolve));
    if (keepLog) rmSync(join(stateDir, 'state.json'), { force: true });
    else rmSync(stateDir, { recursive: true, force: true });
  };

  try {
    const ready = (await firstJsonLine(child, READY_TIMEOUT_MS, 'npm start')) as { portalUrl: string; pool: PoolInfo | null };
    if (!ready.pool) throw new Error('npm start found a Cognito configuration (.env*?); the bench needs the local pool.');
    child.stdout!.pipe(log);
    return { root, portalUrl: ready.portalUrl, pool: ready.pool, adminToken, sessionSecret, logFile, startPid: child.pid!, stop };
  } catch (error) {
    await stop({ keepLog: true });
    throw new Error(`${(error as Error).message} Its output is in ${logFile}.`);
  }
}

/** The local pool's control API (/_local), which only tests and benchmarks use. */
export class PoolControl {
  constructor(private readonly env: Pick<BenchEnvironment, 'pool' | 'adminToken'>) {}

  private async call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.env.pool.endpoint}/_local/${path}`, {
      method,
      headers: { authorization: `Bearer ${this.env.adminToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} /_local/${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }

  async createUser(username: string): Promise<{ username: string; password: string }> {
    const password = 'Correct-horse-battery-9';
    await this.call('POST', 'users', { username, password, attributes: { email: `${username}@example.com`, email_verified: 'true', name: `Bench ${username}` } });
    return { username, password };
  }

  /** Latency or errors injected into each Cognito API call ({} clears them). */
  async setFaults(rules: Record<string, { latencyMs?: number }>): Promise<void> {
    await this.call('PUT', 'faults', rules);
  }

  async seedDevices(username: string, count: number): Promise<void> {
    if (count > 0) await this.call('POST', 'devices', { username, count, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36' });
  }

  async user(username: string): Promise<{ credentials: unknown[]; devices: unknown[] }> {
    return (await this.call('GET', `users/${encodeURIComponent(username)}`)) as { credentials: unknown[]; devices: unknown[] };
  }
}
