import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleStandalone } from '../../scripts/assemble-standalone.mjs';
import { firstJsonLine, needsBuild, portalEnvForLocalPool } from '../../scripts/start-helpers.mjs';
import { randomSecret, type E2eEnvironment, type PairAccess } from './environment';
import { poolControl, PoolDriver } from './pool';
import { startRoundRobinProxy, type ProxiedRequest, type RoundRobinProxy } from './round-robin-proxy';

const ROOT = join(import.meta.dirname, '..', '..');
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');
const POOL_READY_TIMEOUT_MS = 30_000;
const PORTAL_READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;
// Variables of the global pair that must not leak into this one.
const PAIR_VARIABLES = /^(COGNITO_|NEXTAUTH_|LOCAL_POOL_|PORT$|EMBED_ALLOWED_ORIGINS$)/;

export type IsolatedPortalOptions = {
  /** The portal's port (the global pair uses 3100). */
  port?: number;
  /** More environment for the portal, e.g. `{ STEP_UP_MAX_AGE: '20' }`; it wins over what the pair sets. */
  env?: Record<string, string>;
  /** More environment for the pool (LOCAL_POOL_*). */
  poolEnv?: Record<string, string>;
  /**
   * Run the portal as the container image does (deploy/Dockerfile): `node server.js` in Next's
   * standalone output, completed by scripts/assemble-standalone.mjs, instead of `next start`.
   */
  standalone?: boolean;
  /**
   * Several portal instances of the same build (ports port+1…port+n) behind a round-robin proxy
   * on `port`, as a platform with many instances runs them: the pages reach them only through it.
   */
  instances?: number;
};

/**
 * A local pool and a production portal of their own, beside the global pair that
 * e2e/global-setup.ts starts, so a test can break the pool (stop it, slow it down) or run the
 * portal with other settings without disturbing the other specs. It reuses the production build
 * that global setup made. The pool can be stopped and started again on the same port and state
 * file, so the portal, which keeps pointing at it, sees it go and come back.
 */
