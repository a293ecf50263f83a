// Kills the pool with SIGKILL at random moments while registrations and deletions
// stream in, restarts it, and checks that every change it acknowledged is there and the
// state file always loads. 50 kills.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { spawnPool, type PoolProcess } from './testing/pool-process';
import { SoftAuthenticator } from './testing/soft-authenticator';

const KILLS = 50;

type Call = (operation: string, body: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

function wire(pool: PoolProcess): Call {
  return async (operation, body) => {
    const response = await fetch(`${pool.info.endpoint}/`, {
      method: 'POST',
      headers: { 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`, 'Content-Type': 'application/x-amz-json-1.1' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

async function listIds(call: Call, accessToken: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let next: string | undefined;
  do {
    const page = await call('ListWebAuthnCredentials', { AccessToken: accessToken, MaxResults: 20, ...(next ? { NextToken: next } : {}) });
    assert.equal(page.status, 200, JSON.stringify(page.body));
    for (const c of page.body.Credentials as { CredentialId: string }[]) ids.add(c.CredentialId);
    next = page.body.NextToken as string | undefined;
  } while (next);
  return ids;
}

describe('durability under SIGKILL', () => {
  it(`loses no acknowledged change across ${KILLS} kills at random moments`, { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-durability-'));
    const env = { LOCAL_POOL_DATA: join(dir, 'state.json'), LOCAL_POOL_PASSKEY_LIMIT: '1000', LOCAL_POOL_PORT: '0' };
    let pool = await spawnPool(env);
    env.LOCAL_POOL_PORT = new URL(pool.info.endpoint).port;
    let call = wire(pool);
    const signIn = await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.info.clientId, AuthParameters: { USERNAME: pool.info.demoUsername, PASSWORD: pool.info.demoPassword } });
    const accessToken = (signIn.body.AuthenticationResult as { AccessToken: string }).AccessToken;

    /**
     * What the pool has acknowledged: present after a 200 to Complete, absent after a 200 to
     * Delete. A delete in flight when the pool dies is unknown (it may or may not have reached
     * the disk) until the restarted pool's listing settles it.
     */
    const acknowledged = new Map<string, 'present' | 'absent' | 'unknown'>();
    let acknowledgements = 0;

    for (let kill = 0; kill < KILLS; kill += 1) {
      let running = true;
      const stream = (async () => {
        while (running) {
          const present = [...acknowledged].filter(([, s]) => s === 'present').map(([id]) => id);
          try {
            if (present.length > 3 && Math.random() < 0.4) {
              const id = present[Math.floor(Math.random() * present.length)];
              // In flight, the credential is neither: a kill before the answer may or may not have deleted it.
              acknowledged.delete(id);
              const result = await call('DeleteWebAuthnCredential', { AccessToken: accessToken, CredentialId: id });
              if (result.status === 200) {
                acknowledged.set(id, 'absent');
                acknowledgements += 1;
              } else {
                acknowledged.set(id, 'present');
              }
            } else {
              const start = await call('StartWebAuthnRegistration', { AccessToken: accessToken });
              if (start.status !== 200) continue;
              // A new authenticator each time: one refuses to register twice (excludeCredentials), as real ones do.
              const authenticator = new SoftAuthenticator({ origin: pool.info.portalUrl });
              const credential = await authenticator.register(start.body.CredentialCreationOptions as unknown as PublicKeyCredentialCreationOptionsJSON);
              const result = await call('CompleteWebAuthnRegistration', { AccessToken: accessToken, Credential: credential });
              if (result.status === 200) {
                acknowledged.set(credential.id, 'present');
                acknowledgements += 1;
              }
            }
          } catch {
            // The connection died with the pool: whatever was in flight is unacknowledged.
            return;
          }
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 150));
      await pool.stop('SIGKILL');
      running = false;
      await stream;

      // The file on disk is always a whole state.
      assert.doesNotThrow(() => JSON.parse(readFileSync(env.LOCAL_POOL_DATA, 'utf8')), `state file corrupt after kill ${kill + 1}`);
      if (process.env.DURABILITY_DEBUG) console.error(`kill ${kill + 1}: ${acknowledgements} acknowledged so far`);
      pool = await spawnPool(env);
      call = wire(pool);
      const ids = await listIds(call, accessToken);
      for (const [id, status] of acknowledged) {
        if (status === 'unknown') {
          acknowledged.set(id, ids.has(id) ? 'present' : 'absent');
          continue;
        }
        assert.equal(ids.has(id), status === 'present', `kill ${kill + 1}: acknowledged ${status} credential ${id} is ${ids.has(id) ? 'present' : 'absent'}`);
      }
    }
    await pool.stop();
    assert.ok(acknowledgements >= KILLS, `only ${acknowledgements} acknowledged changes: the stream barely ran`);
  });
});
