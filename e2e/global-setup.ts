import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstJsonLine } from '../scripts/start-helpers.mjs';
import { startExampleHost } from './support/example-host';
import { publishEnvironment, randomSecret, type E2eEnvironment } from './support/environment';

const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 3100);
const READY_TIMEOUT_MS = 300_000; // includes a production build on a fresh checkout
// The example host on another site than the portal (localhost): 127.0.0.1 may embed, 127.0.0.2 may not.
const EMBED_HOST = { address: '127.0.0.1', port: Number(process.env.E2E_EMBED_HOST_PORT ?? 4310) };
const FOREIGN_HOST = { address: '127.0.0.2', port: Number(process.env.E2E_FOREIGN_HOST_PORT ?? 4311) };

/**
 * Starts the local pool and the production portal exactly as `npm start` does (scripts/start.mjs),
 * on a fresh state file, a free pool port and the test portal port, with the pool's control API on.
 */
export default async function globalSetup() {
  const stateDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const adminToken = randomSecret();
  const sessionSecret = randomSecret();
  const portalUrl = `http://localhost:${PORTAL_PORT}`;
  const hosts = [await startExampleHost(EMBED_HOST, portalUrl), await startExampleHost(FOREIGN_HOST, portalUrl)];
  const child = spawn(process.execPath, ['scripts/start.mjs', '--json'], {
    env: {
      ...process.env,
      EMBED_ALLOWED_ORIGINS: hosts[0].origin,
      PORT: String(PORTAL_PORT),
      NEXTAUTH_URL: `http://localhost:${PORTAL_PORT}`,
      NEXTAUTH_SECRET: sessionSecret,
      LOCAL_POOL_PORT: '0',
      LOCAL_POOL_DATA: join(stateDir, 'state.json'),
      LOCAL_POOL_ADMIN_TOKEN: adminToken,
      // The pseudo-locale (en-XA) may be chosen through the language cookie in this production build (e2e/i18n.spec.ts).
      I18N_PSEUDO_LOCALE: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = (await firstJsonLine(child, READY_TIMEOUT_MS, 'npm start')) as { portalUrl: string; pool: E2eEnvironment['pool'] };
  if (!ready.pool) throw new Error('npm start found Cognito variables in the environment; the e2e tests need the local pool. Unset them.');
  publishEnvironment({
    portalUrl: ready.portalUrl,
    pool: ready.pool,
    adminToken,
    sessionSecret,
    embedHosts: { allowed: hosts[0].origin, foreign: hosts[1].origin },
  });

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    for (const host of hosts) if (host.child.exitCode === null) host.child.kill('SIGTERM');
    rmSync(stateDir, { recursive: true, force: true });
  };
}
