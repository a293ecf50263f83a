import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it, mock } from 'node:test';
import { COGNITO_CALL_LIMITS, createCognitoClient } from './client';
import { forgetDevice, listDevices, MAX_DEVICE_PAGES, setDeviceRemembered, signOutEverywhere, toDeviceSummary } from './devices';
import { cognitoRejection, startFakeCognitoApi, type CognitoCall, type CognitoReply } from '@/lib/testing/fake-cognito-api';

// Each test says how the stand-in for Cognito answers (`answer`); every call is recorded.
let answer: (call: CognitoCall) => CognitoReply = () => ({ body: {} });
let fake: Awaited<ReturnType<typeof startFakeCognitoApi>>;
// The fake's own record: cleared in place, never reassigned.
let calls: CognitoCall[];

before(async () => {
  fake = await startFakeCognitoApi((call) => answer(call));
  calls = fake.calls;
});

after(() => fake.close());

beforeEach(() => {
  calls.length = 0;
  mock.method(console, 'info', () => {});
  mock.method(console, 'error', () => {});
});

const client = () => createCognitoClient({ region: 'local-1', sdkEndpoint: fake.endpoint }, { maxAttempts: 1, connectionTimeoutMs: 500, requestTimeoutMs: 2_000 });
const TOKEN = 'header.payload.signature';
const key = (i: number) => `local-1_00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const T0 = 1_790_000_000;

/** A device as Cognito's wire format has it: dates in epoch seconds. */
function wireDevice(i: number, overrides: { name?: string; remembered?: string } = {}) {
  return {
    DeviceKey: key(i),
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      { Name: 'device_name', Value: overrides.name ?? `Device ${i}` },
      { Name: 'dev:device_remembered_status', Value: overrides.remembered ?? 'remembered' },
      { Name: 'last_ip_used', Value: `192.0.2.${i % 250}` },
    ],
    DeviceCreateDate: T0 + i,
    DeviceLastModifiedDate: T0 + i,
    DeviceLastAuthenticatedDate: T0 + 1000 + i,
  };
}

/** Serves `total` devices in pages of the requested Limit, with opaque tokens. */
function paginatedPool(total: number) {
  const devices = Array.from({ length: total }, (_, i) => wireDevice(i));
  return ({ body }: CognitoCall): CognitoReply => {
    const start = body.PaginationToken ? Number(String(body.PaginationToken).replace('page-after-', '')) : 0;
    const limit = Number(body.Limit) || 60;
    const page = devices.slice(start, start + limit);
    const next = start + limit < total ? `page-after-${start + limit}` : undefined;
    return { body: { Devices: page, ...(next ? { PaginationToken: next } : {}) } };
  };
}


describe('listDevices', () => {
  it('reads every page with Limit 60, following PaginationToken', async () => {
    answer = paginatedPool(130);
    const { devices, complete } = await listDevices(TOKEN, client());
    assert.equal(complete, true);
    assert.equal(devices.length, 130);
    assert.deepEqual(new Set(devices.map((d) => d.key)), new Set(Array.from({ length: 130 }, (_, i) => key(i))));
    assert.deepEqual(
      calls.map((c) => c.body),
      [
        { AccessToken: TOKEN, Limit: 60 },
        { AccessToken: TOKEN, Limit: 60, PaginationToken: 'page-after-60' },
        { AccessToken: TOKEN, Limit: 60, PaginationToken: 'page-after-120' },
      ],
    );
    assert.ok(calls.every((c) => c.operation === 'ListDevices'));
  });

  it('makes one call when everything fits on a page, and lists nothing when there is nothing', async () => {
    answer = paginatedPool(60);
    assert.equal((await listDevices(TOKEN, client())).devices.length, 60);
    assert.equal(calls.length, 1);
    calls.length = 0;
    answer = () => ({ body: { Devices: [] } });
    assert.deepEqual(await listDevices(TOKEN, client()), { devices: [], complete: true });
    assert.equal(calls.length, 1);
  });

  it('returns plain data: names for people, epoch seconds, remembered status; most recent first', async () => {
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    answer = () => ({ body: { Devices: [wireDevice(1, { name: ua }), wireDevice(2, { remembered: 'not_remembered' }), { DeviceKey: key(3) }] } });
    const { devices } = await listDevices(TOKEN, client());
    assert.deepEqual(devices, [
      { key: key(2), name: 'Device 2', nameMadeFrom: null, lastIp: '192.0.2.2', lastSignedInAt: T0 + 1002, firstSeenAt: T0 + 2, remembered: false, formFactor: 'unknown', browser: null },
      { key: key(1), name: 'Chrome on macOS', nameMadeFrom: { browser: 'Chrome', system: 'macOS' }, lastIp: '192.0.2.1', lastSignedInAt: T0 + 1001, firstSeenAt: T0 + 1, remembered: true, formFactor: 'desktop', browser: 'Chrome' },
      { key: key(3), name: 'Unknown device', nameMadeFrom: { browser: null, system: null }, lastIp: null, lastSignedInAt: null, firstSeenAt: null, remembered: false, formFactor: 'unknown', browser: null },
    ]);
    // Crosses to client components as is.
    assert.deepEqual(JSON.parse(JSON.stringify(devices)), devices);
  });

  it(`stops after ${MAX_DEVICE_PAGES} pages and says the list is incomplete`, async () => {
    let n = 0;
    answer = () => {
      n += 1;
      return { body: { Devices: [wireDevice(n)], PaginationToken: `token-${n}` } };
    };
    const { devices, complete } = await listDevices(TOKEN, client());
    assert.equal(calls.length, MAX_DEVICE_PAGES);
    assert.equal(devices.length, MAX_DEVICE_PAGES);
    assert.equal(complete, false);
  });

  it('stops when the pool hands out the same token again', async () => {
    answer = () => ({ body: { Devices: [wireDevice(1)], PaginationToken: 'same' } });
    const { devices, complete } = await listDevices(TOKEN, client());
    assert.equal(calls.length, 2);
    assert.equal(devices.length, 1, 'a device on two pages is listed once');
    assert.equal(complete, false);
  });

  it('fails as a whole, in portal terms, when a later page fails', async () => {
    const pool = paginatedPool(100);
    answer = (call) => (call.body.PaginationToken ? { error: 'NotAuthorizedException', message: 'Access Token has been revoked' } : pool(call));
    const error = await cognitoRejection(listDevices(TOKEN, client()));
    assert.equal(error.code, 'session-expired');
    assert.equal(error.signInAgain, true);
    assert.equal(error.operation, 'ListDevices');
  });

  it('maps throttling and internal errors to retryable failures', async () => {
    answer = () => ({ error: 'TooManyRequestsException', message: 'Rate exceeded' });
    const throttled = await cognitoRejection(listDevices(TOKEN, client()));
    assert.equal(throttled.code, 'throttled');
    assert.equal(throttled.retryable, true);
    answer = () => ({ status: 500, error: 'InternalErrorException', message: 'boom' });
    const internal = await cognitoRejection(listDevices(TOKEN, client()));
    assert.equal(internal.code, 'unavailable');
    assert.equal(internal.retryable, true);
    assert.doesNotMatch(internal.toPublic().message, /Exception|boom/);
  });
});

describe('with the portal\'s own call limits', () => {
  it('lets the SDK retry throttling once before it is explained', async () => {
    answer = () => ({ error: 'TooManyRequestsException', message: 'Rate exceeded' });
    const portalClient = createCognitoClient({ region: 'local-1', sdkEndpoint: fake.endpoint }, COGNITO_CALL_LIMITS);
    assert.equal((await cognitoRejection(listDevices(TOKEN, portalClient))).code, 'throttled');
    assert.equal(calls.length, COGNITO_CALL_LIMITS.maxAttempts);
    assert.ok(COGNITO_CALL_LIMITS.maxAttempts > 1);
  });

  it('a retry that succeeds is not a failure', async () => {
    const pool = paginatedPool(3);
    answer = (call) => (calls.length === 1 ? { error: 'TooManyRequestsException', message: 'Rate exceeded' } : pool(call));
    const portalClient = createCognitoClient({ region: 'local-1', sdkEndpoint: fake.endpoint }, COGNITO_CALL_LIMITS);
    assert.equal((await listDevices(TOKEN, portalClient)).devices.length, 3);
    assert.equal(calls.length, 2);
  });
});

describe('toDeviceSummary', () => {
  it('skips an entry without a key', () => {
    assert.equal(toDeviceSummary({ DeviceAttributes: [] }), null);
  });
});

describe('device changes', () => {
  it('ForgetDevice names the device and carries the token', async () => {
    answer = () => ({ body: {} });
    await forgetDevice(TOKEN, key(7), client());
    assert.deepEqual(calls, [{ operation: 'ForgetDevice', body: { AccessToken: TOKEN, DeviceKey: key(7) } }]);
  });

  it('UpdateDeviceStatus sends the status', async () => {
    answer = () => ({ body: {} });
    await setDeviceRemembered(TOKEN, key(7), 'not_remembered', client());
    await setDeviceRemembered(TOKEN, key(7), 'remembered', client());
    assert.deepEqual(
      calls.map((c) => [c.operation, c.body.DeviceRememberedStatus]),
      [
        ['UpdateDeviceStatus', 'not_remembered'],
        ['UpdateDeviceStatus', 'remembered'],
      ],
    );
  });

  it('a device that is gone is "not-found"', async () => {
    answer = () => ({ error: 'ResourceNotFoundException', message: 'Device does not exist.' });
    assert.equal((await cognitoRejection(forgetDevice(TOKEN, key(7), client()))).code, 'not-found');
    assert.equal((await cognitoRejection(setDeviceRemembered(TOKEN, key(7), 'remembered', client()))).code, 'not-found');
  });

  it('GlobalSignOut carries the token', async () => {
    answer = () => ({ body: {} });
    await signOutEverywhere(TOKEN, client());
    assert.deepEqual(calls, [{ operation: 'GlobalSignOut', body: { AccessToken: TOKEN } }]);
  });
});
