// `npm start` (production) and `npm run dev` (`--dev`): with no Cognito variables set, runs the
// local user pool and the portal together, pointing the portal at the pool; with a Cognito
// configuration, runs only the portal. `--json` prints one JSON line {portalUrl, pool} once both
// answer (for tests) instead of the human summary. Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPortalUrlMatchesPort, cognitoVariablesSet, firstJsonLine, localSessionSecret, needsBuild, portalUrlFromEnv, portalEnvForLocalPool, LOCAL_POOL_LISTEN_HOST, portalListenHost, portalPort } from './start-helpers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');
const dev = process.argv.includes('--dev');
// Read .env, .env.local, … as Next will, so the choice of pool sees the same variables Next does.
require(require.resolve('@next/env', { paths: [dirname(nextBin)] })).loadEnvConfig(root, dev, { info: () => {}, error: console.error });
const json = process.argv.includes('--json');
const POOL_READY_TIMEOUT_MS = 30_000;
const PORTAL_READY_TIMEOUT_MS = 180_000;

const children = new Set();
let stopping = false;

function log(message) {
  // With --json, stdout carries only the JSON line; everything else goes to stderr.
  (json ? process.stderr : process.stdout).write(`${message}\n`);
}

function run(command, args, env, label) {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of String(chunk).split('\n')) if (line.trim()) out.write(`[${label}] ${line}\n`);
    });
  prefix(child.stderr, process.stderr);
  // 'close', not 'exit': its last output lines are printed before we act on its end.
  child.on('close', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      log(`${label} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      stop(code || 1);
    }
  });
  return { child, pipeStdout: () => prefix(child.stdout, json ? process.stderr : process.stdout) };
}

function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const deadline = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(exitCode);
  }, 10_000);
  const check = setInterval(() => {
    if (children.size === 0) {
      clearInterval(check);
      clearTimeout(deadline);
      process.exit(exitCode);
    }
  }, 50);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function buildIfNeeded(env) {
  if (dev || !needsBuild(root)) return Promise.resolve();
  log('Building the portal (next build)…');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: ['ignore', json ? process.stderr : 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit code ${code}).`))));
  });
}

/**
 * Runs the portal's own configuration check (the one instrumentation.ts runs when the server
 * starts) before anything is built, so a missing or contradictory variable stops `npm start` in
 * a second, with the portal's message naming it, instead of after a build.
 */
function checkConfiguration(env) {
  const checker = pathToFileURL(join(root, 'lib', 'config', 'check-at-start.ts')).href;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=react-server', '--input-type=module', '--eval', `import { checkConfigurationAtStart } from ${JSON.stringify(checker)}; checkConfigurationAtStart();`],
    // stdout to stderr: with --json, stdout carries only the JSON line.
    { cwd: root, env, stdio: ['ignore', 2, 2] },
  );
  if (result.status !== 0) process.exit(1);
}

/** Where this machine reaches the portal: the address it listens on, or localhost when that is every interface. */
function localPortalUrl(host, port) {
  if (!host || host === '0.0.0.0' || host === '::') return `http://localhost:${port}/`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

async function waitForPortal(url) {
  const deadline = Date.now() + PORTAL_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopped');
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(60_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The portal did not answer at ${url} within ${PORTAL_READY_TIMEOUT_MS / 1000} s.`);
}

function startPortal(env, port, host) {
  const portal = run(process.execPath, [nextBin, dev ? 'dev' : 'start', '-p', String(port), ...(host ? ['-H', host] : [])], env, 'portal');
  portal.pipeStdout();
  return portal;
}

async function main() {
  const port = portalPort(process.env);
  checkPortalUrlMatchesPort(process.env, port);
  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1' };
  const configured = cognitoVariablesSet(process.env);
  const host = portalListenHost(process.env, configured.length === 0);
  if (configured.length > 0) {
    // A real (or separately run) user pool: the portal alone, once its configuration checks out.
    log(`Cognito configuration found (${configured.join(', ')}): starting the portal only.`);
    checkConfiguration(baseEnv);
    await buildIfNeeded(baseEnv);
    startPortal(baseEnv, port, host);
    const portalUrl = portalUrlFromEnv(process.env);
    await waitForPortal(localPortalUrl(host, port));
    if (json) process.stdout.write(`${JSON.stringify({ portalUrl, pool: null })}\n`);
    else log(`\nSecurity portal: ${portalUrl}\nSign in with an account of your user pool. Press Ctrl-C to stop.\n`);
    return;
  }

  await buildIfNeeded(baseEnv);
  const portalUrl = portalUrlFromEnv(process.env);
  const secret = localSessionSecret(process.env, join(root, '.local-pool', 'nextauth-secret'));
  // The pool allows sign-in callbacks, logout returns and passkey origins for the portal's URL.
  const pool = run(process.execPath, ['--import', 'tsx', 'lib/local-pool/main.ts', '--json'], { ...baseEnv, LOCAL_POOL_PORTAL_URL: portalUrl }, 'pool');
  const info = await firstJsonLine(pool.child, POOL_READY_TIMEOUT_MS, 'The local pool');
  pool.pipeStdout();

  startPortal({ ...baseEnv, ...portalEnvForLocalPool(info, portalUrl, secret) }, port, host);
  await waitForPortal(localPortalUrl(host, port));
  if (json) {
    process.stdout.write(`${JSON.stringify({ portalUrl, pool: info })}\n`);
    return;
  }
  log(
    [
      '',
      `Security portal:  ${portalUrl}${dev ? '  (development mode)' : ''}`,
      `Sign in as ${info.demoUsername} / ${info.demoPassword}`,
      `Local user pool:  ${info.endpoint}  (pool ${info.userPoolId}, state in ${info.dataFile})`,
      host === LOCAL_POOL_LISTEN_HOST ? `Listening on ${host} only (this machine); PORTAL_LISTEN_HOST opens it up.` : `Listening on ${host}: other machines can reach this demo account.`,
      'Press Ctrl-C to stop both.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  if (stopping) return;
  process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
  stop(1);
});
