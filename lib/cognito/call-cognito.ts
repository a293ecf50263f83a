import 'server-only';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { getCognitoClient } from './client';
import { CognitoError, toCognitoError, type CognitoErrorCode } from './errors';

// Codes that are part of normal life (sessions end, people make mistakes): logged quietly.
const ROUTINE: ReadonlySet<CognitoErrorCode> = new Set([
  'session-expired',
  'password-reset-required',
  'account-not-confirmed',
  'invalid-request',
  'not-found',
  'limit-exceeded',
  'passkey-challenge-expired',
  'passkey-not-supported',
]);

/** Writes one structured line for the operator: full detail, never a token. */
export function logCognitoError(error: CognitoError): void {
  const line = JSON.stringify({
    event: 'cognito_call_failed',
    operation: error.operation,
    code: error.code,
    exception: error.detail.exception,
    message: error.detail.message,
    httpStatus: error.detail.httpStatus,
    requestId: error.detail.requestId,
    hint: error.detail.hint,
  });
  if (ROUTINE.has(error.code)) console.info(line);
  else console.error(line);
}

/**
 * The one door to the Cognito API: runs `call` with the shared SDK client and turns whatever it
 * throws into a CognitoError (logged for the operator), so callers only ever see portal codes.
 */
export async function callCognito<T>(
  operation: string,
  call: (client: CognitoIdentityProviderClient) => Promise<T>,
  client: CognitoIdentityProviderClient = getCognitoClient(),
): Promise<T> {
  try {
    return await call(client);
  } catch (error) {
    const mapped = toCognitoError(operation, error);
    logCognitoError(mapped);
    throw mapped;
  }
}

export { CognitoError };
