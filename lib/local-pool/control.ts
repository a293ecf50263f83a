import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from './context';
import { validateFaultRules } from './faults';
import { readBody, sendJson } from './http';
import { constantTimeEqual } from './tokens';
import { createUser, hashPassword, nowSeconds, randomId, type AppClient, type Device, type RefreshTokenRotation } from './store';
import { validateCustomAttributes, validatePermissionList, type CustomAttribute } from './user-attributes';

function wholeNumber(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

function refreshTokenRotation(value: unknown): RefreshTokenRotation | undefined {
  if (value === undefined) return undefined;
  const { feature, retryGracePeriodSeconds = 0 } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (feature !== 'ENABLED' && feature !== 'DISABLED') throw new Error('refreshTokenRotation.feature must be ENABLED or DISABLED');
  const grace = wholeNumber({ retryGracePeriodSeconds }, 'retryGracePeriodSeconds', 0, 60)!;
  return { feature, retryGracePeriodSeconds: grace };
}

/** A client's ReadAttributes/WriteAttributes from a request, checked against the schema (undefined: unchanged). */
function permissions(body: Record<string, unknown>, name: string, schema: CustomAttribute[]): string[] | undefined {
  return body[name] === undefined ? undefined : validatePermissionList(body[name], schema, name);
}

/** Attribute values for a new user: each a string, custom ones declared and within their limits. */
function userAttributes(value: unknown, schema: CustomAttribute[]): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('attributes must be an object of name → string');
  const declared = new Map(schema.map((a) => [a.name, a]));
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`attribute ${name} must be a string`);
    const custom = declared.get(name);
    if (name.startsWith('custom:') && (!custom || v.length > custom.maxLength || v.length < custom.minLength)) throw new Error(`${name} is not declared or its value is outside its length limits`);
  }
  return value as Record<string, string>;
}

/** Checks every setting first, then applies them all: a bad request changes nothing. */
function applySettings(ctx: PoolContext, body: Record<string, unknown>) {
  const maxPasskeysPerUser = wholeNumber(body, 'maxPasskeysPerUser', 0, 1000);
  const challengeTtlSeconds = wholeNumber(body, 'challengeTtlSeconds', 1, 86400);
  const accessTokenTtlSeconds = wholeNumber(body, 'accessTokenTtlSeconds', 1, 86400);
  const idTokenTtlSeconds = wholeNumber(body, 'idTokenTtlSeconds', 1, 86400);
  const authFlowSessionTtlSeconds = wholeNumber(body, 'authFlowSessionTtlSeconds', 1, 900);
  const signInSessionTtlSeconds = wholeNumber(body, 'signInSessionTtlSeconds', 0, 30 * 86400);
  const { webauthnEnabled, relyingPartyId, allowedOrigins, userVerification } = body;
  if (webauthnEnabled !== undefined && typeof webauthnEnabled !== 'boolean') throw new Error('webauthnEnabled must be true or false');
  if (relyingPartyId !== undefined && (typeof relyingPartyId !== 'string' || relyingPartyId.length > 127)) throw new Error('relyingPartyId must be a string of at most 127 characters');
  if (allowedOrigins !== undefined && (!Array.isArray(allowedOrigins) || !allowedOrigins.every((o) => typeof o === 'string'))) throw new Error('allowedOrigins must be a list of origins');
  if (userVerification !== undefined && userVerification !== 'required' && userVerification !== 'preferred') throw new Error('userVerification must be required or preferred');
  const customAttributes = body.customAttributes === undefined ? undefined : validateCustomAttributes(body.customAttributes);
  const schema = customAttributes ?? ctx.config.userPool.customAttributes;
  const readAttributes = permissions(body, 'clientReadAttributes', schema);
  const writeAttributes = permissions(body, 'clientWriteAttributes', schema);
  const rotation = refreshTokenRotation(body.refreshTokenRotation);

  const w = ctx.config.webauthn;
  if (maxPasskeysPerUser !== undefined) w.maxPasskeysPerUser = maxPasskeysPerUser;
  if (challengeTtlSeconds !== undefined) w.challengeTtlSeconds = challengeTtlSeconds;
  if (accessTokenTtlSeconds !== undefined) ctx.config.tokens.accessTtlSeconds = accessTokenTtlSeconds;
  if (idTokenTtlSeconds !== undefined) ctx.config.tokens.idTtlSeconds = idTokenTtlSeconds;
  if (authFlowSessionTtlSeconds !== undefined) ctx.config.sessions.authFlowTtlSeconds = authFlowSessionTtlSeconds;
  if (signInSessionTtlSeconds !== undefined) ctx.config.sessions.signInTtlSeconds = signInSessionTtlSeconds;
  if (webauthnEnabled !== undefined) w.enabled = webauthnEnabled;
  if (relyingPartyId !== undefined) w.relyingPartyId = relyingPartyId;
  if (allowedOrigins !== undefined) w.allowedOrigins = allowedOrigins as string[];
  if (userVerification !== undefined) w.userVerification = userVerification;
  // The portal's client (the pool's first) keeps its settings in the configuration and in the state.
  const portal = ctx.config.portalClient;
  if (customAttributes !== undefined) ctx.config.userPool.customAttributes = customAttributes;
  if (readAttributes !== undefined) portal.readAttributes = readAttributes;
  if (writeAttributes !== undefined) portal.writeAttributes = writeAttributes;
  if (rotation !== undefined) portal.refreshTokenRotation = rotation;
  Object.assign(ctx.store.state.clients[0], portal);
}

