import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../store';
import { authorizeUrl, exchangeCode, openSignInForm, pkcePair, postLogin, signInWithPkce, startTestPool, type TestPool } from './test-support';

const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const CHROME_ON_WINDOWS_UPDATED = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36';
const SAFARI_ON_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1';

describe('devices recorded by the hosted sign-in', () => {
  let pool: TestPool;
  const devicesOf = (sub: string) => pool.ctx.store.state.devices.filter((d) => d.sub === sub);
  const demoSub = () => pool.ctx.store.state.users.find((u) => u.username === pool.info.demoUsername)!.sub;

  before(async () => {
    pool = await startTestPool();
  });
  after(() => pool.stop());

  it('records a new browser as a remembered device with a readable name and the caller’s IP', async () => {
    const before = devicesOf(demoSub()).length;
    const { jar, code, verifier } = await signInWithPkce(pool, { userAgent: CHROME_ON_WINDOWS });
    const devices = devicesOf(demoSub());
    assert.equal(devices.length, before + 1);
    const device = devices.at(-1)!;
    assert.equal(device.name, 'Chrome on Windows');
    assert.equal(device.userAgent, CHROME_ON_WINDOWS);
    assert.equal(device.remembered, 'remembered');
    assert.ok(['127.0.0.1', '::1'].includes(device.lastIp), device.lastIp);
    assert.match(device.deviceKey, /^[\w-]+_[0-9a-f-]+$/);
    assert.ok(device.deviceKey.length <= 55);
    assert.ok(device.deviceKey.startsWith(`${pool.info.region}_`));
    assert.equal(jar.get(`local-pool-device.${pool.info.userPoolId}`), encodeURIComponent(device.deviceKey));

    const { body } = await exchangeCode(pool, code, verifier);
    const { claims } = await pool.ctx.tokens.verifyAccessToken(String(body.access_token));
    assert.equal(claims.device_key, device.deviceKey);
  });

  it('sets the device cookie long-lived, HttpOnly and SameSite=Lax', async () => {
    const url = authorizeUrl(pool, {
      response_type: 'code',
      client_id: pool.info.clientId,
      redirect_uri: pool.portalCallback,
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    const form = await openSignInForm(pool, url);
    const response = await postLogin(pool, { request: form.request, csrf: form.csrf, username: pool.info.demoUsername, password: pool.info.demoPassword }, { jar: form.jar });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`local-pool-device.${pool.info.userPoolId}=`));
    assert.ok(cookie);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\//);
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    assert.ok(maxAge >= 365 * 86400, `Max-Age ${maxAge}`);
  });

  it('refreshes the same device when the same browser signs in again', async () => {
    const { jar } = await signInWithPkce(pool, { userAgent: CHROME_ON_WINDOWS });
    const count = devicesOf(demoSub()).length;
    const key = decodeURIComponent(jar.get('local-pool-device.')!);
    const device = pool.ctx.store.state.devices.find((d) => d.deviceKey === key)!;
    Object.assign(device, { lastAuthenticatedAt: 1, lastModifiedAt: 1, lastIp: '192.0.2.1', name: 'stale' });

    // prompt=login: the pool's sign-in session would otherwise sign the same browser in without the form.
    await signInWithPkce(pool, { jar, userAgent: CHROME_ON_WINDOWS_UPDATED, prompt: 'login' });
    assert.equal(devicesOf(demoSub()).length, count);
    assert.equal(decodeURIComponent(jar.get('local-pool-device.')!), key);
    assert.ok(device.lastAuthenticatedAt > 1);
    assert.ok(device.lastModifiedAt > 1);
    assert.notEqual(device.lastIp, '192.0.2.1');
    assert.equal(device.name, 'Chrome on Windows');
    assert.equal(device.userAgent, CHROME_ON_WINDOWS_UPDATED);
  });

  it('adds a second device for another browser', async () => {
    const count = devicesOf(demoSub()).length;
    await signInWithPkce(pool, { userAgent: SAFARI_ON_IPHONE });
    const devices = devicesOf(demoSub());
    assert.equal(devices.length, count + 1);
    assert.equal(devices.at(-1)!.name, 'Safari on iOS');
  });

  it('never touches another user’s device named by the browser’s cookie', async () => {
    const { jar } = await signInWithPkce(pool, { userAgent: CHROME_ON_WINDOWS });
    const demoKey = decodeURIComponent(jar.get('local-pool-device.')!);
    const other = createUser('other-user', 'Other-password-1!', { email: 'other@example.com', email_verified: 'false', name: 'Other' });
    pool.ctx.store.state.users.push(other);

    await signInWithPkce(pool, { jar, userAgent: SAFARI_ON_IPHONE, username: 'other-user', password: 'Other-password-1!', prompt: 'login' });
    const demoDevice = pool.ctx.store.state.devices.find((d) => d.deviceKey === demoKey)!;
    assert.equal(demoDevice.sub, demoSub());
    assert.equal(demoDevice.name, 'Chrome on Windows');
    const otherDevices = devicesOf(other.sub);
    assert.equal(otherDevices.length, 1);
    assert.notEqual(otherDevices[0].deviceKey, demoKey);
    assert.equal(decodeURIComponent(jar.get('local-pool-device.')!), otherDevices[0].deviceKey);
  });
});
