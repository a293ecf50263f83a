import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
