import { PoolError } from './errors';

/**
 * Fault injection for tests and benchmarks, keyed by operation name (or "*" for every
 * operation; "oauth2/token" etc. for the OIDC endpoints). `error` is raised on a share
 * `rate` (default 1) of calls after `latencyMs`.
 */
export type FaultRule = { latencyMs?: number; error?: 'TooManyRequestsException' | 'InternalErrorException' | string; rate?: number };
export type FaultRules = Record<string, FaultRule>;

const FAULT_MESSAGES: Record<string, string> = {
  TooManyRequestsException: 'Rate exceeded',
  InternalErrorException: 'An internal error occurred.',
};

export async function applyFaults(rules: FaultRules, operation: string): Promise<void> {
  for (const rule of [rules['*'], rules[operation]]) {
    if (!rule) continue;
    if (rule.latencyMs && rule.latencyMs > 0) await new Promise((r) => setTimeout(r, rule.latencyMs));
    if (rule.error && Math.random() < (rule.rate ?? 1)) {
      throw new PoolError(rule.error, FAULT_MESSAGES[rule.error] ?? 'Injected fault');
    }
  }
}

export function validateFaultRules(value: unknown): FaultRules {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('faults must be an object');
  for (const [key, rule] of Object.entries(value)) {
    if (typeof rule !== 'object' || rule === null) throw new Error(`fault rule for ${key} must be an object`);
    const { latencyMs, error, rate } = rule as FaultRule;
    if (latencyMs !== undefined && (typeof latencyMs !== 'number' || latencyMs < 0 || latencyMs > 120_000)) throw new Error(`latencyMs for ${key} must be 0–120000`);
    if (error !== undefined && typeof error !== 'string') throw new Error(`error for ${key} must be an exception name`);
    if (rate !== undefined && (typeof rate !== 'number' || rate < 0 || rate > 1)) throw new Error(`rate for ${key} must be 0–1`);
  }
  return value as FaultRules;
}
