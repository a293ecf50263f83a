import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { COGNITO_ERRORS, CognitoError, toCognitoError, type CognitoErrorCode } from './errors';

type Expected = { code: CognitoErrorCode; signInAgain: boolean; retryable: boolean };

/**
 * Every exception the Cognito API pages of the portal's operations name, with what the portal
 * must make of it. Written out here rather than read from the map, so a change to the map that
 * changes behaviour fails a test.
 */
const EXPECTED: Record<string, Expected> = {
  ForbiddenException: { code: 'forbidden', signInAgain: false, retryable: false },
  InternalErrorException: { code: 'unavailable', signInAgain: false, retryable: true },
  InvalidParameterException: { code: 'invalid-request', signInAgain: false, retryable: false },
  LimitExceededException: { code: 'limit-exceeded', signInAgain: false, retryable: false },
  NotAuthorizedException: { code: 'session-expired', signInAgain: true, retryable: false },
  TooManyRequestsException: { code: 'throttled', signInAgain: false, retryable: true },
  ResourceNotFoundException: { code: 'not-found', signInAgain: false, retryable: false },
  PasswordResetRequiredException: { code: 'password-reset-required', signInAgain: true, retryable: false },
  UserNotFoundException: { code: 'account-not-found', signInAgain: true, retryable: false },
  UserNotConfirmedException: { code: 'account-not-confirmed', signInAgain: true, retryable: false },
  InvalidUserPoolConfigurationException: { code: 'service-misconfigured', signInAgain: false, retryable: false },
  OperationNotEnabledException: { code: 'not-enabled', signInAgain: false, retryable: false },
  WebAuthnChallengeNotFoundException: { code: 'passkey-challenge-expired', signInAgain: false, retryable: true },
  WebAuthnClientMismatchException: { code: 'passkey-client-mismatch', signInAgain: false, retryable: false },
  WebAuthnConfigurationMissingException: { code: 'passkeys-not-enabled', signInAgain: false, retryable: false },
  WebAuthnCredentialNotSupportedException: { code: 'passkey-not-supported', signInAgain: false, retryable: true },
  WebAuthnNotEnabledException: { code: 'passkeys-not-enabled', signInAgain: false, retryable: false },
  WebAuthnOriginNotAllowedException: { code: 'passkey-origin-not-allowed', signInAgain: false, retryable: false },
  WebAuthnRelyingPartyMismatchException: { code: 'passkey-relying-party-mismatch', signInAgain: false, retryable: false },
  // RevokeToken's page adds these three.
  UnauthorizedException: { code: 'service-misconfigured', signInAgain: false, retryable: false },
  UnsupportedOperationException: { code: 'not-enabled', signInAgain: false, retryable: false },
  UnsupportedTokenTypeException: { code: 'invalid-request', signInAgain: false, retryable: false },
};

type SdkExceptionClass = new (options: { message: string; $metadata: object }) => Error;

function sdkException(name: string, message = `${name} raised by Cognito`): Error {
  const Class = (sdk as unknown as Record<string, SdkExceptionClass | undefined>)[name];
  assert.ok(Class, `the SDK exports ${name}`);
  return new Class({ message, $metadata: { httpStatusCode: 400, requestId: 'req-1' } });
}

describe('toCognitoError maps every named Cognito exception', () => {
  it('covers all seven WebAuthn exception kinds the SDK defines', () => {
    const webAuthnKinds = Object.keys(sdk).filter((key) => /^WebAuthn\w+Exception$/.test(key));
    assert.equal(webAuthnKinds.length, 7);
    for (const kind of webAuthnKinds) assert.ok(kind in EXPECTED, `${kind} is expected`);
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name} → ${expected.code}`, () => {
      const mapped = toCognitoError('ListWebAuthnCredentials', sdkException(name));
      assert.ok(mapped instanceof CognitoError);
      assert.equal(mapped.code, expected.code);
      assert.equal(mapped.signInAgain, expected.signInAgain, 'signInAgain');
      assert.equal(mapped.retryable, expected.retryable, 'retryable');
      assert.equal(mapped.operation, 'ListWebAuthnCredentials');
      // The operator's detail keeps the exception; the person's words never show it.
      assert.equal(mapped.detail.exception, name);
      assert.equal(mapped.detail.message, `${name} raised by Cognito`);
      assert.equal(mapped.detail.requestId, 'req-1');
      assert.doesNotMatch(mapped.userMessage, /Exception|Cognito|WebAuthn|\bAPI\b|stack/i);
      assert.match(mapped.userMessage, /^[A-Z].{20,}\.$/);
      const shown = JSON.stringify(mapped.toPublic());
      assert.doesNotMatch(shown, new RegExp(name));
      assert.doesNotMatch(shown, /raised by Cognito|req-1/);
    });
  }
});

describe('toCognitoError for errors Cognito did not name', () => {
  it('maps an unknown exception to a generic retryable error', () => {
    const mapped = toCognitoError('GetUser', Object.assign(new Error('odd'), { name: 'SomethingNewException', $metadata: { httpStatusCode: 400 } }));
    assert.equal(mapped.code, 'unexpected');
    assert.equal(mapped.retryable, true);
    assert.equal(mapped.signInAgain, false);
  });

  it('maps an unmodelled 5xx to unavailable', () => {
    const mapped = toCognitoError('GetUser', Object.assign(new Error('bad gateway'), { name: 'Unknown', $fault: 'server', $metadata: { httpStatusCode: 502 } }));
    assert.equal(mapped.code, 'unavailable');
  });

  it('maps network failures, also when wrapped in a cause, to unavailable', () => {
    assert.equal(toCognitoError('GetUser', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).code, 'unavailable');
    assert.equal(toCognitoError('GetUser', Object.assign(new Error('timed out'), { name: 'TimeoutError' })).code, 'unavailable');
    const wrapped = new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
    assert.equal(toCognitoError('GetUser', wrapped).code, 'unavailable');
  });

  it('maps things that are not errors at all', () => {
    assert.equal(toCognitoError('GetUser', 'boom').code, 'unexpected');
    assert.equal(toCognitoError('GetUser', undefined).code, 'unexpected');
  });

  it('keeps an already mapped error as it is', () => {
    const first = toCognitoError('GetUser', sdkException('TooManyRequestsException'));
    assert.equal(toCognitoError('ListDevices', first), first);
  });

  it('has words for every code', () => {
    for (const [code, info] of Object.entries(COGNITO_ERRORS)) {
      assert.ok(info.userMessage.length > 20, code);
      assert.ok(!(info.signInAgain && info.retryable), `${code}: one remedy, not two`);
    }
  });
});
