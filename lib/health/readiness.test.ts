import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { VALID_PORTAL_ENV } from '@/lib/testing/portal-env';
import { DISCOVERY_CHECK_INTERVAL_MS, forgetDiscoveryCheck, readiness } from './readiness';

const env = VALID_PORTAL_ENV;
const issuer = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz';

function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: string[] = [];
  const fetcher = (async (url: string) => {
    calls.push(url);
    return answer();
  }) as unknown as typeof fetch;
  return { fetcher, calls };
}

describe('readiness', () => {
  beforeEach(() => forgetDiscoveryCheck());

  it('is ready when the configuration is usable and discovery names the configured issuer', async () => {
    const { fetcher, calls } = fakeFetch(() => Response.json({ issuer }));
    const result = await readiness({ env, fetcher, now: 1_000 });
    assert.deepEqual(result, { ready: true, status: 'ready', problems: [], cognito: 'ok', checkedAt: new Date(1_000).toISOString() });
    assert.deepEqual(calls, [`${issuer}/.well-known/openid-configuration`]);
  });

  it('asks Cognito at most once a minute, however often it is probed', async () => {
    const { fetcher, calls } = fakeFetch(() => Response.json({ issuer }));
    for (let i = 0; i < 20; i++) await readiness({ env, fetcher, now: 1_000 + i * 1_000 });
    assert.equal(calls.length, 1);
    await readiness({ env, fetcher, now: 1_000 + DISCOVERY_CHECK_INTERVAL_MS });
    assert.equal(calls.length, 2);
  });

  it('reports an unusable configuration, naming the variable, without calling Cognito', async () => {
    const { fetcher, calls } = fakeFetch(() => Response.json({ issuer }));
    const result = await readiness({ env: { ...env, COGNITO_REGION: 'us-east-1' }, fetcher });
    assert.equal(result.ready, false);
    assert.equal(result.status, 'misconfigured');
    assert.match(result.problems[0], /COGNITO_USER_POOL_ID .* belongs to region eu-west-1, but COGNITO_REGION is us-east-1/);
    assert.equal(calls.length, 0);
  });

  it('a pool discovery does not know (404) or another issuer is a configuration problem', async () => {
    let result = await readiness({ env, fetcher: fakeFetch(() => new Response('nope', { status: 404 })).fetcher, now: 0 });
    assert.equal(result.status, 'misconfigured');
    assert.match(result.problems[0], /answered 404: check COGNITO_REGION and COGNITO_USER_POOL_ID/);
    forgetDiscoveryCheck();
    result = await readiness({ env, fetcher: fakeFetch(() => Response.json({ issuer: 'https://elsewhere' })).fetcher, now: 0 });
    assert.equal(result.ready, false);
    assert.match(result.problems[0], /another issuer \(https:\/\/elsewhere\)/);
  });

  it('Cognito unreachable or failing keeps the instance ready and says so', async () => {
    for (const answer of [() => Promise.reject(new TypeError('fetch failed')), () => new Response('', { status: 503 })]) {
      forgetDiscoveryCheck();
      const result = await readiness({ env, fetcher: fakeFetch(answer).fetcher, now: 0 });
      assert.equal(result.ready, true);
      assert.equal(result.cognito, 'unreachable');
    }
  });
});
