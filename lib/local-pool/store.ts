import { randomBytes, randomUUID, scryptSync, timingSafeEqual, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, openSync, writeSync, fsyncSync, closeSync, renameSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { PoolConfig } from './config';

export type AppClient = {
  clientId: string;
  clientSecret?: string;
  name: string;
  explicitAuthFlows: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  allowedScopes: string[];
  /** ReadAttributes and WriteAttributes; absent: every attribute, as a Cognito client created without them. */
  readAttributes?: string[];
  writeAttributes?: string[];
  /** RefreshTokenRotation; absent: off. */
  refreshTokenRotation?: RefreshTokenRotation;
};

/** As the model's RefreshTokenRotationType: Feature ENABLED or DISABLED, a retry grace of 0–60 seconds. */
export type RefreshTokenRotation = { feature: 'ENABLED' | 'DISABLED'; retryGracePeriodSeconds: number };

export type User = {
  sub: string;
  username: string;
  /** Absent for a passwordless user (created through the control API), who signs in with passkeys only. */
  passwordHash?: string;
  attributes: Record<string, string>;
  createdAt: number;
};

/** One sign-in: the refresh token and every token minted from it share its origin_jti. */
export type AuthSession = {
  originJti: string;
  sub: string;
  clientId: string;
  refreshTokenHash: string;
  /**
   * Refresh tokens this sign-in rotated out (refresh-token rotation): each is accepted until
   * `graceUntil` (the client's retry grace), then refused as reused. Kept as hashes only, newest last.
   */
  rotatedRefreshTokens?: { hash: string; graceUntil: number }[];
  scope: string;
  authTime: number;
  createdAt: number;
  expiresAt: number;
  deviceKey?: string;
  revokedAt?: number;
};

export type StoredCredential = {
  credentialId: string;
  sub: string;
  publicKey: string;
  counter: number;
  transports: string[];
  attachment?: string;
  friendlyName: string;
  relyingPartyId: string;
  aaguid: string;
  createdAt: number;
};

export type RegistrationChallenge = { challenge: string; sub: string; clientId: string; expiresAt: number };

/**
 * One choice-based sign-in under way (InitiateAuth USER_AUTH → RespondToAuthChallenge): what the
 * opaque `Session` the client holds stands for. Only the Session's hash is stored. A spent
 * session is kept until it expires so that a replay is recognised as one.
 */
export type AuthFlowSession = {
  sessionHash: string;
  clientId: string;
  /** The USERNAME the flow was started for, as given (the user may not exist). */
  username: string;
  /** Set when the user exists. */
  sub?: string;
  challengeName: 'SELECT_CHALLENGE' | 'WEB_AUTHN' | 'PASSWORD';
  /** SELECT_CHALLENGE: what the client may answer. */
  availableChallenges?: string[];
  /** WEB_AUTHN: the challenge in CREDENTIAL_REQUEST_OPTIONS. */
  webAuthnChallenge?: string;
  expiresAt: number;
  spentAt?: number;
};

/** A WebAuthn get ceremony started from the hosted sign-in page, bound to that page's sealed request. */
export type PasskeySignInChallenge = {
  challenge: string;
  /** sha256 of the sealed authorize request the page carries. */
  requestHash: string;
  clientId: string;
  /** Username-first: the user named before the ceremony (absent for a discoverable-credential sign-in). */
  username?: string;
  expiresAt: number;
};

/** The pool's own sign-in session (managed login's cookie): lets a second authorize skip the form. */
export type SignInSession = {
  /** sha256 of the cookie's value. */
  idHash: string;
  sub: string;
  /** When the person actually authenticated (password or passkey); never moved by a silent sign-in. */
  authTime: number;
  /** How they did: 'password' or 'passkey'. */
  method: 'password' | 'passkey';
  createdAt: number;
  expiresAt: number;
};

export type Device = {
  deviceKey: string;
  sub: string;
  name: string;
  userAgent: string;
  lastIp: string;
  remembered: 'remembered' | 'not_remembered';
  createdAt: number;
  lastModifiedAt: number;
  lastAuthenticatedAt: number;
};

export type AuthorizationCode = {
  codeHash: string;
  sub: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge?: string;
  nonce?: string;
  authTime: number;
  deviceKey?: string;
  expiresAt: number;
  /** Set when the code is exchanged; a spent code is kept until it expires so a replay can be recognised. */
  redeemedAt?: number;
  /** The sign-in the exchange started, revoked if the code is replayed (RFC 6749 §4.1.2). */
  originJti?: string;
};

export type PoolState = {
  version: 1;
  pool: { id: string; region: string; name: string; createdAt: number };
  signingKey: { kid: string; privateJwk: JsonWebKey };
  /** Key for HMACs over the sign-in form's sealed request and CSRF token, and (through HKDF) for sealing pagination tokens. */
  secret: string;
  clients: AppClient[];
  users: User[];
  sessions: AuthSession[];
  credentials: StoredCredential[];
  challenges: RegistrationChallenge[];
  devices: Device[];
  authCodes: AuthorizationCode[];
  /** Added with passkey sign-in; a state file written before then is given empty lists on open. */
  authFlowSessions: AuthFlowSession[];
  passkeyChallenges: PasskeySignInChallenge[];
  signInSessions: SignInSession[];
};

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export function randomId(length: number, alphabet = ALNUM): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifyPassword(password: string, stored: string | undefined): boolean {
  const [scheme, salt, hash] = (stored ?? '').split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(expected, actual);
}

/** A new user; with no password (undefined), a passwordless one. */
export function createUser(username: string, password: string | undefined, attributes: Record<string, string>): User {
  const sub = randomUUID();
  return { sub, username, ...(password === undefined ? {} : { passwordHash: hashPassword(password) }), attributes: { sub, ...attributes }, createdAt: nowSeconds() };
}

const demoUserFrom = (demo: PoolConfig['demoUser']) =>
  createUser(demo.username, demo.password, { email: demo.email, email_verified: 'true', name: demo.name });

/**
 * Makes the configured demo user sign-in-able with the configured password: creates it when
 * the state has no user by that name, resets its password when it differs. Other users,
 * including an earlier demo user under another name, are left alone. Returns whether it changed
 * anything (the caller writes the state).
 */
export function ensureDemoUser(state: PoolState, demo: PoolConfig['demoUser']): boolean {
  const existing = state.users.find((u) => u.username === demo.username);
  if (!existing) {
    state.users.push(demoUserFrom(demo));
    return true;
  }
  if (existing.passwordHash !== undefined && verifyPassword(demo.password, existing.passwordHash)) return false;
  existing.passwordHash = hashPassword(demo.password);
  return true;
}

function initialState(config: PoolConfig): PoolState {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const poolSuffix = randomId(9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
  return {
    version: 1,
    pool: { id: `${config.region}_${poolSuffix}`, region: config.region, name: 'Local user pool', createdAt: nowSeconds() },
    signingKey: { kid: randomId(32), privateJwk: privateKey.export({ format: 'jwk' }) },
    secret: randomBytes(32).toString('base64url'),
    clients: [
      {
        clientId: randomId(26),
        name: 'Security portal',
        explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'],
        callbackUrls: config.callbackUrls,
        logoutUrls: config.logoutUrls,
        allowedScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
        ...config.portalClient,
      },
    ],
    users: [demoUserFrom(config.demoUser)],
    sessions: [],
    credentials: [],
    challenges: [],
    devices: [],
    authCodes: [],
    authFlowSessions: [],
    passkeyChallenges: [],
    signInSessions: [],
  };
}

/**
 * The pool's whole state, kept in memory and written to one JSON file by atomic
 * replace (write a temporary file, fsync, rename, fsync the folder), so the file on
 * disk is always either the old state or the new one. A change is acknowledged only
 * after `commit()` resolves, i.e. after a write that started after the change.
 */
export class Store {
  readonly state: PoolState;
  private writing: Promise<void> | null = null;
  private pending: Promise<void> | null = null;

  private constructor(readonly file: string, state: PoolState) {
    this.state = state;
  }

  static open(config: PoolConfig): { store: Store; created: boolean } {
    let raw: string | undefined;
    try {
      raw = readFileSync(config.dataFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (raw === undefined) {
      const store = new Store(config.dataFile, initialState(config));
      store.writeNow();
      return { store, created: true };
    }
    let state: PoolState;
    try {
      state = JSON.parse(raw) as PoolState;
    } catch (error) {
      // Never overwrite a file we cannot read: the operator decides what to do with it.
      throw new Error(`The local pool's state file ${config.dataFile} is not valid JSON (${(error as Error).message}). Move it away to start afresh.`);
    }
    if (state.version !== 1) throw new Error(`Unsupported state file version in ${config.dataFile}.`);
    // Lists added after version 1 first shipped: older state files simply do not have them yet.
    state.authFlowSessions ??= [];
    state.passkeyChallenges ??= [];
    state.signInSessions ??= [];
    const store = new Store(config.dataFile, state);
    // Redirect and logout URLs follow the portal's configured URL on every start.
    const [portalClient] = state.clients;
    if (portalClient) {
      portalClient.callbackUrls = config.callbackUrls;
      portalClient.logoutUrls = config.logoutUrls;
      Object.assign(portalClient, config.portalClient);
    }
    // The start-up banner prints the configured demo user's credentials, so they must work.
    if (ensureDemoUser(state, config.demoUser)) store.writeNow();
    return { store, created: false };
  }

  /** Writes the current state; resolves once a write that includes every change so far is on disk. */
  commit(): Promise<void> {
    if (this.pending) return this.pending;
    const previous = this.writing ?? Promise.resolve();
    this.pending = previous.then(() => {
      this.pending = null;
      this.writing = new Promise<void>((resolve, reject) => {
        try {
          this.writeNow();
          resolve();
        } catch (error) {
          reject(error);
        }
      }).finally(() => {
        this.writing = null;
      });
      return this.writing;
    });
    return this.pending;
  }

  private writeNow(): void {
    const dir = dirname(this.file);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${basename(this.file)}.${process.pid}.tmp`);
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}
