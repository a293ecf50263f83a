import { resolve } from 'node:path';
import { PASSKEYS_ATTRIBUTE, portalPoolDefinition as definition, type FirstAuthFactor } from '../../pool-definition/portal-pool';
import { validateFaultRules, type FaultRules } from './faults';
import type { RefreshTokenRotation } from './store';
import { validateCustomAttributes, validatePermissionList, type CustomAttribute } from './user-attributes';

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
  /** The pool's attribute schema: its custom attributes (standard ones are always there). */
  userPool: { customAttributes: CustomAttribute[] };
  /** Choice-based sign-in: the factors a USER_AUTH sign-in may start with. */
  signIn: { allowedFirstAuthFactors: FirstAuthFactor[] };
  /** Whether a device that signs in is remembered at once or only when the person says so. */
  deviceTracking: { challengeRequiredOnNewDevice: boolean; deviceOnlyRememberedOnUserPrompt: boolean };
  /** The portal's app client (the pool's first): what it may read and write, and refresh-token rotation. */
  portalClient: { readAttributes: string[]; writeAttributes: string[]; refreshTokenRotation: RefreshTokenRotation };
  demoUser: { username: string; password: string; email: string; name: string };
  faults: FaultRules;
  /** Bearer token that enables the /_local control API used by tests; unset keeps it off. */
  adminToken: string | undefined;
  /** What the hosted pages are called: the portal's product name, so the sign-in looks like part of it. */
  branding: { productName: string };
};

export const DEFAULT_POOL_PORT = 9333;
export const DEFAULT_DEMO_USERNAME = 'demo';
export const DEFAULT_DEMO_PASSWORD = 'Passkeys-4-everyone!';
/** The portal's own name (app/layout.tsx), so the pool's pages read as the same product by default. */
export const DEFAULT_PRODUCT_NAME = 'Account security';
export const MAX_PRODUCT_NAME_LENGTH = 60;

/** The attribute the portal keeps its passkey details in, by default (its name is the portal's configuration too). */
export const DEFAULT_PASSKEYS_ATTRIBUTE = PASSKEYS_ATTRIBUTE;

/**
 * The defaults come from the one definition the real pool is deployed from
 * (pool-definition/portal-pool.ts; infra/test/parity.test.ts compares the two):
 * `LOCAL_POOL_CUSTOM_ATTRIBUTES`, `LOCAL_POOL_CLIENT_READ_ATTRIBUTES`,
 * `LOCAL_POOL_CLIENT_WRITE_ATTRIBUTES` and the other variables below replace them for a test.
 */
export const DEFAULT_CUSTOM_ATTRIBUTES: CustomAttribute[] = definition.customAttributes.map((a) => ({ ...a }));
export const DEFAULT_REFRESH_TOKEN_ROTATION: RefreshTokenRotation = { ...definition.portalClient.refreshTokenRotation };

/**
 * The portal client's default permissions: the definition's standard attributes, and every custom
 * attribute of the schema (the definition's own when the schema is the definition's).
 */
function definedPermissions(schema: CustomAttribute[]): { readAttributes: string[]; writeAttributes: string[] } {
  const standard = (names: readonly string[]) => names.filter((name) => !name.startsWith('custom:'));
  const custom = schema.map((a) => a.name);
  return {
    readAttributes: [...standard(definition.portalClient.readAttributes), ...custom],
    writeAttributes: [...standard(definition.portalClient.writeAttributes), ...custom],
  };
}

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

/** Runs a check that throws a plain Error, reporting its message as a PoolConfigError naming the variable. */
function checked<T>(name: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new PoolConfigError(`${name}: ${(error as Error).message}.`);
  }
}

function customAttributes(env: Env): CustomAttribute[] {
  const raw = env.LOCAL_POOL_CUSTOM_ATTRIBUTES;
  if (raw === undefined || raw.trim() === '') return DEFAULT_CUSTOM_ATTRIBUTES.map((a) => ({ ...a }));
  return checked('LOCAL_POOL_CUSTOM_ATTRIBUTES', () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Error('must be JSON: a list like [{"name": "custom:passkeys", "maxLength": 2048}], or [] for none');
    }
    return validateCustomAttributes(parsed);
  });
}

function portalClient(env: Env, schema: CustomAttribute[]): PoolConfig['portalClient'] {
  const defaults = definedPermissions(schema);
  const permissions = (name: string, fallback: string[]) => {
    const raw = env[name];
    // "none" grants nothing but `sub`, which every client reads.
    if (raw?.trim() === 'none') return [];
    return checked(name, () => validatePermissionList(list(env, name, fallback), schema, 'the list'));
  };
  const rotation = env.LOCAL_POOL_REFRESH_TOKEN_ROTATION ?? 'off';
  if (rotation !== 'on' && rotation !== 'off') throw new PoolConfigError(`LOCAL_POOL_REFRESH_TOKEN_ROTATION must be "on" or "off" (got "${rotation}").`);
  return {
    readAttributes: permissions('LOCAL_POOL_CLIENT_READ_ATTRIBUTES', defaults.readAttributes),
    writeAttributes: permissions('LOCAL_POOL_CLIENT_WRITE_ATTRIBUTES', defaults.writeAttributes),
    refreshTokenRotation: {
      feature: rotation === 'on' ? 'ENABLED' : 'DISABLED',
      retryGracePeriodSeconds: integer(env, 'LOCAL_POOL_REFRESH_TOKEN_GRACE', DEFAULT_REFRESH_TOKEN_ROTATION.retryGracePeriodSeconds, 0, 60),
    },
  };
}

