import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { ListWebAuthnCredentialsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { callCognito } from './call-cognito';
import { createCognitoClient } from './client';
import { cognitoRejection, startFakeCognitoApi } from '@/lib/testing/fake-cognito-api';

// The stand-in for Cognito answers every call with the exception named in the access token
// ('ok' succeeds, 'hang' never answers), so the real SDK parses it exactly as Cognito's answer.
const FAST = { maxAttempts: 1, connectionTimeoutMs: 500, requestTimeoutMs: 300 };
let fake: Awaited<ReturnType<typeof startFakeCognitoApi>>;
let endpoint: string;

before(async () => {
  fake = await startFakeCognitoApi(({ body }) => {
    const token = String(body.AccessToken);
    if (token === 'hang') return 'hang';
    if (token === 'ok') return { body: { Credentials: [] } };
    return { status: token === 'InternalErrorException' ? 500 : 400, error: token };
  });
  endpoint = fake.endpoint;
});

after(() => fake.close());

function list(accessToken: string, client = createCognitoClient({ region: 'local-1', sdkEndpoint: endpoint }, FAST)) {
  return callCognito('ListWebAuthnCredentials', (c) => c.send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken })), client);
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
      const mapped = await cognitoRejection(list(exception));
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

  it('fails fast with "unreachable" when nothing listens', async () => {
    mock.method(console, 'error', () => {});
    const dead = createCognitoClient({ region: 'local-1', sdkEndpoint: 'http://127.0.0.1:9' }, FAST);
    const started = Date.now();
    const mapped = await cognitoRejection(list('ok', dead));
    assert.equal(mapped.code, 'unreachable');
    assert.ok(Date.now() - started < 3_000, 'bounded time');
    mock.restoreAll();
  });

  it('gives up on a pool that never answers within the request timeout', async () => {
    mock.method(console, 'error', () => {});
    const started = Date.now();
    const mapped = await cognitoRejection(list('hang'));
    assert.equal(mapped.code, 'timed-out');
    assert.ok(Date.now() - started < 3_000, `bounded time (took ${Date.now() - started} ms)`);
    mock.restoreAll();
  });
});