/**
 * The /_local control API that tests and benchmarks use to shape the pool: faults,
 * settings, extra users, clients and devices. Off unless LOCAL_POOL_ADMIN_TOKEN is set,
 * and then only with that token as a Bearer credential. Cognito has no such thing; the
 * portal never calls it.
 */
export async function handleControl(req: IncomingMessage, res: ServerResponse, ctx: PoolContext, path: string): Promise<void> {
  if (path === '/_local/health') {
    sendJson(res, 200, { ok: true, userPoolId: ctx.store.state.pool.id });
    return;
  }
  const expected = ctx.config.adminToken;
  const given = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
  if (!expected || !constantTimeEqual(given, expected)) {
    sendJson(res, expected ? 401 : 404, { message: expected ? 'Bad admin token' : 'Not found' });
    return;
  }
  let body: Record<string, unknown> = {};
  try {
    const raw = await readBody(req, 1024 * 1024);
    body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  } catch (error) {
    sendJson(res, 400, { message: (error as Error).message });
    return;
  }
  const state = ctx.store.state;
  try {
    if (req.method === 'PUT' && path === '/_local/faults') {
      ctx.config.faults = validateFaultRules(body);
      sendJson(res, 200, { faults: ctx.config.faults });
      return;
    }
    if (req.method === 'PATCH' && path === '/_local/settings') {
      applySettings(ctx, body);
      await ctx.store.commit();
      sendJson(res, 200, { webauthn: ctx.config.webauthn, tokens: ctx.config.tokens, sessions: ctx.config.sessions, userPool: ctx.config.userPool, portalClient: ctx.config.portalClient });
      return;
    }
    if (req.method === 'POST' && path === '/_local/users') {
      const username = String(body.username ?? `user-${randomId(8)}`);
      if (state.users.some((u) => u.username === username)) {
        sendJson(res, 409, { message: 'User exists' });
        return;
      }
      const attributes = userAttributes(body.attributes, ctx.config.userPool.customAttributes) ?? { email: `${username}@example.com`, email_verified: 'true' };
      if (body.passwordless !== undefined && typeof body.passwordless !== 'boolean') throw new Error('passwordless must be true or false');
      if (body.passwordless && body.password !== undefined) throw new Error('a passwordless user has no password');
      // A passwordless user has no password at all: only passkeys sign them in (add one with the API after a sign-in, or seed it).
      const user = createUser(username, body.passwordless ? undefined : String(body.password ?? 'Passkeys-4-everyone!'), attributes);
      state.users.push(user);
      await ctx.store.commit();
      sendJson(res, 201, { sub: user.sub, username: user.username });
      return;
    }
    if (req.method === 'POST' && path === '/_local/clients') {
      const schema = ctx.config.userPool.customAttributes;
      const readAttributes = permissions(body, 'readAttributes', schema);
      const writeAttributes = permissions(body, 'writeAttributes', schema);
      const rotation = refreshTokenRotation(body.refreshTokenRotation);
      const client: AppClient = {
        clientId: randomId(26),
        ...(body.withSecret ? { clientSecret: randomId(51) } : {}),
        name: String(body.name ?? 'Extra client'),
        explicitAuthFlows: Array.isArray(body.explicitAuthFlows) ? body.explicitAuthFlows.map(String) : ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        callbackUrls: Array.isArray(body.callbackUrls) ? body.callbackUrls.map(String) : [],
        logoutUrls: Array.isArray(body.logoutUrls) ? body.logoutUrls.map(String) : [],
        allowedScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
        ...(readAttributes ? { readAttributes } : {}),
        ...(writeAttributes ? { writeAttributes } : {}),
        ...(rotation ? { refreshTokenRotation: rotation } : {}),
      };
      state.clients.push(client);
      await ctx.store.commit();
      sendJson(res, 201, client);
      return;
    }
    if (req.method === 'POST' && path === '/_local/devices') {
      const user = state.users.find((u) => u.username === body.username);
      if (!user) {
        sendJson(res, 404, { message: 'No such user' });
        return;
      }
      const count = Math.min(Number(body.count ?? 1), 1000);
      const created: Device[] = [];
      for (let i = 0; i < count; i += 1) {
        const now = nowSeconds();
        const device: Device = {
          deviceKey: `${state.pool.region}_${randomUUID()}`,
          sub: user.sub,
          name: String(body.name ?? `Seeded device ${i + 1}`),
          userAgent: String(body.userAgent ?? ''),
          lastIp: String(body.lastIp ?? '127.0.0.1'),
          remembered: body.remembered === false ? 'not_remembered' : 'remembered',
          createdAt: now,
          lastModifiedAt: now,
          lastAuthenticatedAt: now,
        };
        state.devices.push(device);
        created.push(device);
      }
      await ctx.store.commit();
      sendJson(res, 201, { devices: created.map((d) => d.deviceKey) });
      return;
    }
    const passwordMatch = /^\/_local\/users\/([^/]+)\/password$/.exec(path);
    if (req.method === 'PUT' && passwordMatch) {
      // Sets a local user's password: the local pool has no email, so this is its "forgot password" (the hosted page says so).
      const user = state.users.find((u) => u.username === decodeURIComponent(passwordMatch[1]));
      if (!user) {
        sendJson(res, 404, { message: 'No such user' });
        return;
      }
      if (typeof body.password !== 'string' || body.password.length < 8 || body.password.length > 256) throw new Error('password must be a string of 8 to 256 characters');
      user.passwordHash = hashPassword(body.password);
      await ctx.store.commit();
      sendJson(res, 200, { username: user.username, hasPassword: true });
      return;
    }
    if (req.method === 'DELETE' && passwordMatch) {
      // Makes a user passwordless (after they added a passkey, say); their sign-ins stay valid, as at Cognito.
      const user = state.users.find((u) => u.username === decodeURIComponent(passwordMatch[1]));
      if (!user) {
        sendJson(res, 404, { message: 'No such user' });
        return;
      }
      delete user.passwordHash;
      await ctx.store.commit();
      sendJson(res, 200, { username: user.username, hasPassword: false });
      return;
    }
    const userMatch = /^\/_local\/users\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && userMatch) {
      const user = state.users.find((u) => u.username === decodeURIComponent(userMatch[1]));
      if (!user) {
        sendJson(res, 404, { message: 'No such user' });
        return;
      }
      sendJson(res, 200, {
        sub: user.sub,
        username: user.username,
        hasPassword: user.passwordHash !== undefined,
        attributes: user.attributes,
        credentials: state.credentials.filter((c) => c.sub === user.sub).map(({ credentialId, friendlyName, counter, createdAt }) => ({ credentialId, friendlyName, counter, createdAt })),
        devices: state.devices.filter((d) => d.sub === user.sub).map(({ deviceKey, name, remembered }) => ({ deviceKey, name, remembered })),
        activeSessions: state.sessions.filter((s) => s.sub === user.sub && s.revokedAt === undefined).length,
      });
      return;
    }
    sendJson(res, 404, { message: 'Not found' });
  } catch (error) {
    sendJson(res, 400, { message: (error as Error).message });
  }
}
