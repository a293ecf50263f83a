import 'server-only';
import { z } from 'zod';

/**
 * The portal's whole configuration, read from the environment once and checked as a whole.
 * Two modes, decided by COGNITO_LOCAL_ENDPOINT:
 * - `cognito`: a real user pool. Its hosted domain (COGNITO_DOMAIN) serves /oauth2/* and /logout,
 *   the SDK talks to AWS's regional endpoint.
 * - `local-pool`: the local Cognito-compatible pool (started by `npm start`). It serves the SDK
 *   API, the OIDC endpoints and /logout itself, so COGNITO_LOCAL_ENDPOINT replaces COGNITO_DOMAIN.
 */
export type PortalMode = 'cognito' | 'local-pool';

export type PortalConfig = {
  mode: PortalMode;
  /** The portal's public origin (NEXTAUTH_URL), e.g. https://security.example.com */
  portalUrl: string;
  nextAuthSecret: string;
  /** Secure cookies (`__Host-` for the session, next-auth's `__Secure-` for the rest) whenever the portal is served over https. */
  useSecureCookies: boolean;
  /**
   * Exact origins (EMBED_ALLOWED_ORIGINS) whose pages may frame the embedded view `/embed/*` and
   * exchange messages with it. Empty: the embedded view cannot be framed by anyone.
   */
  embedAllowedOrigins: string[];
  /**
   * How recent the sign-in must be (seconds since the ID token's auth_time) to change a way to
   * sign in or a device's trust: add or delete a passkey, forget or (un)remember a device
   * (STEP_UP_MAX_AGE); older sessions confirm it's them first.
   */
  stepUpMaxAgeSeconds: number;
  cognito: {
    region: string;
    userPoolId: string;
    clientId: string;
    clientSecret: string | undefined;
    /** OIDC issuer; discovery lives at `${issuer}/.well-known/openid-configuration`. */
    issuer: string;
    /** Origin that hosts /oauth2/token, /oauth2/revoke and /logout. */
    oauthOrigin: string;
    /** SDK endpoint override; undefined means AWS's own regional endpoint. */
    sdkEndpoint: string | undefined;
  };
};

/** Thrown for missing or contradictory configuration; the message names the variable. */
export class PortalConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'PortalConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/** Every variable the portal reads; `.env.example` documents each one. */
export const PORTAL_ENV_VARIABLES = [
  'NEXTAUTH_URL',
  'NEXTAUTH_SECRET',
  'COGNITO_REGION',
  'COGNITO_USER_POOL_ID',
  'COGNITO_CLIENT_ID',
  'COGNITO_CLIENT_SECRET',
  'COGNITO_DOMAIN',
  'COGNITO_LOCAL_ENDPOINT',
  'EMBED_ALLOWED_ORIGINS',
  'STEP_UP_MAX_AGE',
] as const;

type Variable = (typeof PORTAL_ENV_VARIABLES)[number];

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const LOCAL_REGION = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// Cognito's UserPoolIdType pattern, with the region prefix captured.
const USER_POOL_ID = /^([\w-]+)_[0-9a-zA-Z]+$/;
// Cognito's ClientIdType: 1–128 word characters.
const CLIENT_ID = /^[\w+]{1,128}$/;
const COGNITO_PREFIX_DOMAIN = /^[a-z0-9-]+\.auth(?:-fips)?\.([a-z0-9-]+)\.amazoncognito\.com$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function read(env: Env, name: Variable): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function required(env: Env, name: Variable, why: string): string {
  const value = read(env, name);
  if (value === undefined) throw new PortalConfigError(name, `${name} is not set: ${why}`);
  return value;
}

/** Parses an absolute http(s) URL that must be an origin (no path, query or fragment). */
function origin(name: Variable, value: string): URL {
  const parsed = z.url({ protocol: /^https?$/ }).safeParse(value);
  if (!parsed.success) throw new PortalConfigError(name, `${name} must be an absolute http(s) URL (got "${value}").`);
  const url = new URL(value);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new PortalConfigError(name, `${name} must be an origin such as https://host:port, without a path (got "${value}").`);
  }
  return url;
}

function domainOrigin(value: string): URL {
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
  const url = origin('COGNITO_DOMAIN', withScheme);
  if (url.protocol !== 'https:') {
    throw new PortalConfigError('COGNITO_DOMAIN', `COGNITO_DOMAIN must use https (got "${value}").`);
  }
  return url;
}

