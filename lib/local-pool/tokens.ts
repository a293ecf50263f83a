import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify, importJWK, errors as joseErrors, type CryptoKey, type JWK } from 'jose';
import { notAuthorized } from './errors';
import { nowSeconds, type AuthSession, type PoolState, type User } from './store';

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

export type AccessClaims = {
  sub: string;
  username: string;
  client_id: string;
  scope: string;
  token_use: 'access';
  origin_jti: string;
  jti: string;
  event_id: string;
  auth_time: number;
  iat: number;
  exp: number;
  iss: string;
  device_key?: string;
};

export type VerifiedAccess = { claims: AccessClaims; user: User; session: AuthSession };

export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Signs and checks the pool's tokens: RS256 JWTs with the pool's key and `kid`, as Cognito issues them. */
export class TokenService {
  private privateKey: Promise<CryptoKey>;
  private publicKey: Promise<CryptoKey>;

  constructor(
    private readonly state: PoolState,
    readonly issuer: string,
  ) {
    const { privateJwk } = state.signingKey;
    this.privateKey = importJWK(privateJwk as JWK, 'RS256') as Promise<CryptoKey>;
    this.publicKey = importJWK(this.publicJwk() as JWK, 'RS256') as Promise<CryptoKey>;
  }

  publicJwk(): JsonWebKey & { kid: string; alg: string; use: string } {
    const { n, e, kty } = this.state.signingKey.privateJwk;
    return { kty, n, e, kid: this.state.signingKey.kid, alg: 'RS256', use: 'sig' };
  }

  private async sign(claims: Record<string, unknown>, ttlSeconds: number, iat: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.state.signingKey.kid })
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(await this.privateKey);
  }

  async accessToken(user: User, session: AuthSession, ttlSeconds: number): Promise<string> {
    const iat = nowSeconds();
    return this.sign(
      {
        sub: user.sub,
        ...(session.deviceKey ? { device_key: session.deviceKey } : {}),
        client_id: session.clientId,
        origin_jti: session.originJti,
        event_id: randomUUID(),
        token_use: 'access',
        scope: session.scope,
        auth_time: session.authTime,
        jti: randomUUID(),
        username: user.username,
      },
      ttlSeconds,
      iat,
    );
  }

  /** An ID token with the given attributes (those the app client may read) as claims. */
  async idToken(user: User, session: AuthSession, attributes: [string, string][], ttlSeconds: number, nonce?: string): Promise<string> {
    const iat = nowSeconds();
    const claims: Record<string, unknown> = {
      sub: user.sub,
      aud: session.clientId,
      'cognito:username': user.username,
      origin_jti: session.originJti,
      event_id: randomUUID(),
      token_use: 'id',
      auth_time: session.authTime,
      jti: randomUUID(),
      ...(nonce ? { nonce } : {}),
    };
    for (const [name, value] of attributes) {
      if (name === 'sub') continue;
      claims[name] = name === 'email_verified' ? value === 'true' : value;
    }
    return this.sign(claims, ttlSeconds, iat);
  }

  /**
   * Checks an access token as Cognito does: signature and issuer, expiry, `token_use`,
   * the admin scope, and that its sign-in has not been revoked (RevokeToken,
   * GlobalSignOut). Every failure is NotAuthorizedException.
   */
  async verifyAccessToken(token: string, options: { requireAdminScope?: boolean } = {}): Promise<VerifiedAccess> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.publicKey, { issuer: this.issuer, algorithms: ['RS256'] }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw notAuthorized('Access Token has expired');
      throw notAuthorized('Invalid Access Token');
    }
    const claims = payload as unknown as AccessClaims;
    if (claims.token_use !== 'access') throw notAuthorized('Invalid Access Token');
    const session = this.state.sessions.find((s) => s.originJti === claims.origin_jti);
    if (!session || session.sub !== claims.sub) throw notAuthorized('Invalid Access Token');
    if (session.revokedAt !== undefined) throw notAuthorized('Access Token has been revoked');
    const user = this.state.users.find((u) => u.sub === claims.sub);
    if (!user) throw notAuthorized('Access Token has been revoked');
    if ((options.requireAdminScope ?? true) && !String(claims.scope ?? '').split(' ').includes(ADMIN_SCOPE)) {
      throw notAuthorized('Access Token does not have required scopes');
    }
    return { claims, user, session };
  }
}

export function newRefreshToken(): string {
  // Opaque to clients, as Cognito's are; only its hash is stored.
  return `${randomBytes(32).toString('base64url')}.${randomBytes(16).toString('base64url')}`;
}

/** HMAC-signed tokens (the sign-in form's sealed request): forged or altered ones are detected. */
export function sealToken(secret: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${mac}`;
}

export function openToken(secret: string, token: string): Record<string, unknown> | undefined {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return undefined;
  const expected = createHmac('sha256', secret).update(body).digest('base64url');
  if (!constantTimeEqual(mac, expected)) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
