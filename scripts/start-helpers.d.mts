// Types for scripts/start-helpers.mjs (plain Node ESM, run without a build step).
import type { ChildProcess } from 'node:child_process';

export declare const COGNITO_VARIABLES: readonly string[];
export declare function cognitoVariablesSet(env: Record<string, string | undefined>): string[];
export declare function portalPort(env: Record<string, string | undefined>): number;
export declare const LOCAL_POOL_LISTEN_HOST: string;
export declare function portalUrlFromEnv(env: Record<string, string | undefined>): string;
export declare function frameAncestorsAllow(contentSecurityPolicy: string | null | undefined, origin: string): { allowed: boolean; listed: string[] | null };
export declare function portalListenHost(env: Record<string, string | undefined>, localPool: boolean): string | undefined;
export declare function checkPortalUrlMatchesPort(env: Record<string, string | undefined>, port: number): void;
export declare function needsBuild(root: string): boolean;
export declare function localSessionSecret(env: Record<string, string | undefined>, file: string): string;
export declare function portalEnvForLocalPool(
  pool: { endpoint: string; region: string; userPoolId: string; clientId: string },
  portalUrl: string,
  secret: string,
): Record<string, string>;
export declare function firstJsonLine(child: ChildProcess, timeoutMs: number, what: string): Promise<Record<string, unknown>>;
