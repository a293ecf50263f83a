import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveTarget, type Env, type ResolveOptions, type Target } from './target';

const started: Target = { baseUrl: 'http://localhost:45678', credentials: { username: 'demo', password: 'from-the-pool' }, origin: 'started by the demo', expectDevices: true, stop: async () => {} };

/** resolveTarget with nothing real behind it: which URLs were probed and whether a start happened. */
function resolve(env: Env, { answers = false } = {}) {
  const probed: string[] = [];
  let starts = 0;
  const options: ResolveOptions = {
    log: () => {},
    env,
    probe: async (url) => {
      probed.push(url);
      return answers;
    },
    start: async () => {
      starts += 1;
      return started;
    },
  };
  return { result: resolveTarget(options), probed, starts: () => starts };
}

describe('where the demo runs', () => {
  it('uses DEMO_BASE_URL with DEMO_USERNAME and DEMO_PASSWORD, probing and starting nothing', async () => {
    const { result, probed, starts } = resolve({ DEMO_BASE_URL: ' https://security.example.com/ ', DEMO_USERNAME: ' someone ', DEMO_PASSWORD: 'secret' });
    const target = await result;
    assert.equal(target.baseUrl, 'https://security.example.com');
    assert.deepEqual(target.credentials, { username: 'someone', password: 'secret' });
    assert.equal(target.origin, 'DEMO_BASE_URL');
    assert.equal(target.expectDevices, false, 'a real pool may list no devices for hosted sign-ins');
    assert.deepEqual(probed, []);
    assert.equal(starts(), 0);
  });

  it('refuses a DEMO_BASE_URL that is not localhost without credentials', async () => {
    await assert.rejects(resolve({ DEMO_BASE_URL: 'https://security.example.com' }).result, /also set DEMO_USERNAME and DEMO_PASSWORD/);
  });

  it('refuses only one of DEMO_USERNAME and DEMO_PASSWORD', async () => {
    await assert.rejects(resolve({ DEMO_BASE_URL: 'https://security.example.com', DEMO_USERNAME: 'someone' }).result, /both DEMO_USERNAME and DEMO_PASSWORD, or neither/);
    await assert.rejects(resolve({ DEMO_PASSWORD: 'secret' }, { answers: true }).result, /both DEMO_USERNAME and DEMO_PASSWORD, or neither/);
  });

  it('refuses a DEMO_BASE_URL that is not a URL', async () => {
    await assert.rejects(resolve({ DEMO_BASE_URL: 'security portal' }).result, /DEMO_BASE_URL is not a URL/);
  });

  it('signs in as the local demo user at a localhost DEMO_BASE_URL, as LOCAL_POOL_DEMO_* say', async () => {
    assert.deepEqual((await resolve({ DEMO_BASE_URL: 'http://127.0.0.1:3100' }).result).credentials, { username: 'demo', password: 'Passkeys-4-everyone!' });
    const named = await resolve({ DEMO_BASE_URL: 'http://localhost:3100/', LOCAL_POOL_DEMO_USERNAME: 'ana', LOCAL_POOL_DEMO_PASSWORD: 'pw' }).result;
    assert.equal(named.baseUrl, 'http://localhost:3100');
    assert.deepEqual(named.credentials, { username: 'ana', password: 'pw' });
  });

  it('uses a portal already answering at localhost:3000 before starting one', async () => {
    const { result, probed, starts } = resolve({}, { answers: true });
    const target = await result;
    assert.equal(target.baseUrl, 'http://localhost:3000');
    assert.equal(target.origin, 'already running');
    assert.equal(target.expectDevices, false);
    assert.deepEqual(target.credentials, { username: 'demo', password: 'Passkeys-4-everyone!' });
    assert.deepEqual(probed, ['http://localhost:3000/']);
    assert.equal(starts(), 0);
  });

  it('starts a local pool and portal when nothing answers, and then expects devices', async () => {
    const { result, starts } = resolve({}, { answers: false });
    const target = await result;
    assert.equal(starts(), 1);
    assert.equal(target, started);
    assert.equal(target.expectDevices, true);
  });

  it('hands the start its way to register a stop before it is ready', async () => {
    const stops: (() => Promise<void>)[] = [];
    const stop = async () => {};
    await resolveTarget({
      log: () => {},
      env: {},
      probe: async () => false,
      onStop: (s) => stops.push(s),
      start: async (_log, onStop) => {
        onStop(stop);
        return { ...started, stop };
      },
    });
    assert.deepEqual(stops, [stop]);
  });
});