const MIN_SECRET_LENGTH = 32;

// One host (name, IPv4 or [IPv6]) and an optional port: nothing that could widen or end a CSP source.
const EXACT_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * EMBED_ALLOWED_ORIGINS: exact origins separated by commas or spaces. Each must be https (plain
 * http only for loopback hosts, for local testing), without a path or wildcard, and not the
 * portal itself. The embedded view needs SameSite=None; Secure; Partitioned cookies, so the portal
 * must be https (or http://localhost, which browsers treat as secure) when any is set.
 */
function embedOrigins(env: Env, portal: URL): string[] {
  const raw = read(env, 'EMBED_ALLOWED_ORIGINS');
  if (!raw) return [];
  const name = 'EMBED_ALLOWED_ORIGINS';
  const origins: string[] = [];
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new PortalConfigError(name, `${name} must list origins such as https://app.example.com (got "${entry}").`);
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password || entry.replace(/\/$/, '') !== url.origin) {
      throw new PortalConfigError(name, `${name} must list exact origins (scheme, host and port, no path or wildcard; got "${entry}").`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
      throw new PortalConfigError(name, `${name} entries must use https (plain http only for localhost; got "${entry}").`);
    }
    if (!EXACT_ORIGIN.test(url.origin)) throw new PortalConfigError(name, `${name} entries must name one host, without wildcards (got "${entry}").`);
    if (url.origin === portal.origin) throw new PortalConfigError(name, `${name} must not list the portal itself (${portal.origin}).`);
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  if (origins.length > 0 && portal.protocol !== 'https:' && !LOOPBACK_HOSTS.has(portal.hostname)) {
    throw new PortalConfigError(
      name,
      `${name} is set, but NEXTAUTH_URL is plain http: the embedded view's cookies must be Secure, so serve the portal over https (got "${portal.origin}").`,
    );
  }
  return origins;
}

/**
 * Checks the environment and returns the portal's configuration, or throws a
 * PortalConfigError naming the first variable that is missing, malformed or contradicts another.
 */
export function loadPortalConfig(env: Env): PortalConfig {
  const localEndpointRaw = read(env, 'COGNITO_LOCAL_ENDPOINT');
  const mode: PortalMode = localEndpointRaw ? 'local-pool' : 'cognito';
  const domainRaw = read(env, 'COGNITO_DOMAIN');
  const poolIdRaw = read(env, 'COGNITO_USER_POOL_ID');

  if (localEndpointRaw && domainRaw) {
    throw new PortalConfigError(
      'COGNITO_DOMAIN',
      'COGNITO_DOMAIN and COGNITO_LOCAL_ENDPOINT are both set: a real user pool needs COGNITO_DOMAIN, the local pool COGNITO_LOCAL_ENDPOINT. Unset one.',
    );
  }
  if (domainRaw && !poolIdRaw) {
    throw new PortalConfigError('COGNITO_USER_POOL_ID', 'COGNITO_USER_POOL_ID is not set, but COGNITO_DOMAIN is: a domain belongs to a user pool, so name the pool too.');
  }
  if (read(env, 'COGNITO_CLIENT_SECRET') && !read(env, 'COGNITO_CLIENT_ID')) {
    throw new PortalConfigError('COGNITO_CLIENT_ID', 'COGNITO_CLIENT_ID is not set, but COGNITO_CLIENT_SECRET is: the secret belongs to an app client, so name the client too.');
  }

  const howToConfigure =
    mode === 'local-pool'
      ? 'the local pool mode needs it (npm start sets it for you).'
      : 'set the Cognito variables of your user pool (see .env.example), or unset them all and use `npm start` to run the local pool.';

  const region = required(env, 'COGNITO_REGION', howToConfigure);
  if (!(mode === 'local-pool' ? LOCAL_REGION : AWS_REGION).test(region)) {
    throw new PortalConfigError('COGNITO_REGION', `COGNITO_REGION must be an AWS region such as eu-west-1 (got "${region}").`);
  }
  const userPoolId = required(env, 'COGNITO_USER_POOL_ID', howToConfigure);
  const poolMatch = USER_POOL_ID.exec(userPoolId);
  if (!poolMatch) {
    throw new PortalConfigError('COGNITO_USER_POOL_ID', `COGNITO_USER_POOL_ID must look like <region>_<id>, e.g. eu-west-1_AbC123xyz (got "${userPoolId}").`);
  }
  if (poolMatch[1] !== region) {
    throw new PortalConfigError(
      'COGNITO_USER_POOL_ID',
      `COGNITO_USER_POOL_ID "${userPoolId}" belongs to region ${poolMatch[1]}, but COGNITO_REGION is ${region}. Make them agree.`,
    );
  }
  const clientId = required(env, 'COGNITO_CLIENT_ID', howToConfigure);
  if (!CLIENT_ID.test(clientId)) {
    throw new PortalConfigError('COGNITO_CLIENT_ID', 'COGNITO_CLIENT_ID must be the app client ID: 1–128 letters, digits or underscores.');
  }
  const clientSecret = read(env, 'COGNITO_CLIENT_SECRET');

  let oauthOrigin: string;
  let issuer: string;
  let sdkEndpoint: string | undefined;
  if (mode === 'local-pool') {
    const endpoint = origin('COGNITO_LOCAL_ENDPOINT', localEndpointRaw!).origin;
    oauthOrigin = endpoint;
    issuer = `${endpoint}/${userPoolId}`;
    sdkEndpoint = endpoint;
  } else {
    const domain = domainOrigin(required(env, 'COGNITO_DOMAIN', howToConfigure));
    const domainRegion = COGNITO_PREFIX_DOMAIN.exec(domain.hostname)?.[1];
    if (domainRegion && domainRegion !== region) {
      throw new PortalConfigError(
        'COGNITO_DOMAIN',
        `COGNITO_DOMAIN ${domain.hostname} is in region ${domainRegion}, but COGNITO_REGION is ${region}. Make them agree.`,
      );
    }
    oauthOrigin = domain.origin;
    issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
    sdkEndpoint = undefined;
  }

  const portal = origin('NEXTAUTH_URL', required(env, 'NEXTAUTH_URL', "set it to the portal's public URL, e.g. https://security.example.com."));
  if (mode === 'cognito' && portal.protocol !== 'https:' && !LOOPBACK_HOSTS.has(portal.hostname)) {
    throw new PortalConfigError(
      'NEXTAUTH_URL',
      `NEXTAUTH_URL must use https with a real user pool: Cognito accepts plain http callback URLs only for localhost (got "${portal.origin}").`,
    );
  }
  const nextAuthSecret = required(env, 'NEXTAUTH_SECRET', 'it encrypts the session cookie; generate one with `openssl rand -base64 32`.');
  if (nextAuthSecret.length < MIN_SECRET_LENGTH) {
    throw new PortalConfigError('NEXTAUTH_SECRET', `NEXTAUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters; generate one with \`openssl rand -base64 32\`.`);
  }

  return {
    mode,
    portalUrl: portal.origin,
    nextAuthSecret,
    useSecureCookies: portal.protocol === 'https:',
    embedAllowedOrigins: embedOrigins(env, portal),
    stepUpMaxAgeSeconds: stepUpMaxAge(env),
    cognito: { region, userPoolId, clientId, clientSecret, issuer, oauthOrigin, sdkEndpoint },
  };
}

export const DEFAULT_STEP_UP_MAX_AGE_SECONDS = 600;
// A day: beyond that "recent" means nothing; below 10 s a person could not finish a ceremony.
const STEP_UP_MAX_AGE_RANGE = { min: 10, max: 86_400 };

function stepUpMaxAge(env: Env): number {
  const raw = read(env, 'STEP_UP_MAX_AGE');
  if (raw === undefined) return DEFAULT_STEP_UP_MAX_AGE_SECONDS;
  const seconds = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= STEP_UP_MAX_AGE_RANGE.min && seconds <= STEP_UP_MAX_AGE_RANGE.max)) {
    throw new PortalConfigError(
      'STEP_UP_MAX_AGE',
      `STEP_UP_MAX_AGE must be a whole number of seconds from ${STEP_UP_MAX_AGE_RANGE.min} to ${STEP_UP_MAX_AGE_RANGE.max} (got "${raw}"); the default is ${DEFAULT_STEP_UP_MAX_AGE_SECONDS}.`,
    );
  }
  return seconds;
}

let cached: PortalConfig | undefined;

/** The configuration of this process, checked on first use (instrumentation.ts does that at start). */
export function getPortalConfig(): PortalConfig {
  cached ??= loadPortalConfig(process.env);
  return cached;
}
