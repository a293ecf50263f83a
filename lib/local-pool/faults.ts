import { PoolError } from './errors';
import { modelTable } from './model/model-table';

/**
 * Fault injection for tests and benchmarks, keyed by operation name (or "*" for every
 * operation; "oauth2/token" for the OIDC token endpoint). `error` is raised on a share
 * `rate` (default 1) of calls after `latencyMs`.
 */
export type FaultRule = { latencyMs?: number; error?: string; rate?: number };
export type FaultRules = Record<string, FaultRule>;

/** The longest latency a rule may add: long enough for any timeout test, short of hanging a run. */
export const MAX_FAULT_LATENCY_MS = 120_000;

/** OIDC endpoints with a fault hook; their faults become OAuth errors (throttled or server error). */
const ENDPOINT_ERRORS: Record<string, string[]> = { 'oauth2/token': ['TooManyRequestsException', 'InternalErrorException'] };

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

/**
 * The exceptions a rule under this key may force: those the model lists for the operation
 * (for "*", those every operation lists), so an injected fault is one a client can really get.
 * Undefined for a key that names nothing the pool answers.
 */
export function faultableErrors(key: string): string[] | undefined {
  if (Object.hasOwn(ENDPOINT_ERRORS, key)) return ENDPOINT_ERRORS[key];
  const operations = Object.values(modelTable.operations);
  if (key === '*') return operations[0].errors.filter((e) => operations.every((op) => op.errors.includes(e)));
  return Object.hasOwn(modelTable.operations, key) ? modelTable.operations[key].errors : undefined;
}

const RULE_MEMBERS = new Set(['latencyMs', 'error', 'rate']);

/** Checks a whole set of rules and throws an Error naming the first problem; returns them unchanged. */
export function validateFaultRules(value: unknown): FaultRules {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('faults must be an object of operation → rule');
  for (const [key, rule] of Object.entries(value)) {
    const allowed = faultableErrors(key);
    if (!allowed) throw new Error(`"${key}" is not an operation the pool answers, "*" or ${Object.keys(ENDPOINT_ERRORS).map((k) => `"${k}"`).join(', ')}`);
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw new Error(`the fault rule for ${key} must be an object`);
    const unknown = Object.keys(rule).filter((member) => !RULE_MEMBERS.has(member));
    if (unknown.length > 0) throw new Error(`the fault rule for ${key} has unknown members: ${unknown.join(', ')} (allowed: latencyMs, error, rate)`);
    const { latencyMs, error, rate } = rule as Record<string, unknown>;
    if (latencyMs !== undefined && (typeof latencyMs !== 'number' || !Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_FAULT_LATENCY_MS)) {
      throw new Error(`latencyMs for ${key} must be a whole number of milliseconds from 0 to ${MAX_FAULT_LATENCY_MS}`);
    }
    if (error !== undefined && (typeof error !== 'string' || !allowed.includes(error))) {
      throw new Error(`error for ${key} must be an exception ${key === '*' ? 'every operation' : key} can raise: ${allowed.join(', ')}`);
    }
    if (rate !== undefined && (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1)) throw new Error(`rate for ${key} must be a number from 0 to 1`);
  }
  return value as FaultRules;
}