export type IsolatedPortal = PairAccess & {
  portalUrl: string;
  /** The pool's control API (settings, faults, users, devices, what it holds). */
  poolControl: (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;
  poolDriver: PoolDriver;
  poolRunning: () => boolean;
  /** Stops the pool process (SIGTERM; it saves its state) and waits until its port refuses connections. */
  stopPool: () => Promise<void>;
  /** Starts the pool again on the same port with the same state file. */
  startPool: () => Promise<void>;
  /**
   * The pool's state file: read it, or change it between stopPool() and startPool() for what the
   * pool's APIs cannot make (two passkeys of one name, as Cognito may give).
   */
  stateFile: string;
  /** Stops the portal and the pool and removes the state directory. */
  stop: () => Promise<void>;
  /** The last lines the pool and the portal printed, for a failure's message. */
  logTail: (lines?: number) => string;
  /** Sends a signal to the portal process and resolves with its exit code (or the signal) once it has exited. */
  signalPortal: (signal: NodeJS.Signals) => Promise<number | NodeJS.Signals | null>;
  /** With `instances`: every request the proxy passed on, and to which instance. */
  served: ProxiedRequest[];
};

type Child = { process: ChildProcess; exited: Promise<void> };

function startChild(args: string[], env: Record<string, string | undefined>, logFile: string, cwd = ROOT): Child {
  const child = spawn(process.execPath, args, { cwd, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  // Both streams must be read, or a child that prints enough blocks; they go to one log file.
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test worker that dies must not leave the pair running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => {
    process.off('exit', killOnExit);
    log.end();
  });
  return { process: child, exited };
}

async function stopChild(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await child.exited;
  clearTimeout(timer);
}

async function waitForPortal(url: string, portal: Child): Promise<void> {
  const deadline = Date.now() + PORTAL_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (portal.process.exitCode !== null) throw new Error(`The isolated portal exited (code ${portal.process.exitCode}) before it answered.`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The isolated portal did not answer at ${url} within ${PORTAL_READY_TIMEOUT_MS / 1000} s.`);
}

/** Resolves once nothing accepts connections on `port` any more (both loopback addresses). */
async function waitUntilRefused(endpoint: string): Promise<void> {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      await fetch(`${endpoint}/_local/health`, { signal: AbortSignal.timeout(1_000) });
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Something still answers at ${endpoint} after the pool stopped.`);
}

/**
 * The fixed ports specs name for their own pairs and hosts, moved by E2E_ISOLATED_PORT_OFFSET, so a
 * second checkout's browser tests can run beside these (as E2E_PORTAL_PORT moves the global pair).
 */
export function isolatedPort(port: number): number {
  return port + Number(process.env.E2E_ISOLATED_PORT_OFFSET ?? 0);
}

export async function startIsolatedPortal(options: IsolatedPortalOptions = {}): Promise<IsolatedPortal> {
  if (needsBuild(ROOT)) {
    throw new Error('The production build (.next) is missing or older than the sources: run the tests with `npx playwright test`, whose global setup builds it.');
  }
  const port = isolatedPort(options.port ?? 3102);
  const portalUrl = `http://localhost:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'portal-isolated-'));
  const adminToken = randomSecret();
  const sessionSecret = randomSecret();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !PAIR_VARIABLES.test(name)));
  const poolLog = join(dir, 'pool.log');
  const portalLog = join(dir, 'portal.log');

  let poolPort = 0;
  let pool: Child | undefined;
  let portal: Child | undefined;
  const others: Child[] = [];
  let proxy: RoundRobinProxy | undefined;

  async function startPool(): Promise<E2eEnvironment['pool']> {
    if (pool && pool.process.exitCode === null && pool.process.signalCode === null) throw new Error('The isolated pool is already running.');
    pool = startChild(
      ['--import', 'tsx', 'lib/local-pool/main.ts', '--json'],
      {
        ...inherited,
        LOCAL_POOL_PORT: String(poolPort),
        LOCAL_POOL_DATA: join(dir, 'state.json'),
        LOCAL_POOL_ADMIN_TOKEN: adminToken,
        LOCAL_POOL_PORTAL_URL: portalUrl,
        ...options.poolEnv,
      },
      poolLog,
    );
    const info = (await firstJsonLine(pool.process, POOL_READY_TIMEOUT_MS, 'The isolated pool')) as E2eEnvironment['pool'];
    poolPort = Number(new URL(info.endpoint).port);
    return info;
  }

  async function stop() {
    await proxy?.close();
    for (const other of others) await stopChild(other);
    await stopChild(portal);
    await stopChild(pool);
    rmSync(dir, { recursive: true, force: true });
  }

  try {
    const info = await startPool();
    const portalEnv = { ...inherited, NEXT_TELEMETRY_DISABLED: '1', ...portalEnvForLocalPool(info, portalUrl, sessionSecret), ...options.env };
    portal = options.standalone
      ? // The image's command and environment (deploy/Dockerfile): HOSTNAME, not the machine's name.
        startChild(['server.js'], { ...portalEnv, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '0.0.0.0' }, portalLog, assembleStandalone(ROOT))
      : options.instances
        ? undefined
        : startChild([NEXT_BIN, 'start', '-p', String(port)], portalEnv, portalLog);
    if (options.instances) {
      const ports = Array.from({ length: options.instances }, (_, i) => port + 1 + i);
      const started = ports.map((p) => startChild([NEXT_BIN, 'start', '-p', String(p)], portalEnv, portalLog));
      [portal] = started;
      others.push(...started.slice(1));
      for (const [i, p] of ports.entries()) await waitForPortal(`http://localhost:${p}/`, started[i]);
      proxy = await startRoundRobinProxy(port, ports.map((p) => `http://localhost:${p}`));
    }
    await waitForPortal(`${portalUrl}/`, portal!);
    const access: PairAccess = { portalUrl, pool: info, adminToken, sessionSecret };
    const tail = (lines = 40) =>
      [poolLog, portalLog]
        .map((file) => {
          let text = '';
          try {
            text = readFileSync(file, 'utf8');
          } catch {
            // nothing printed yet
          }
          return `--- ${file}\n${text.split('\n').slice(-lines).join('\n')}`;
        })
        .join('\n');
    return {
      ...access,
      poolControl: (method, path, body) => poolControl(method, path, body, access),
      poolDriver: new PoolDriver(access),
      poolRunning: () => pool !== undefined && pool.process.exitCode === null && pool.process.signalCode === null,
      async stopPool() {
        await stopChild(pool);
        await waitUntilRefused(info.endpoint);
      },
      async startPool() {
        const again = await startPool();
        if (again.endpoint !== info.endpoint || again.userPoolId !== info.userPoolId || again.clientId !== info.clientId) {
          throw new Error(`The isolated pool came back as another pool: ${JSON.stringify(again)} (was ${JSON.stringify(info)}).`);
        }
      },
      stateFile: join(dir, 'state.json'),
      stop,
      logTail: tail,
      served: proxy?.served ?? [],
      async signalPortal(signal) {
        const child = portal!.process;
        child.kill(signal);
        await portal!.exited;
        return child.exitCode ?? child.signalCode;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