function parseFaults(raw: string | undefined): FaultRules {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new PoolConfigError(`LOCAL_POOL_FAULTS must be JSON: an object of operation → rule (${(error as Error).message}).`);
  }
  return checked('LOCAL_POOL_FAULTS', () => validateFaultRules(parsed));
}

/** A short line of plain text: it is shown in every hosted page's header and title (escaped there too). */
function productName(env: Env): string {
  const raw = env.LOCAL_POOL_PRODUCT_NAME;
  if (raw === undefined || raw.trim() === '') return DEFAULT_PRODUCT_NAME;
  const name = raw.trim();
  if (name.length > MAX_PRODUCT_NAME_LENGTH || /[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw new PoolConfigError(`LOCAL_POOL_PRODUCT_NAME must be one line of at most ${MAX_PRODUCT_NAME_LENGTH} characters.`);
  }
  return name;
}

export function loadPoolConfig(env: Env = process.env): PoolConfig {
  const port = integer(env, 'LOCAL_POOL_PORT', DEFAULT_POOL_PORT, 0, 65535);
  const portalUrl = origin('LOCAL_POOL_PORTAL_URL', env.LOCAL_POOL_PORTAL_URL ?? 'http://localhost:3000');
  const allowedOrigins = list(env, 'LOCAL_POOL_ALLOWED_ORIGINS', [portalUrl]).map((o) => origin('LOCAL_POOL_ALLOWED_ORIGINS', o));
  const userVerification = env.LOCAL_POOL_USER_VERIFICATION ?? definition.userVerification;
  if (userVerification !== 'required' && userVerification !== 'preferred') {
    throw new PoolConfigError(`LOCAL_POOL_USER_VERIFICATION must be "required" or "preferred" (got "${userVerification}").`);
  }
  const webauthnSwitch = env.LOCAL_POOL_WEBAUTHN ?? 'on';
  if (webauthnSwitch !== 'on' && webauthnSwitch !== 'off') {
    throw new PoolConfigError(`LOCAL_POOL_WEBAUTHN must be "on" or "off" (got "${webauthnSwitch}").`);
  }
  const relyingPartyId = env.LOCAL_POOL_RP_ID ?? new URL(portalUrl).hostname;
  if (relyingPartyId.length > 127) throw new PoolConfigError('LOCAL_POOL_RP_ID must be at most 127 characters.');
  const schema = customAttributes(env);

  return {
    port,
    endpoint: `http://localhost:${port}`,
    region: env.LOCAL_POOL_REGION ?? 'local-1',
    dataFile: resolve(env.LOCAL_POOL_DATA ?? '.local-pool/state.json'),
    portalUrl,
    // The portal's sign-in, and the embedded view's own sign-in in its popup window.
    callbackUrls: list(env, 'LOCAL_POOL_CALLBACK_URLS', definition.portalClient.callbackPaths.map((path) => `${portalUrl}${path}`)),
    logoutUrls: list(env, 'LOCAL_POOL_LOGOUT_URLS', definition.portalClient.logoutPaths.map((path) => `${portalUrl}${path}`)),
    webauthn: {
      enabled: webauthnSwitch === 'on',
      relyingPartyId,
      allowedOrigins,
      userVerification,
      maxPasskeysPerUser: integer(env, 'LOCAL_POOL_PASSKEY_LIMIT', 20, 0, 1000),
      challengeTtlSeconds: integer(env, 'LOCAL_POOL_CHALLENGE_TTL', 300, 1, 86400),
    },
    tokens: {
      accessTtlSeconds: integer(env, 'LOCAL_POOL_ACCESS_TOKEN_TTL', definition.tokens.accessTokenSeconds, 1, 86400),
      idTtlSeconds: integer(env, 'LOCAL_POOL_ID_TOKEN_TTL', definition.tokens.idTokenSeconds, 1, 86400),
      refreshTtlSeconds: integer(env, 'LOCAL_POOL_REFRESH_TOKEN_TTL', definition.tokens.refreshTokenSeconds, 60, 3650 * 86400),
      authCodeTtlSeconds: 300,
    },
    sessions: {
      authFlowTtlSeconds: integer(env, 'LOCAL_POOL_AUTH_SESSION_TTL', definition.tokens.authSessionSeconds, 1, 900),
      signInTtlSeconds: integer(env, 'LOCAL_POOL_SIGN_IN_SESSION_TTL', 3600, 0, 30 * 86400),
    },
    userPool: { customAttributes: schema },
    signIn: { allowedFirstAuthFactors: [...definition.allowedFirstAuthFactors] },
    deviceTracking: { ...definition.deviceTracking },
    portalClient: portalClient(env, schema),
    demoUser: {
      username: env.LOCAL_POOL_DEMO_USERNAME || DEFAULT_DEMO_USERNAME,
      password: env.LOCAL_POOL_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
      email: env.LOCAL_POOL_DEMO_EMAIL || 'demo@example.com',
      name: env.LOCAL_POOL_DEMO_NAME || 'Demo User',
    },
    faults: parseFaults(env.LOCAL_POOL_FAULTS),
    adminToken: env.LOCAL_POOL_ADMIN_TOKEN || undefined,
    branding: { productName: productName(env) },
  };
}
