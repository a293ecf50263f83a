import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import { DeleteWebAuthnCredentialCommand, ListDevicesCommand, StartWebAuthnRegistrationCommand } from '@aws-sdk/client-cognito-identity-provider';
import { callCognito } from './call-cognito';
import { COGNITO_CALL_LIMITS, createCognitoClient } from './client';
import { cognitoRejection, startFakeCognitoApi, type CognitoReply } from '@/lib/testing/fake-cognito-api';

// The portal's own retry policy (two attempts), with short timeouts so the test is quick.
const LIMITS = { ...COGNITO_CALL_LIMITS, connectionTimeoutMs: 500, requestTimeoutMs: 300 };
let answer: () => CognitoReply = () => 'hang';
let fake: Awaited<ReturnType<typeof startFakeCognitoApi>>;

before(async () => {
  fake = await startFakeCognitoApi(() => answer());
});
after(() => fake.close());
beforeEach(() => {
  fake.calls.length = 0;
  mock.method(console, 'error', () => {});
  mock.method(console, 'info', () => {});
});
afterEach(() => mock.restoreAll());

const client = (endpoint = fake.endpoint) => createCognitoClient({ region: 'local-1', sdkEndpoint: endpoint }, LIMITS);
const listDevices = (c = client()) => callCognito('ListDevices', (sdk) => sdk.send(new ListDevicesCommand({ AccessToken: 'token' })), c);
const startRegistration = (c = client()) => callCognito('StartWebAuthnRegistration', (sdk) => sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken: 'token' })), c);
const deletePasskey = (c = client()) =>
  callCognito('DeleteWebAuthnCredential', (sdk) => sdk.send(new DeleteWebAuthnCredentialCommand({ AccessToken: 'token', CredentialId: 'cred-1' })), c);

describe('the portal\'s call limits', () => {
  it('time out below the 5 s a stalled pool takes in the fault tests, and keep a page under ten seconds', () => {
    assert.ok(COGNITO_CALL_LIMITS.requestTimeoutMs < 5_000);
    assert.ok(COGNITO_CALL_LIMITS.maxAttempts * Math.max(COGNITO_CALL_LIMITS.requestTimeoutMs, COGNITO_CALL_LIMITS.connectionTimeoutMs) < 10_000);
  });
});

describe('a call that gets no answer in time', () => {
  it('is sent again when it changes nothing, then explained as too slow', async () => {
    answer = () => 'hang';
    const mapped = await cognitoRejection(listDevices());
    assert.equal(mapped.code, 'timed-out');
    assert.deepEqual(fake.calls.map((c) => c.operation), ['ListDevices', 'ListDevices']);
  });

  it('StartWebAuthnRegistration (a fresh challenge) is sent again too', async () => {
    answer = () => 'hang';
    assert.equal((await cognitoRejection(startRegistration())).code, 'timed-out');
    assert.equal(fake.calls.length, 2);
  });

  it('is sent once when it changes something, and explained as perhaps done', async () => {
    answer = () => 'hang';
    const started = Date.now();
    const mapped = await cognitoRejection(deletePasskey());
    assert.equal(mapped.code, 'outcome-unknown');
    assert.deepEqual(fake.calls.map((c) => c.operation), ['DeleteWebAuthnCredential']);
    assert.ok(Date.now() - started < 2 * LIMITS.requestTimeoutMs, 'one request timeout, not two');
    // The operator's log still names what happened on the wire.
    assert.match(mapped.detail.message, /requestTimeout/);
  });

  it('a change whose connection broke after it was sent is not sent again either', async () => {
    const server = createServer((req) => req.socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    let requests = 0;
    server.on('request', () => (requests += 1));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      assert.equal((await cognitoRejection(deletePasskey(client(endpoint)))).code, 'outcome-unknown');
      assert.equal(requests, 1);
      assert.equal((await cognitoRejection(listDevices(client(endpoint)))).code, 'unreachable');
      assert.equal(requests, 3);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('a call that cannot connect', () => {
  it('is explained as unreachable, for a change too (it surely never arrived)', async () => {
    const dead = client('http://127.0.0.1:9');
    assert.equal((await cognitoRejection(listDevices(dead))).code, 'unreachable');
    assert.equal((await cognitoRejection(deletePasskey(dead))).code, 'unreachable');
  });
});

describe('answers from Cognito', () => {
  it('are retried as the SDK decides, changes included (a throttled call was not carried out)', async () => {
    answer = () => ({ error: 'TooManyRequestsException', message: 'Rate exceeded' });
    assert.equal((await cognitoRejection(deletePasskey())).code, 'throttled');
    assert.equal(fake.calls.length, 2);
  });

  it('a success is a success', async () => {
    answer = () => ({ body: {} });
    await deletePasskey();
    assert.equal(fake.calls.length, 1);
  });
});
