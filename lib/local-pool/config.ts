import { resolve } from 'node:path';
import { validateFaultRules, type FaultRules } from './faults';

export type PoolConfig = {
  port: number;
  /** Where the pool answers: the SDK endpoint, the OIDC issuer's origin and the sign-in pages. */
  endpoint: string;
  region: string;
  dataFile: string;
  portalUrl: string;
  callbackUrls: string[];
  logoutUrls: string[];
  webauthn: {
    enabled: boolean;
    relyingPartyId: string;
    allowedOrigins: string[];
    userVerification: 'required' | 'preferred';
    maxPasskeysPerUser: number;
    challengeTtlSeconds: number;
  };
  tokens: { accessTtlSeconds: number; idTtlSeconds: number; refreshTtlSeconds: number; authCodeTtlSeconds: number };
  sessions: {
    /** How long an InitiateAuth USER_AUTH Session stays usable (Cognito's AuthSessionValidity, default 3 minutes). */
    authFlowTtlSeconds: number;
    /** How long the pool's own sign-in session (its cookie) lets a later authorize skip the form; 0 turns it off. */
    signInTtlSeconds: number;
  };
  demoUser: { username: string; password: string; email: string; name: string };
  faults: FaultRules;
  /** Bearer token that enables the /_local control API used by tests; unset keeps it off. */
  adminToken: string | undefined;
};

export const DEFAULT_POOL_PORT = 9333;
export const DEFAULT_DEMO_USERNAME = 'demo';
export const DEFAULT_DEMO_PASSWORD = 'Passkeys-4-everyone!';

export class PoolConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PoolConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

function list(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

function origin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PoolConfigError(`${name} must be an absolute http(s) URL (got "${value}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PoolConfigError(`${name} must be an http(s) URL (got "${value}").`);
  }
  return url.origin;
}

function parseFaults(raw: string | undefined): FaultRules {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new PoolConfigError(`LOCAL_POOL_FAULTS must be JSON: an object of operation → rule (${(error as Error).message}).`);
  }
  try {
    return validateFaultRules(parsed);
  } catch (error) {
    throw new PoolConfigError(`LOCAL_POOL_FAULTS: ${(error as Error).message}.`);
  }
}

export function loadPoolConfig(env: Env = process.env): PoolConfig {
  const port = integer(env, 'LOCAL_POOL_PORT', DEFAULT_POOL_PORT, 0, 65535);
  const portalUrl = origin('LOCAL_POOL_PORTAL_URL', env.LOCAL_POOL_PORTAL_URL ?? 'http://localhost:3000');
  const allowedOrigins = list(env, 'LOCAL_POOL_ALLOWED_ORIGINS', [portalUrl]).map((o) => origin('LOCAL_POOL_ALLOWED_ORIGINS', o));
  const userVerification = env.LOCAL_POOL_USER_VERIFICATION ?? 'required';
  if (userVerification !== 'required' && userVerification !== 'preferred') {
    throw new PoolConfigError(`LOCAL_POOL_USER_VERIFICATION must be "required" or "preferred" (got "${userVerification}").`);
  }
  const webauthnSwitch = env.LOCAL_POOL_WEBAUTHN ?? 'on';
  if (webauthnSwitch !== 'on' && webauthnSwitch !== 'off') {
    throw new PoolConfigError(`LOCAL_POOL_WEBAUTHN must be "on" or "off" (got "${webauthnSwitch}").`);
  }
  const relyingPartyId = env.LOCAL_POOL_RP_ID ?? new URL(portalUrl).hostname;
  if (relyingPartyId.length > 127) throw new PoolConfigError('LOCAL_POOL_RP_ID must be at most 127 characters.');

  return {
    port,
    endpoint: `http://localhost:${port}`,
    region: env.LOCAL_POOL_REGION ?? 'local-1',
    dataFile: resolve(env.LOCAL_POOL_DATA ?? '.local-pool/state.json'),
    portalUrl,
    // The portal's sign-in, and the embedded view's own sign-in in its popup window.
    callbackUrls: list(env, 'LOCAL_POOL_CALLBACK_URLS', [`${portalUrl}/api/auth/callback/cognito`, `${portalUrl}/api/auth-popup/callback`]),
    logoutUrls: list(env, 'LOCAL_POOL_LOGOUT_URLS', [`${portalUrl}/`]),
    webauthn: {
      enabled: webauthnSwitch === 'on',
      relyingPartyId,
      allowedOrigins,
      userVerification,
      maxPasskeysPerUser: integer(env, 'LOCAL_POOL_PASSKEY_LIMIT', 20, 0, 1000),
      challengeTtlSeconds: integer(env, 'LOCAL_POOL_CHALLENGE_TTL', 300, 1, 86400),
    },
    tokens: {
      accessTtlSeconds: integer(env, 'LOCAL_POOL_ACCESS_TOKEN_TTL', 3600, 1, 86400),
      idTtlSeconds: integer(env, 'LOCAL_POOL_ID_TOKEN_TTL', 3600, 1, 86400),
      refreshTtlSeconds: integer(env, 'LOCAL_POOL_REFRESH_TOKEN_TTL', 30 * 86400, 60, 3650 * 86400),
      authCodeTtlSeconds: 300,
    },
    sessions: {
      authFlowTtlSeconds: integer(env, 'LOCAL_POOL_AUTH_SESSION_TTL', 180, 1, 900),
      signInTtlSeconds: integer(env, 'LOCAL_POOL_SIGN_IN_SESSION_TTL', 3600, 0, 30 * 86400),
    },
    demoUser: {
      username: env.LOCAL_POOL_DEMO_USERNAME || DEFAULT_DEMO_USERNAME,
      password: env.LOCAL_POOL_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
      email: env.LOCAL_POOL_DEMO_EMAIL || 'demo@example.com',
      name: env.LOCAL_POOL_DEMO_NAME || 'Demo User',
    },
    faults: parseFaults(env.LOCAL_POOL_FAULTS),
    adminToken: env.LOCAL_POOL_ADMIN_TOKEN || undefined,
  };
}
