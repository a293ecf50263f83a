import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { LOCALES } from '@/lib/i18n/locales';
import { readCatalog, testTranslator } from '@/lib/i18n/test-translator';
import { COGNITO_ERRORS, CognitoError, englishErrors, mayHaveReachedCognito, OUTCOME_UNKNOWN_ERROR, toCognitoError, type CognitoErrorCode } from './errors';

const en = testTranslator('en', 'errors');
/** What the person is told, in English (as the catalog words it). */
const told = (error: CognitoError) => error.userMessageIn(en);

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
  // The pool has no relying-party ID and no domain: the operator's mistake, not a feature switched off.
  WebAuthnConfigurationMissingException: { code: 'service-misconfigured', signInAgain: false, retryable: false },
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
      assert.doesNotMatch(told(mapped), /Exception|Cognito|WebAuthn|\bAPI\b|stack/i);
      assert.match(told(mapped), /^[A-Z].{20,}\.$/);
      const shown = JSON.stringify(mapped.toPublic());
      assert.doesNotMatch(shown, new RegExp(name));
      assert.doesNotMatch(shown, /raised by Cognito|req-1/);
    });
  }
});

describe('what the person is told agrees with what they can do', () => {
  it('never asks to try again later when trying again cannot help', () => {
    for (const [code, info] of Object.entries(COGNITO_ERRORS)) {
      if (!info.retryable) assert.doesNotMatch(en(info.messageKey), /try again (later|in a moment|soon)/i, code);
    }
  });

  it('tells the operator what to change for a pool without a relying-party ID, and the person only that it is not set up', () => {
    const mapped = toCognitoError('StartWebAuthnRegistration', sdkException('WebAuthnConfigurationMissingException'));
    assert.match(mapped.detail.hint ?? '', /relying-party ID.*RelyingPartyId/);
    assert.match(told(mapped), /not set up correctly/);
    assert.doesNotMatch(JSON.stringify(mapped.toPublic()), /RelyingPartyId|hint/);
    assert.equal(toCognitoError('GetUser', sdkException('TooManyRequestsException')).detail.hint, undefined);
  });
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

  it('keeps a Cognito exception found in a cause', () => {
    const wrapped = new Error('call failed', { cause: sdkException('TooManyRequestsException') });
    assert.equal(toCognitoError('GetUser', wrapped).code, 'throttled');
  });

  it('keeps an already mapped error as it is', () => {
    const first = toCognitoError('GetUser', sdkException('TooManyRequestsException'));
    assert.equal(toCognitoError('ListDevices', first), first);
  });
});

// The errors the SDK's Node handler gives (seen with @smithy/node-http-handler 4.14 against a stopped
// and a stalled pool): what reaches the error map when Cognito gives no answer at all.
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', $metadata: { attempts: 2 } });
const requestTimeout = () =>
  Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 4000 ms requestTimeout.'), {
    name: 'TimeoutError',
    code: 'ETIMEDOUT',
  });
const connectionTimeout = () =>
  Object.assign(
    new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 2000 ms.'),
    { name: 'TimeoutError' },
  );
// The handler renames ECONNRESET, EPIPE and ETIMEDOUT socket errors to TimeoutError and keeps the code.
const reset = () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });

describe('toCognitoError when Cognito gave no answer', () => {
  const cases: Array<[string, () => unknown, CognitoErrorCode]> = [
    ['a refused connection (the pool is stopped)', refused, 'unreachable'],
    ['no such host', () => Object.assign(new Error('getaddrinfo ENOTFOUND cognito-idp.example'), { code: 'ENOTFOUND' }), 'unreachable'],
    ['no connection within the connection timeout', connectionTimeout, 'unreachable'],
    ['a connection that broke', reset, 'unreachable'],
    ['fetch failing on a refused connection', () => new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }), 'unreachable'],
    ['no answer within the request timeout', requestTimeout, 'timed-out'],
    ['a DOMException-style timeout', () => Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), 'timed-out'],
    ['a change the SDK client would not send again', () => Object.assign(new Error('DeleteWebAuthnCredential got no answer'), { name: OUTCOME_UNKNOWN_ERROR }), 'outcome-unknown'],
  ];
  for (const [what, error, code] of cases) {
    it(`${what} → ${code}`, () => {
      const mapped = toCognitoError('ListDevices', error());
      assert.equal(mapped.code, code);
      assert.equal(mapped.signInAgain, false);
    });
  }

  it('says which: cannot be reached, too slow, or perhaps done — never "something went wrong"', () => {
    assert.equal(told(toCognitoError('ListDevices', refused())), 'The sign-in service cannot be reached right now. Please try again in a moment.');
    assert.equal(told(toCognitoError('ListDevices', requestTimeout())), 'The sign-in service took too long to answer. Please try again in a moment.');
    const unknown = toCognitoError('ForgetDevice', Object.assign(new Error('x'), { name: OUTCOME_UNKNOWN_ERROR }));
    assert.match(told(unknown), /took too long to answer, so we cannot tell whether the change was made\. Reload the page/);
    for (const mapped of [toCognitoError('ListDevices', refused()), toCognitoError('ListDevices', requestTimeout()), unknown]) {
      assert.doesNotMatch(told(mapped), /went wrong|Exception|ECONN|ETIMEDOUT|Cognito|\bms\b/);
      assert.doesNotMatch(JSON.stringify(mapped.toPublic()), /127\.0\.0\.1|requestTimeout|node-http-handler/);
    }
  });

  it('offers trying again when nothing could have changed, and checking first when it might have', () => {
    assert.equal(toCognitoError('ListDevices', refused()).retryable, true);
    assert.equal(toCognitoError('ListDevices', requestTimeout()).retryable, true);
    assert.equal(toCognitoError('ForgetDevice', Object.assign(new Error('x'), { name: OUTCOME_UNKNOWN_ERROR })).retryable, false);
  });

  it('keeps the detail for the operator', () => {
    const mapped = toCognitoError('ListDevices', requestTimeout());
    assert.equal(mapped.detail.exception, 'TimeoutError');
    assert.match(mapped.detail.message, /requestTimeout/);
  });
});

