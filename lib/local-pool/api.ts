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

/**
 * The request headers browser SDKs send to Cognito: the AWS SDK for JavaScript v3
 * (`x-amz-target`, `x-amz-user-agent`, `amz-sdk-invocation-id`, `amz-sdk-request`) and Amplify JS
 * v6, which adds `cache-control: no-store` to every user-pool call
 * (amplify-js `cognitoUserPoolTransferHandler.ts`). A preflight that asks for none is answered
 * with these.
 */
export const SDK_REQUEST_HEADERS = ['content-type', 'x-amz-target', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request', 'authorization', 'cache-control'];

/** Headers on every API answer: any origin may call, as browsers call Cognito's public endpoint directly. */
export const API_CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date',
};

/** A list of header names as RFC 9110 tokens, or nothing when the list is malformed. */
function headerNames(raw: string): string[] | undefined {
  const names = raw.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  return names.length > 0 && names.length <= 64 && names.every((name) => /^[!#$%&'*+.^_`|~0-9a-z-]{1,128}$/.test(name)) ? names : undefined;
}

/**
 * Answers a CORS preflight for the API. Cognito's endpoint is public and takes no cookies, and
 * every browser SDK calls it directly from any origin, so the headers a preflight asks for are
 * allowed as asked (well-formed names only): a client that sends a header this list did not
 * foresee (as Amplify v6's `cache-control` once was here) is not refused where Cognito accepts it.
 */
export function preflightHeaders(requestedHeaders: string | undefined): Record<string, string> {
  const requested = requestedHeaders ? headerNames(requestedHeaders) : undefined;
  return {
    ...API_CORS_HEADERS,
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': (requested ?? SDK_REQUEST_HEADERS).join(', '),
    'Access-Control-Max-Age': '86400',
  };
}

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
