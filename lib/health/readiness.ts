import 'server-only';
import { configurationProblem } from '@/lib/config/check-at-start';
import { loadPortalConfig, type Env } from '@/lib/config/env';
import { isStopping } from './shutdown';

/**
 * What /api/ready answers. Ready: the configuration is usable, the pool's OIDC discovery does not
 * contradict it, and the server is not stopping. The discovery document is fetched at most once a
 * minute per instance (never once per probe); when Cognito cannot be reached the instance stays
 * ready and says so (every instance shares that outage; taking them all out of the load balancer
 * would only replace the portal's own error pages with the balancer's).
 */
export type Readiness = {
  ready: boolean;
  status: 'ready' | 'misconfigured' | 'stopping';
  problems: string[];
  /** The last discovery check: ok, unreachable (not a configuration problem) or not yet made. */
  cognito: 'ok' | 'unreachable' | 'unchecked' | 'misconfigured';
  checkedAt: string | null;
};

type DiscoveryResult = { outcome: 'ok' | 'unreachable' | 'misconfigured'; problem?: string; at: number };

export const DISCOVERY_CHECK_INTERVAL_MS = 60_000;
const DISCOVERY_TIMEOUT_MS = 3_000;

let last: DiscoveryResult | undefined;
let inFlight: Promise<DiscoveryResult> | undefined;

async function checkDiscovery(issuer: string, fetcher: typeof fetch, now: number): Promise<DiscoveryResult> {
  const url = `${issuer}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetcher(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), cache: 'no-store' });
  } catch {
    return { outcome: 'unreachable', at: now };
  }
  if (response.status >= 500 || response.status === 429) return { outcome: 'unreachable', at: now };
  if (!response.ok) {
    return { outcome: 'misconfigured', problem: `The user pool's OIDC discovery (${url}) answered ${response.status}: check COGNITO_REGION and COGNITO_USER_POOL_ID.`, at: now };
  }
  const document = (await response.json().catch(() => null)) as { issuer?: unknown } | null;
  if (document?.issuer !== issuer) {
    return { outcome: 'misconfigured', problem: `The user pool's OIDC discovery names another issuer (${String(document?.issuer)}) than ${issuer}.`, at: now };
  }
  return { outcome: 'ok', at: now };
}

export async function readiness(options: { env?: Env; fetcher?: typeof fetch; now?: number } = {}): Promise<Readiness> {
  const { env = process.env, fetcher = fetch, now = Date.now() } = options;
  const problem = configurationProblem(env);
  if (problem) return { ready: false, status: 'misconfigured', problems: [problem], cognito: 'unchecked', checkedAt: null };

  if (!last || now - last.at >= DISCOVERY_CHECK_INTERVAL_MS) {
    inFlight ??= checkDiscovery(loadPortalConfig(env).cognito.issuer, fetcher, now).finally(() => (inFlight = undefined));
    last = await inFlight;
  }
  const problems = last.problem ? [last.problem] : [];
  const stopping = isStopping();
  return {
    ready: problems.length === 0 && !stopping,
    status: stopping ? 'stopping' : problems.length ? 'misconfigured' : 'ready',
    problems,
    cognito: last.outcome,
    checkedAt: new Date(last.at).toISOString(),
  };
}

/** Tests only: forget the last discovery check. */
export function forgetDiscoveryCheck(): void {
  last = undefined;
}