describe('mayHaveReachedCognito', () => {
  it('is false where the request surely never left, or Cognito answered', () => {
    assert.equal(mayHaveReachedCognito(refused()), false);
    assert.equal(mayHaveReachedCognito(connectionTimeout()), false);
    assert.equal(mayHaveReachedCognito(Object.assign(new Error('x'), { code: 'EAI_AGAIN' })), false);
    assert.equal(mayHaveReachedCognito(sdkException('InternalErrorException')), false);
    assert.equal(mayHaveReachedCognito(sdkException('TooManyRequestsException')), false);
    assert.equal(mayHaveReachedCognito('boom'), false);
  });

  it('is true where it was sent and no answer came', () => {
    assert.equal(mayHaveReachedCognito(requestTimeout()), true);
    assert.equal(mayHaveReachedCognito(reset()), true);
    assert.equal(mayHaveReachedCognito(Object.assign(new Error('write EPIPE'), { name: 'TimeoutError', code: 'EPIPE' })), true);
    assert.equal(mayHaveReachedCognito(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) })), true);
  });
});

describe('toCognitoError for other things', () => {
  it('maps things that are not errors at all', () => {
    assert.equal(toCognitoError('GetUser', 'boom').code, 'unexpected');
    assert.equal(toCognitoError('GetUser', undefined).code, 'unexpected');
  });

  it('has words for every code', () => {
    for (const [code, info] of Object.entries(COGNITO_ERRORS)) {
      assert.ok(en(info.messageKey).length > 20, code);
      assert.ok(!(info.signInAgain && info.retryable), `${code}: one remedy, not two`);
    }
  });
});

describe('the error table gives message keys, worded in the person’s language', () => {
  it('gives each code its own key of the errors catalog', () => {
    const english = readCatalog('en', 'errors');
    const keys = Object.values(COGNITO_ERRORS).map((info) => info.messageKey);
    assert.equal(new Set(keys).size, keys.length, 'one key per code');
    for (const [code, info] of Object.entries(COGNITO_ERRORS)) assert.equal(typeof english[info.messageKey], 'string', code);
  });

  it('words the English default exactly as the catalog does', () => {
    for (const info of Object.values(COGNITO_ERRORS)) assert.equal(englishErrors(info.messageKey), en(info.messageKey));
    assert.equal(toCognitoError('GetUser', sdkException('TooManyRequestsException')).toPublic().message, en('throttled'));
  });

  it('tells a German reader about throttling in German', () => {
    const throttled = toCognitoError('GetUser', sdkException('TooManyRequestsException'));
    const shown = throttled.toPublic(testTranslator('de', 'errors'));
    assert.equal(shown.message, 'In kurzer Zeit gab es zu viele Anfragen. Bitte versuchen Sie es gleich noch einmal.');
    assert.equal(shown.code, 'throttled');
    assert.equal(shown.retryable, true);
  });

  it('names no exception or service internals in any language', () => {
    for (const locale of LOCALES) {
      const t = testTranslator(locale, 'errors');
      for (const [code, info] of Object.entries(COGNITO_ERRORS)) {
        const message = t(info.messageKey);
        assert.doesNotMatch(message, /Exception|Cognito|WebAuthn|\bAPI\b/, `${locale} ${code}`);
        if (locale !== 'en') assert.notEqual(message, en(info.messageKey), `${locale} ${code} is translated`);
      }
    }
  });
});
