// Types for scripts/dependency-audit.mjs (plain Node ESM, run without a build step).
export type AuditOutcome = { kind: 'findings'; count: number } | { kind: 'clean' } | { kind: 'unreachable'; detail: string };
export declare function auditOutcome(jsonText: string): AuditOutcome;
