import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { snapshot, startTestPool, type TestPool } from '../testing/harness';

let t: TestPool;
let token: string;
let deviceKeys: string[];
before(async () => {
  t = await startTestPool();
  token = (await t.signIn()).AccessToken;
  deviceKeys = (await t.admin('POST', '/_local/devices', { username: 'demo', count: 7, name: 'Firefox on Windows', lastIp: '203.0.113.9' })).body.devices as string[];
  await t.admin('POST', '/_local/users', { username: 'mallory' });
});
after(() => t.close());

type DeviceWire = { DeviceKey: string; DeviceAttributes: { Name: string; Value: string }[]; DeviceCreateDate: number; DeviceLastAuthenticatedDate: number; DeviceLastModifiedDate: number };
const attribute = (device: DeviceWire, name: string) => device.DeviceAttributes.find((a) => a.Name === name)?.Value;

describe('ListDevices', () => {
  it('returns DeviceType with Cognito attribute names and epoch-second dates', async () => {
    const result = await t.call('ListDevices', { AccessToken: token });
    const devices = result.body.Devices as DeviceWire[];
    assert.equal(devices.length, 7);
    const [device] = devices;
    assert.match(device.DeviceKey, /^[\w-]+_[0-9a-f-]+$/);
    assert.equal(attribute(device, 'device_name'), 'Firefox on Windows');
    assert.equal(attribute(device, 'last_ip_used'), '203.0.113.9');
    assert.equal(attribute(device, 'dev:device_remembered_status'), 'remembered');
    assert.equal(attribute(device, 'device_status'), 'valid');
    assert.ok(Number.isInteger(device.DeviceCreateDate) && device.DeviceCreateDate > 1_700_000_000 && device.DeviceCreateDate < 4_000_000_000);
    assert.equal(result.body.PaginationToken, undefined);
  });

  it('pages with Limit and PaginationToken, each device once', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const result = await t.call('ListDevices', { AccessToken: token, Limit: 3, ...(next ? { PaginationToken: next } : {}) });
      assert.equal(result.status, 200);
      seen.push(...(result.body.Devices as DeviceWire[]).map((d) => d.DeviceKey));
      next = result.body.PaginationToken as string | undefined;
      pages += 1;
    } while (next);
    assert.equal(pages, 3);
    assert.deepEqual([...seen].sort(), [...deviceKeys].sort());
  });

  it('refuses a forged, altered or foreign pagination token', async () => {
    const first = await t.call('ListDevices', { AccessToken: token, Limit: 2 });
    const genuine = first.body.PaginationToken as string;
    const altered = Buffer.from(genuine, 'base64url');
    altered[altered.length - 1] ^= 1;
    const forged = Buffer.from(JSON.stringify({ op: 'ListDevices', sub: 'x', after: '' })).toString('base64url');
    const mallory = await t.signIn('mallory', 'Passkeys-4-everyone!');
    const before = snapshot(t.pool);
    for (const bad of ['garbage', forged, altered.toString('base64url'), genuine.slice(0, -2)]) {
      const result = await t.call('ListDevices', { AccessToken: token, PaginationToken: bad });
      assert.equal(result.body.__type, 'InvalidParameterException', bad);
    }
    const foreign = await t.call('ListDevices', { AccessToken: mallory.AccessToken, PaginationToken: genuine });
    assert.equal(foreign.body.__type, 'InvalidParameterException');
    assert.ok(snapshot(t.pool) === before, 'a refused token changed the state');
  });

  it('shows a user only their own devices', async () => {
    const mallory = await t.signIn('mallory', 'Passkeys-4-everyone!');
    assert.deepEqual((await t.call('ListDevices', { AccessToken: mallory.AccessToken })).body.Devices, []);
  });
});

describe('GetDevice, UpdateDeviceStatus, ForgetDevice', () => {
  it('GetDevice returns the caller’s device and hides others’', async () => {
    const result = await t.call('GetDevice', { AccessToken: token, DeviceKey: deviceKeys[0] });
    assert.equal((result.body.Device as DeviceWire).DeviceKey, deviceKeys[0]);
    const mallory = await t.signIn('mallory', 'Passkeys-4-everyone!');
    const foreign = await t.call('GetDevice', { AccessToken: mallory.AccessToken, DeviceKey: deviceKeys[0] });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.__type, 'ResourceNotFoundException');
    assert.equal((await t.call('GetDevice', { DeviceKey: deviceKeys[0] })).body.__type, 'NotAuthorizedException');
  });

  it('UpdateDeviceStatus switches remembered and not_remembered', async () => {
    assert.equal((await t.call('UpdateDeviceStatus', { AccessToken: token, DeviceKey: deviceKeys[1], DeviceRememberedStatus: 'not_remembered' })).status, 200);
    const device = (await t.call('GetDevice', { AccessToken: token, DeviceKey: deviceKeys[1] })).body.Device as DeviceWire;
    assert.equal(attribute(device, 'dev:device_remembered_status'), 'not_remembered');
  });

  it('ForgetDevice removes only that device; unknown keys are ResourceNotFound; bad keys change nothing', async () => {
    assert.equal((await t.call('ForgetDevice', { AccessToken: token, DeviceKey: deviceKeys[2] })).status, 200);
    const remaining = ((await t.call('ListDevices', { AccessToken: token })).body.Devices as DeviceWire[]).map((d) => d.DeviceKey);
    assert.equal(remaining.length, 6);
    assert.ok(!remaining.includes(deviceKeys[2]));
    assert.equal((await t.call('ForgetDevice', { AccessToken: token, DeviceKey: deviceKeys[2] })).body.__type, 'ResourceNotFoundException');
    const before = snapshot(t.pool);
    for (const bad of ['', 'nounderscore', `x_${'0'.repeat(60)}`, 42]) {
      const result = await t.call('ForgetDevice', { AccessToken: token, DeviceKey: bad });
      assert.equal(result.body.__type, 'InvalidParameterException', String(bad));
    }
    assert.equal(snapshot(t.pool), before);
  });

  it('refuses device calls with a revoked token and changes nothing', async () => {
    const session = await t.signIn();
    await t.call('RevokeToken', { Token: session.RefreshToken, ClientId: t.pool.info.clientId });
    const before = snapshot(t.pool);
    assert.equal((await t.call('ForgetDevice', { AccessToken: session.AccessToken, DeviceKey: deviceKeys[3] })).body.__type, 'NotAuthorizedException');
    assert.equal(snapshot(t.pool), before);
  });
});
