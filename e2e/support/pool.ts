import { CognitoIdentityProviderClient, GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { e2eEnvironment, type PairAccess } from './environment';

/** The pool's control API (tests only): settings, faults, users, devices, and what it holds. `env`: another pool than the global one. */
export async function poolControl(method: string, path: string, body?: unknown, env: Pick<PairAccess, 'pool' | 'adminToken'> = e2eEnvironment()): Promise<Record<string, unknown>> {
  const response = await fetch(`${env.pool.endpoint}/_local/${path}`, {
    method,
    headers: { authorization: `Bearer ${env.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} /_local/${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * The test's own way into the local pool: its control API (users, settings) and the same public
 * endpoints a Cognito user pool has (the AWS JSON API and /oauth2/token). Nothing here is mocked.
 */
export class PoolDriver {
  private readonly sdk: CognitoIdentityProviderClient;

  /** `env`: an isolated pair's pool (e2e/support/isolated-portal.ts) instead of the global one. */
  constructor(private readonly env: Pick<PairAccess, 'pool' | 'adminToken'> = e2eEnvironment()) {
    this.sdk = new CognitoIdentityProviderClient({ region: env.pool.region, endpoint: env.pool.endpoint, maxAttempts: 1 });
  }

  get info() {
    return this.env.pool;
  }

  private control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    return poolControl(method, path, body, this.env);
  }

  /** A fresh user, so each test's sessions are its own. */
  async createUser(name: string): Promise<{ username: string; password: string; name: string; email: string }> {
    const username = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const password = 'Correct-horse-battery-9';
    const email = `${username}@example.com`;
    await this.control('POST', 'users', { username, password, attributes: { email, email_verified: 'true', name } });
    return { username, password, name, email };
  }

  async setTokenLifetimes(settings: { accessTokenTtlSeconds?: number; idTokenTtlSeconds?: number }): Promise<void> {
    await this.control('PATCH', 'settings', settings);
  }

  /** The user's devices as the pool holds them: key, name and remembered status. */
  async deviceStates(username: string): Promise<{ deviceKey: string; name: string; remembered: string }[]> {
    const user = await this.control('GET', `users/${encodeURIComponent(username)}`);
    return user.devices as { deviceKey: string; name: string; remembered: string }[];
  }

  /** The user's passkeys as the pool holds them, with each one's signature counter. */
  async passkeys(username: string): Promise<{ credentialId: string; friendlyName: string; counter: number }[]> {
    const user = await this.control('GET', `users/${encodeURIComponent(username)}`);
    return user.credentials as { credentialId: string; friendlyName: string; counter: number }[];
  }

  async activeSessions(username: string): Promise<number> {
    const user = await this.control('GET', `users/${encodeURIComponent(username)}`);
    return Number(user.activeSessions);
  }

  /** A refresh at the token endpoint, as the portal does it: the HTTP status and body. */
  async refreshAtTokenEndpoint(refreshToken: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.env.pool.endpoint}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: this.env.pool.clientId, refresh_token: refreshToken }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** InitiateAuth REFRESH_TOKEN_AUTH: the exception name when the pool refuses, else 'ok'. */
  async refreshWithInitiateAuth(refreshToken: string): Promise<string> {
    try {
      await this.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: this.env.pool.clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }));
      return 'ok';
    } catch (error) {
      return (error as Error).name;
    }
  }

  /** GetUser with an access token: the username when accepted, else the exception name. */
  async getUser(accessToken: string): Promise<{ ok: true; username: string } | { ok: false; error: string }> {
    try {
      const user = await this.sdk.send(new GetUserCommand({ AccessToken: accessToken }));
      return { ok: true, username: user.Username ?? '' };
    } catch (error) {
      return { ok: false, error: (error as Error).name };
    }
  }
}
