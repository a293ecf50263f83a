import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, mock } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCognitoClient } from '@/lib/cognito/client';
import { CognitoError } from '@/lib/cognito/errors';

export type CognitoCall = { operation: string; body: Record<string, unknown> };
/** A success (`body`), an exception by name (`error`, optional `message`, status 400 unless given), or no answer at all. */
export type CognitoReply = { status?: number; error?: string; message?: string; body?: unknown } | 'hang';

/**
 * A stand-in for Cognito's AWS JSON 1.1 API for unit tests, so the real SDK serialises the
 * requests and parses the answers (dates and exceptions included) exactly as it does Cognito's.
 * Records each call; `reply` decides each answer. The e2e tests use the real local pool instead.
 */
export async function startFakeCognitoApi(reply: (call: CognitoCall) => CognitoReply) {
  const calls: CognitoCall[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const call = { operation: String(req.headers['x-amz-target']).split('.').pop()!, body: JSON.parse(raw) as Record<string, unknown> };
      calls.push(call);
      const answer = reply(call);
      if (answer === 'hang') return;
      const { status, error, message, body = {} } = answer;
      if (error) {
        res.writeHead(status ?? 400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': error, 'x-amzn-requestid': 'wire-req' });
        res.end(JSON.stringify({ __type: error, message: message ?? `wire says ${error}` }));
        return;
      }
      res.writeHead(status ?? 200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** The CognitoError a call failed with; fails the test if it succeeded or threw anything else. */
export async function cognitoRejection(promise: Promise<unknown>): Promise<CognitoError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CognitoError, `expected CognitoError, got ${String(error)}`);
    return error;
  }
  assert.fail('the call succeeded');
}

/**
 * The stand-in for one test file: started before its tests with an SDK client pointed at it (one
 * attempt, short timeouts), calls cleared and console quiet for each test (callCognito logs
 * failures for the operator). Set `reply` in a test; read `calls`; pass `client` to the code.
 */
export function fakeCognitoApiForFile() {
  let fake: Awaited<ReturnType<typeof startFakeCognitoApi>> | undefined;
  const harness = {
    reply: ((): CognitoReply => ({ body: {} })) as (call: CognitoCall) => CognitoReply,
    calls: [] as CognitoCall[],
    client: undefined as unknown as ReturnType<typeof createCognitoClient>,
  };
  before(async () => {
    fake = await startFakeCognitoApi((call) => harness.reply(call));
    harness.calls = fake.calls;
    harness.client = createCognitoClient({ region: 'local-1', sdkEndpoint: fake.endpoint }, { maxAttempts: 1, connectionTimeoutMs: 500, requestTimeoutMs: 1_000 });
  });
  after(() => fake?.close());
  beforeEach(() => {
    harness.calls.length = 0;
    for (const level of ['info', 'error', 'warn'] as const) mock.method(console, level, () => {});
  });
  afterEach(() => mock.restoreAll());
  return harness;
}
