import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readBody } from '../http';
import { OAuthError } from './responses';

/** Sign-in forms and token requests are small; anything bigger is not one of ours. */
export const FORM_BODY_LIMIT = 16 * 1024;

/** Reads an application/x-www-form-urlencoded body, or throws `invalid_request`. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  let raw: Buffer;
  try {
    raw = await readBody(req, FORM_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new OAuthError('invalid_request', `The request body is larger than ${FORM_BODY_LIMIT} bytes.`);
    throw error;
  }
  if (type !== 'application/x-www-form-urlencoded') {
    throw new OAuthError('invalid_request', 'The request body must be application/x-www-form-urlencoded.');
  }
  return new URLSearchParams(raw.toString('utf8'));
}

/**
 * One parameter's value. RFC 6749 §3.1 forbids repeating a parameter, and taking the
 * first or last of two values would let the two ends of a flow read different ones.
 */
export function singleParam(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new OAuthError('invalid_request', `The ${name} parameter is repeated.`);
  return values[0] === '' ? undefined : values[0];
}
