import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoCredentials } from './story';
import { firstJsonLine } from '../start-helpers.mjs';

/** Where the demo runs, as whom, and how to stop what the demo started. */
export type Target = {
  baseUrl: string;
  credentials: DemoCredentials;
  /** How the portal was found, for the printed summary. */
  origin: string;
  /**
   * True only for the local pool the demo started, which records hosted sign-ins as devices, so
   * the story must find the phone and forget it. Cognito records devices only for SDK sign-ins.
   */
  expectDevices: boolean;
  stop: () => Promise<void>;
};

type Log = (line: string) => void;
/** The variables the demo reads (process.env, or a test's own). */
export type Env = Readonly<Record<string, string | undefined>>;
type Start = (log: Log, onStop: (stop: () => Promise<void>) => void) => Promise<Target>;

export type ResolveOptions = {
  log: Log;
  /** Called as soon as there is something to stop (a child started), before the target is ready. */
  onStop?: (stop: () => Promise<void>) => void;
  env?: Env;
  /** Whether a portal answers at a URL (replaced in tests). */
  probe?: (url: string) => Promise<boolean>;
  /** Starts a local pool and portal of the demo's own (replaced in tests). */
  start?: Start;
};

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULT_LOCAL_PORTAL = 'http://localhost:3000';
const READY_TIMEOUT_MS = 300_000; // includes a production build on a fresh checkout
const LOCAL_DEMO_USER = { username: 'demo', password: 'Passkeys-4-everyone!' };

const nothingToStop = async () => {};

/** True when the portal's home page answers at `url`. */
async function portalAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    return response.ok && (await response.text()).includes('Keep your account secure');
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Credentials from DEMO_USERNAME / DEMO_PASSWORD, else the local pool's demo user. */
function credentialsFromEnv(env: Env, fallback: DemoCredentials | null): DemoCredentials {
  const username = env.DEMO_USERNAME?.trim();
  const password = env.DEMO_PASSWORD;
  if (username && password) return { username, password };
  if (username || password) throw new Error('Set both DEMO_USERNAME and DEMO_PASSWORD, or neither.');
  if (!fallback) throw new Error('DEMO_BASE_URL is set: also set DEMO_USERNAME and DEMO_PASSWORD (a user of that user pool).');
  return fallback;
}

function localDemoUser(env: Env): DemoCredentials {
  return {
    username: env.LOCAL_POOL_DEMO_USERNAME?.trim() || LOCAL_DEMO_USER.username,
    password: env.LOCAL_POOL_DEMO_PASSWORD || LOCAL_DEMO_USER.password,
  };
}

/**
 * DEMO_BASE_URL when set (any deployment, with DEMO_USERNAME / DEMO_PASSWORD); else a portal
 * already answering at http://localhost:3000 (with the local pool's demo user); else a local
 * pool and production portal of the demo's own, on free ports and a temporary pool state.
 */
export async function resolveTarget({ log, onStop = () => {}, env = process.env, probe = portalAnswers, start = startLocal }: ResolveOptions): Promise<Target> {
  const given = env.DEMO_BASE_URL?.trim();
  // A portal found rather than started may use any user pool: devices are shown if listed, not required.
  const found = { stop: nothingToStop, expectDevices: false };
  if (given) {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new Error(`DEMO_BASE_URL is not a URL: "${given}".`);
    }
    const baseUrl = url.toString().replace(/\/$/, '');
    // With a local portal given by URL, the local demo user is the sensible default.
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return { ...found, baseUrl, credentials: credentialsFromEnv(env, local ? localDemoUser(env) : null), origin: 'DEMO_BASE_URL' };
  }
  if (await probe(`${DEFAULT_LOCAL_PORTAL}/`)) {
    return { ...found, baseUrl: DEFAULT_LOCAL_PORTAL, credentials: credentialsFromEnv(env, localDemoUser(env)), origin: 'already running' };
  }
  return start(log, onStop);
}

async function startLocal(log: Log, onStop: (stop: () => Promise<void>) => void): Promise<Target> {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), 'portal-demo-'));
  const baseUrl = `http://localhost:${port}`;
  log(`Starting a local user pool and the portal at ${baseUrl} (a production build first, if the sources changed)…`);
  const child = spawn(process.execPath, ['scripts/start.mjs', '--json'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      LOCAL_POOL_PORT: '0',
      LOCAL_POOL_DATA: join(stateDir, 'state.json'),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its log is kept, and shown only if starting fails.
  const output: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => output.push(...chunk.split('\n').filter(Boolean)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(stateDir, { recursive: true, force: true });
  };
  // From here an interrupted start must stop the child too, not only a finished one.
  onStop(stop);
  try {
    const ready = (await firstJsonLine(child, READY_TIMEOUT_MS, 'The local pool and portal')) as { portalUrl: string; pool: unknown };
    const pool = ready.pool as { demoUsername?: string; demoPassword?: string } | null;
    if (!pool?.demoUsername || !pool.demoPassword) throw new Error('npm start found Cognito variables (in the environment or .env.local) and started the portal alone: point the demo at it with DEMO_BASE_URL, DEMO_USERNAME and DEMO_PASSWORD instead.');
    return { baseUrl: ready.portalUrl, credentials: { username: pool.demoUsername, password: pool.demoPassword }, origin: 'started by the demo', expectDevices: true, stop };
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- its output ---\n${output.slice(-40).join('\n')}`);
  }
}

