import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PoolContext } from './context';
import { PoolError } from './errors';
import { applyFaults } from './faults';
import { BodyTooLargeError, readBody, requestInfo } from './http';
import { modelTable } from './model/model-table';
import { OPERATIONS } from './operations';
import { validateInput } from './validate';

/** Cognito accepts request bodies up to this size; a larger one is refused before parsing. */
export const API_BODY_LIMIT = 1024 * 1024;

export const API_CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type, x-amz-target, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request, authorization',
  'Access-Control-Expose-Headers': 'x-amzn-requestid, x-amzn-errortype',
  'Access-Control-Max-Age': '86400',
};

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...API_CORS_HEADERS,
    ...extra,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: PoolError) {
  send(res, error.httpStatus, { __type: error.type, message: error.message }, { 'x-amzn-ErrorType': error.type });
}

/** The operation an `X-Amz-Target` names: exactly `<targetPrefix>.<Operation>`, nothing before or after. */
export function operationOf(target: string): string | undefined {
  const prefix = `${modelTable.targetPrefix}.`;
  if (!target.startsWith(prefix)) return undefined;
  const operation = target.slice(prefix.length);
  return /^[A-Za-z0-9]+$/.test(operation) ? operation : undefined;
}

/** `POST /` with `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, AWS JSON 1.1. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: PoolContext): Promise<void> {
  const target = String(req.headers['x-amz-target'] ?? '');
  const operation = operationOf(target);
  try {
    const handler = operation !== undefined && Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
    if (!handler || operation === undefined) {
      // Drain the body so the connection stays usable.
      await readBody(req, API_BODY_LIMIT).catch(() => undefined);
      throw new PoolError('UnknownOperationException', '');
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, API_BODY_LIMIT);
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw new PoolError('InvalidParameterException', `Request body is larger than ${API_BODY_LIMIT} bytes.`);
      throw error;
    }
    let body: unknown;
    try {
      body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      throw new PoolError('SerializationException', 'The request body is not valid JSON.');
    }
    await applyFaults(ctx.config.faults, operation);
    const input = validateInput(operation, body);
    const output = await handler(input, ctx, requestInfo(req));
    send(res, 200, output);
  } catch (error) {
    if (error instanceof PoolError) {
      sendError(res, error);
      return;
    }
    console.error(`[local-pool] ${operation ?? target}: unexpected failure`, error);
    sendError(res, new PoolError('InternalErrorException', 'An internal error occurred.'));
  }
}
