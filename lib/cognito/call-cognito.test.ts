import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, mock } from 'node:test';
import { ListWebAuthnCredentialsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { callCognito } from './call-cognito';
import { createCognitoClient } from './client';
import { CognitoError } from './errors';

// A stand-in for Cognito's AWS JSON 1.1 wire format: answers every call with the error named in
// the access token, so the real SDK deserialises it exactly as it would Cognito's answer.
let server: Server;
let endpoint: string;
const FAST = { maxAttempts: 1, connectionTimeoutMs: 500, requestTimeoutMs: 300 };

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { AccessToken } = JSON.parse(body) as { AccessToken: string };
      if (AccessToken === 'hang') return; // never answers
      if (AccessToken === 'ok') {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ Credentials: [] }));
        return;
      }
      const status = AccessToken === 'InternalErrorException' ? 500 : 400;
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': AccessToken, 'x-amzn-requestid': 'wire-req' });
      res.end(JSON.stringify({ __type: AccessToken, message: `wire says ${AccessToken}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

function list(accessToken: string, client = createCognitoClient({ region: 'local-1', sdkEndpoint: endpoint }, FAST)) {
  return callCognito('ListWebAuthnCredentials', (c) => c.send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken })), client);
}

async function rejection(promise: Promise<unknown>): Promise<CognitoError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CognitoError, `expected CognitoError, got ${String(error)}`);
    return error;
  }
  assert.fail('the call succeeded');
}

describe('callCognito over the wire', () => {
  it('returns the result of a successful call', async () => {
    const result = await list('ok');
    assert.deepEqual(result.Credentials, []);
  });

  const cases: Array<[string, string]> = [
    ['NotAuthorizedException', 'session-expired'],
    ['TooManyRequestsException', 'throttled'],
    ['WebAuthnChallengeNotFoundException', 'passkey-challenge-expired'],
    ['InternalErrorException', 'unavailable'],
    ['BrandNewException', 'unexpected'],
  ];
  for (const [exception, code] of cases) {
    it(`maps ${exception} from the wire to ${code} and logs the detail for the operator`, async (t) => {
      const info = t.mock.method(console, 'info', () => {});
      const error = t.mock.method(console, 'error', () => {});
      const mapped = await rejection(list(exception));
      assert.equal(mapped.code, code);
      assert.equal(mapped.detail.exception, exception);
      assert.equal(mapped.detail.message, `wire says ${exception}`);
      const logged = [...info.mock.calls, ...error.mock.calls].map((call) => String(call.arguments[0]));
      assert.equal(logged.length, 1);
      const line = JSON.parse(logged[0]) as Record<string, unknown>;
      assert.equal(line.operation, 'ListWebAuthnCredentials');
      assert.equal(line.exception, exception);
      assert.equal(line.code, code);
    });
  }

  it('fails fast with "unavailable" when nothing listens', async () => {
    mock.method(console, 'error', () => {});
    const dead = createCognitoClient({ region: 'local-1', sdkEndpoint: 'http://127.0.0.1:9' }, FAST);
    const started = Date.now();
    const mapped = await rejection(list('ok', dead));
    assert.equal(mapped.code, 'unavailable');
    assert.ok(Date.now() - started < 3_000, 'bounded time');
    mock.restoreAll();
  });

  it('gives up on a pool that never answers within the request timeout', async () => {
    mock.method(console, 'error', () => {});
    const started = Date.now();
    const mapped = await rejection(list('hang'));
    assert.equal(mapped.code, 'unavailable');
    assert.ok(Date.now() - started < 3_000, `bounded time (took ${Date.now() - started} ms)`);
    mock.restoreAll();
  });
});
