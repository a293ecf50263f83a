import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_DEMO_PASSWORD, loadPoolConfig } from './config';
import { PoolError } from './errors';
import { openPaginationToken, paginate, sealPaginationToken } from './pagination';
import { startPool } from './server';
import { ADMIN_TOKEN } from './testing/harness';

const secret = randomBytes(32).toString('base64url');
const sub = '6f1c2b7e-0000-4000-8000-0123456789ab';
const mine = { operation: 'ListDevices', sub };
const items = ['a', 'b', 'c', 'd', 'e'];
const list = (token: string | undefined, options: Partial<{ secret: string; operation: string; sub: string }> = {}) =>
  paginate(items, (x) => x, { secret, operation: 'ListDevices', sub, limit: 2, token, ...options });

function refused(action: () => unknown) {
  assert.throws(action, (e: unknown) => e instanceof PoolError && e.type === 'InvalidParameterException' && /pagination token/.test(e.message));
}

describe('pagination tokens', () => {
  it('page through everything once', () => {
    const first = list(undefined);
    const second = list(first.next);
    const third = list(second.next);
    assert.deepEqual([first.page, second.page, third.page], [['a', 'b'], ['c', 'd'], ['e']]);
    assert.equal(third.next, undefined);
  });

  it('are opaque: nothing in them is readable, and two for the same place differ', () => {
    const token = sealPaginationToken(secret, mine, 'us-east-1_device-key');
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(token, 'base64url').toString('latin1');
    for (const leak of [sub, 'ListDevices', 'us-east-1_device-key', 'after']) assert.ok(!decoded.includes(leak) && !token.includes(leak), leak);
    assert.notEqual(sealPaginationToken(secret, mine, 'us-east-1_device-key'), token);
    assert.equal(openPaginationToken(secret, mine, token), 'us-east-1_device-key');
  });

  it('survive a restart of the pool: the key comes from the secret kept in the state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagination-'));
    const config = () => loadPoolConfig({ LOCAL_POOL_PORT: '0', LOCAL_POOL_DATA: join(dir, 'state.json'), LOCAL_POOL_ADMIN_TOKEN: ADMIN_TOKEN });
    const listDevices = async (endpoint: string, clientId: string, extra: Record<string, unknown>) => {
      const headers = { 'Content-Type': 'application/x-amz-json-1.1' };
      const signIn = await fetch(`${endpoint}/`, {
        method: 'POST',
        headers: { ...headers, 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
        body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'demo', PASSWORD: DEFAULT_DEMO_PASSWORD } }),
      });
      const { AuthenticationResult } = (await signIn.json()) as { AuthenticationResult: { AccessToken: string } };
      const response = await fetch(`${endpoint}/`, {
        method: 'POST',
        headers: { ...headers, 'X-Amz-Target': 'AWSCognitoIdentityProviderService.ListDevices' },
        body: JSON.stringify({ AccessToken: AuthenticationResult.AccessToken, ...extra }),
      });
      return { status: response.status, body: (await response.json()) as { Devices?: { DeviceKey: string }[]; PaginationToken?: string } };
    };
    try {
      const first = await startPool(config());
      await fetch(`${first.info.endpoint}/_local/devices`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, body: JSON.stringify({ username: 'demo', count: 3 }) });
      const page = await listDevices(first.info.endpoint, first.info.clientId, { Limit: 2 });
      await first.close();
      assert.ok(page.body.PaginationToken);
      const second = await startPool(config());
      try {
        const rest = await listDevices(second.info.endpoint, second.info.clientId, { Limit: 2, PaginationToken: page.body.PaginationToken });
        assert.equal(rest.status, 200, JSON.stringify(rest.body));
        assert.equal(rest.body.Devices?.length, 1);
        assert.ok(!page.body.Devices?.some((d) => d.DeviceKey === rest.body.Devices?.[0].DeviceKey));
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuse another user’s, another operation’s or another pool’s token', () => {
    const token = list(undefined).next!;
    refused(() => list(token, { sub: 'someone-else' }));
    refused(() => list(token, { operation: 'ListWebAuthnCredentials' }));
    refused(() => list(token, { secret: randomBytes(32).toString('base64url') }));
  });

  it('refuse forged, truncated and altered tokens', () => {
    const token = list(undefined).next!;
    const raw = Buffer.from(token, 'base64url');
    const flipped = (index: number) => {
      const copy = Buffer.from(raw);
      copy[index] ^= 1;
      return copy.toString('base64url');
    };
    const forged = Buffer.from(JSON.stringify({ op: 'ListDevices', sub, after: 'a' })).toString('base64url');
    for (const bad of ['garbage!', '', forged, token.slice(0, 20), token.slice(0, -1), `${token}AA`, flipped(0), flipped(14), flipped(raw.length - 1), `${token}.${token}`]) {
      refused(() => list(bad));
    }
  });
});
