// Starts a throwaway local pool in-process for a test file and speaks its wire protocol.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEMO_PASSWORD, loadPoolConfig } from '../config';
import { startPool, type RunningPool } from '../server';

export const ADMIN_TOKEN = 'test-admin-token';

export type WireResult = { status: number; body: Record<string, unknown>; headers: Headers };

export type TestPool = {
  pool: RunningPool;
  dir: string;
  dataFile: string;
  /** POSTs one operation with Cognito's AWS JSON 1.1 framing. */
  call: (operation: string, body: unknown) => Promise<WireResult>;
  signIn: (username?: string, password?: string) => Promise<{ AccessToken: string; RefreshToken: string; IdToken: string }>;
  admin: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;
  close: () => Promise<void>;
};

export async function startTestPool(env: Record<string, string> = {}): Promise<TestPool> {
  const dir = mkdtempSync(join(tmpdir(), 'local-pool-test-'));
  const dataFile = join(dir, 'state.json');
  const pool = await startPool(loadPoolConfig({ LOCAL_POOL_PORT: '0', LOCAL_POOL_DATA: dataFile, LOCAL_POOL_ADMIN_TOKEN: ADMIN_TOKEN, ...env }));
  const endpoint = pool.info.endpoint;

  const call = async (operation: string, body: unknown): Promise<WireResult> => {
    const response = await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: { 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`, 'Content-Type': 'application/x-amz-json-1.1' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
  };

  const signIn = async (username = pool.info.demoUsername, password = DEFAULT_DEMO_PASSWORD) => {
    const result = await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.info.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } });
    if (result.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(result.body)}`);
    return result.body.AuthenticationResult as { AccessToken: string; RefreshToken: string; IdToken: string };
  };

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${endpoint}${path}`, {
      method,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const close = async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  };

  return { pool, dir, dataFile, call, signIn, admin, close };
}

/** A snapshot of the state's contents, to assert that a refused request changed nothing. */
export function snapshot(pool: RunningPool): string {
  return JSON.stringify(pool.ctx.store.state);
}
