// Pieces of scripts/start.mjs that are worth testing on their own. Plain Node ESM, no dependencies.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Variables that mean "use this Cognito configuration" rather than the local pool. */
export const COGNITO_VARIABLES = [
  'COGNITO_REGION',
  'COGNITO_USER_POOL_ID',
  'COGNITO_CLIENT_ID',
  'COGNITO_CLIENT_SECRET',
  'COGNITO_DOMAIN',
  'COGNITO_LOCAL_ENDPOINT',
];

/** The Cognito variables that are set (non-blank); none means the local pool. */
export function cognitoVariablesSet(env) {
  return COGNITO_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');
}

/** The portal's port: PORT, else 3000. Throws with the variable's name when PORT is not a port. */
export function portalPort(env) {
  const raw = (env.PORT ?? '').trim();
  if (raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number from 1 to 65535 (got "${raw}").`);
  return port;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The portal's public URL as `npm start` announces it: NEXTAUTH_URL when set, else
 * http://localhost:<PORT or 3000>. `npm run example-host` frames the same one.
 */
export function portalUrlFromEnv(env) {
  return (env.NEXTAUTH_URL ?? '').trim() || `http://localhost:${portalPort(env)}`;
}

/**
 * Whether a page answer's Content-Security-Policy lets `origin` frame it: the origins its
 * frame-ancestors directive lists (`'none'` lists none). No directive at all allows any framer.
 */
export function frameAncestorsAllow(contentSecurityPolicy, origin) {
  const directive = (contentSecurityPolicy ?? '')
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name?.toLowerCase() === 'frame-ancestors');
  if (!directive) return { allowed: true, listed: null };
  const listed = directive.slice(1).filter((source) => source !== "'none'");
  const allowed = listed.some((source) => source === '*' || source.replace(/\/$/, '') === origin);
  return { allowed, listed };
}

/** Loopback: what the portal listens on with the local pool unless PORTAL_LISTEN_HOST opens it up. */
export const LOCAL_POOL_LISTEN_HOST = '127.0.0.1';
// A host name, IPv4 or IPv6 address; never something `next` would read as an option.
const LISTEN_HOST = /^(?:[A-Za-z0-9][A-Za-z0-9.-]*|[0-9A-Fa-f:.]+)$/;

/**
 * The address `next start` / `next dev` listens on (its `-H`): PORTAL_LISTEN_HOST when set (e.g.
 * 0.0.0.0 to reach a local-pool portal from another machine); else loopback with the local pool,
 * whose demo account has a published password; else undefined, Next's default (every interface),
 * for a deployment on a real user pool. Throws naming the variable when it is not a host or address.
 */
export function portalListenHost(env, localPool) {
  const raw = (env.PORTAL_LISTEN_HOST ?? '').trim();
  if (raw !== '') {
    if (!LISTEN_HOST.test(raw)) throw new Error(`PORTAL_LISTEN_HOST must be a host name or IP address such as 127.0.0.1 or 0.0.0.0 (got "${raw}").`);
    return raw;
  }
  return localPool ? LOCAL_POOL_LISTEN_HOST : undefined;
}

/**
 * Throws, naming NEXTAUTH_URL and PORT, when NEXTAUTH_URL is a loopback URL on another port than
 * the one the portal will listen on: the pool would send sign-ins back to a port nobody serves.
 * Other hosts are left alone: a proxy or load balancer may sit between them and PORT.
 */
export function checkPortalUrlMatchesPort(env, port) {
  const raw = (env.NEXTAUTH_URL ?? '').trim();
  if (raw === '') return;
  let url;
  try {
    url = new URL(raw);
  } catch {
    return; // the portal's own configuration check names a malformed NEXTAUTH_URL
  }
  if (!LOOPBACK_HOSTS.has(url.hostname) || !/^https?:$/.test(url.protocol)) return;
  const urlPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (urlPort === port) return;
  const portSource = (env.PORT ?? '').trim() === '' ? `PORT is unset, so the portal listens on ${port}` : `PORT is ${port}`;
  throw new Error(
    `NEXTAUTH_URL (${url.origin}) is on port ${urlPort}, but ${portSource}: sign-in would come back to a port nobody serves. Make NEXTAUTH_URL and PORT agree.`,
  );
}

// What a production build is made from; tests and the local pool are not part of it.
const BUILD_INPUTS = ['app', 'components', 'lib', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'postcss.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const NOT_BUILD_INPUTS = new Set([join('lib', 'local-pool')]);

function newestMtime(root, relative) {
  const path = join(root, relative);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(relative) ? 0 : stat.mtimeMs;
  if (NOT_BUILD_INPUTS.has(relative)) return 0;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(root, join(relative, entry)));
  return newest;
}

/** True when there is no production build, or a source file changed after it was made. */
export function needsBuild(root) {
  let built;
  try {
    built = statSync(join(root, '.next', 'BUILD_ID')).mtimeMs;
  } catch {
    return true;
  }
  return BUILD_INPUTS.some((input) => newestMtime(root, input) > built);
}

/**
 * The session secret for local use: NEXTAUTH_SECRET when set, else one generated once and kept in
 * `file` (owner-only), so sessions survive restarts.
 */
export function localSessionSecret(env, file) {
  if ((env.NEXTAUTH_SECRET ?? '').trim()) return env.NEXTAUTH_SECRET.trim();
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // none yet
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The portal's environment for the local pool whose details `pool` are (the pool's --json line). */
export function portalEnvForLocalPool(pool, portalUrl, secret) {
  return {
    NEXTAUTH_URL: portalUrl,
    NEXTAUTH_SECRET: secret,
    COGNITO_LOCAL_ENDPOINT: pool.endpoint,
    COGNITO_REGION: pool.region,
    COGNITO_USER_POOL_ID: pool.userPoolId,
    COGNITO_CLIENT_ID: pool.clientId,
  };
}

/**
 * Resolves with the first stdout line that starts with `{`, parsed (npm may print warnings first);
 * rejects if the process ends or `timeoutMs` passes before.
 */
export function firstJsonLine(child, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => finish(new Error(`${what} did not report itself within ${timeoutMs / 1000} s.`)), timeoutMs);
    const onData = (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('{')) {
          try {
            return finish(null, JSON.parse(line));
          } catch (error) {
            return finish(new Error(`${what} printed a line that is not JSON: ${error.message}`));
          }
        }
      }
    };
    const onExit = (code) => finish(new Error(`${what} exited (code ${code}) before it was ready.`));
    function finish(error, value) {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value);
    }
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}
