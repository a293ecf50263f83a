import { randomBytes } from 'node:crypto';

/** What global setup hands to the tests, through environment variables. */
export type E2eEnvironment = {
  portalUrl: string;
  pool: { endpoint: string; region: string; userPoolId: string; clientId: string; issuer: string; demoUsername: string; demoPassword: string };
  adminToken: string;
  sessionSecret: string;
  /** The example host (scripts/example-host.mjs): `allowed` is in EMBED_ALLOWED_ORIGINS, `foreign` (another site) is not. */
  embedHosts: { allowed: string; foreign: string };
};

/** What reaching one pool and its portal takes: the global pair's, or an isolated pair's (isolated-portal.ts). */
export type PairAccess = Pick<E2eEnvironment, 'portalUrl' | 'pool' | 'adminToken' | 'sessionSecret'>;

const KEY = 'E2E_ENVIRONMENT';

export function publishEnvironment(environment: E2eEnvironment): void {
  process.env[KEY] = JSON.stringify(environment);
}

export function e2eEnvironment(): E2eEnvironment {
  const raw = process.env[KEY];
  if (!raw) throw new Error(`${KEY} is not set: run the tests with \`npx playwright test\`, whose global setup starts the pool and portal.`);
  return JSON.parse(raw) as E2eEnvironment;
}

export const randomSecret = () => randomBytes(32).toString('base64url');
