import 'server-only';
import { formatMessage } from '@/lib/i18n/format-message';
import type { Translate } from '@/lib/i18n/translate';
import englishMessages from '@/messages/en/errors.json';

/**
 * What went wrong with a call to Cognito, in the portal's terms. Every exception the Cognito API
 * pages name maps to one of these; anything else is `unexpected`.
 */
export type CognitoErrorCode =
  | 'session-expired'
  | 'password-reset-required'
  | 'account-not-found'
  | 'account-not-confirmed'
  | 'forbidden'
  | 'invalid-request'
  | 'not-found'
  | 'limit-exceeded'
  | 'throttled'
  | 'unavailable'
  | 'unreachable'
  | 'timed-out'
  | 'outcome-unknown'
  | 'not-enabled'
  | 'service-misconfigured'
  | 'passkeys-not-enabled'
  | 'passkey-challenge-expired'
  | 'passkey-client-mismatch'
  | 'passkey-not-supported'
  | 'passkey-origin-not-allowed'
  | 'passkey-relying-party-mismatch'
  | 'unexpected';

/** A message of the `errors` namespace (messages/<locale>/errors.json). */
export type ErrorMessageKey = keyof typeof englishMessages;

/**
 * The `errors` messages in English: the default where no request's translator is at hand (the
 * operator's log, tests, callers not yet given one). People are told in their own language: pass
 * the request's `getTranslations('errors')` (or a client's `useT('errors')`) instead.
 */
export const englishErrors: Translate = (key, values) => {
  const message = (englishMessages as Record<string, string>)[key];
  if (message === undefined) throw new Error(`No message errors.${key}`);
  return formatMessage(message, values, 'en');
};

export type CognitoErrorInfo = {
  /**
   * The words for the person using the portal (namespace `errors`): calm, no exception names, no
   * internals. Formatted in the request's language where they are shown.
   */
  messageKey: ErrorMessageKey;
  /** Signing in again (fresh tokens) can fix it. */
  signInAgain: boolean;
  /** Trying the same thing again, perhaps after a short wait, can succeed. */
  retryable: boolean;
};

/** The one table from code to what the person is told (its message key) and can do. */
export const COGNITO_ERRORS: Record<CognitoErrorCode, CognitoErrorInfo> = {
  'session-expired': { messageKey: 'sessionExpired', signInAgain: true, retryable: false },
  'password-reset-required': { messageKey: 'passwordResetRequired', signInAgain: true, retryable: false },
  'account-not-found': { messageKey: 'accountNotFound', signInAgain: true, retryable: false },
  'account-not-confirmed': { messageKey: 'accountNotConfirmed', signInAgain: true, retryable: false },
  forbidden: { messageKey: 'forbidden', signInAgain: false, retryable: false },
  'invalid-request': { messageKey: 'invalidRequest', signInAgain: false, retryable: false },
  'not-found': { messageKey: 'notFound', signInAgain: false, retryable: false },
  // Not a rate limit (that is `throttled`): waiting does not help, making room does.
  'limit-exceeded': { messageKey: 'limitExceeded', signInAgain: false, retryable: false },
  throttled: { messageKey: 'throttled', signInAgain: false, retryable: true },
  // Cognito answered with a failure of its own (InternalErrorException, an unmodelled 5xx).
  unavailable: { messageKey: 'unavailable', signInAgain: false, retryable: true },
  // No connection at all (refused, no such host, no route, the connection dropped).
  unreachable: { messageKey: 'unreachable', signInAgain: false, retryable: true },
  // Connected, but no answer within the request timeout: for a call that changes nothing.
  'timed-out': { messageKey: 'timedOut', signInAgain: false, retryable: true },
  // A change that may have reached Cognito but got no answer: it may have been made, late. Saying
  // it failed could be wrong, and doing it again blindly could fail for that very reason.
  'outcome-unknown': { messageKey: 'outcomeUnknown', signInAgain: false, retryable: false },
  'not-enabled': { messageKey: 'notEnabled', signInAgain: false, retryable: false },
  'service-misconfigured': { messageKey: 'serviceMisconfigured', signInAgain: false, retryable: false },
  'passkeys-not-enabled': { messageKey: 'passkeysNotEnabled', signInAgain: false, retryable: false },
  'passkey-challenge-expired': { messageKey: 'passkeyChallengeExpired', signInAgain: false, retryable: true },
  // The challenge was started by another app client than the one finishing it: in one portal that
  // means instances configured with different client IDs, so a fresh sign-in would not help.
  'passkey-client-mismatch': { messageKey: 'passkeyClientMismatch', signInAgain: false, retryable: false },
  'passkey-not-supported': { messageKey: 'passkeyNotSupported', signInAgain: false, retryable: true },
  'passkey-origin-not-allowed': { messageKey: 'passkeyOriginNotAllowed', signInAgain: false, retryable: false },
  'passkey-relying-party-mismatch': { messageKey: 'passkeyRelyingPartyMismatch', signInAgain: false, retryable: false },
  unexpected: { messageKey: 'unexpected', signInAgain: false, retryable: true },
};

/**
 * Exception name → code, for every exception named in the pages of the operations the portal uses
 * (StartWebAuthnRegistration, CompleteWebAuthnRegistration, ListWebAuthnCredentials,
 * DeleteWebAuthnCredential, ListDevices and the other device operations, GetUser, RevokeToken).
 */
export const EXCEPTION_CODES: Readonly<Record<string, CognitoErrorCode>> = {
  NotAuthorizedException: 'session-expired',
  PasswordResetRequiredException: 'password-reset-required',
  UserNotFoundException: 'account-not-found',
  UserNotConfirmedException: 'account-not-confirmed',
  ForbiddenException: 'forbidden',
  InvalidParameterException: 'invalid-request',
  UnsupportedTokenTypeException: 'invalid-request',
  ResourceNotFoundException: 'not-found',
  LimitExceededException: 'limit-exceeded',
  TooManyRequestsException: 'throttled',
  InternalErrorException: 'unavailable',
  OperationNotEnabledException: 'not-enabled',
  UnsupportedOperationException: 'not-enabled',
  InvalidUserPoolConfigurationException: 'service-misconfigured',
  // RevokeToken: the app client's credentials were refused, i.e. the portal's configuration is wrong.
  UnauthorizedException: 'service-misconfigured',
  WebAuthnNotEnabledException: 'passkeys-not-enabled',
  // The pool has no relying-party ID and no domain: passkeys are on but cannot work until the operator sets one.
  WebAuthnConfigurationMissingException: 'service-misconfigured',
  WebAuthnChallengeNotFoundException: 'passkey-challenge-expired',
  WebAuthnClientMismatchException: 'passkey-client-mismatch',
  WebAuthnCredentialNotSupportedException: 'passkey-not-supported',
  WebAuthnOriginNotAllowedException: 'passkey-origin-not-allowed',
  WebAuthnRelyingPartyMismatchException: 'passkey-relying-party-mismatch',
};

/**
 * What the operator should change, for the exceptions that mean the pool or the portal is set up
 * wrongly; it goes to the log with the failure, never to the person.
 */
export const OPERATOR_HINTS: Readonly<Record<string, string>> = {
  WebAuthnConfigurationMissingException:
    'The user pool has no WebAuthn relying-party ID and no domain: set WebAuthnConfiguration.RelyingPartyId (SetUserPoolMfaConfig) to a domain covering NEXTAUTH_URL, or give the pool a domain.',
  WebAuthnNotEnabledException: "Passkeys are off in the user pool: add WEB_AUTHN to the sign-in policy's AllowedFirstAuthFactors (Essentials tier or above).",
  InvalidUserPoolConfigurationException: 'The user pool is not configured for this operation; see the exception message.',
  UnauthorizedException: "The token endpoint refused the app client's credentials: check COGNITO_CLIENT_ID and COGNITO_CLIENT_SECRET.",
  WebAuthnClientMismatchException: 'The passkey ceremony was started and finished by different app clients: every instance needs the same COGNITO_CLIENT_ID.',
  WebAuthnOriginNotAllowedException: "The portal's origin (NEXTAUTH_URL) is not covered by the pool's WebAuthn relying-party ID.",
  WebAuthnRelyingPartyMismatchException: "The credential's relying-party ID differs from the pool's: check WebAuthnConfiguration.RelyingPartyId.",
};

// Node and SDK errors that mean no connection to Cognito, so no answer to map.
const UNREACHABLE_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

// …and those that mean connected, but no answer in time.
const TIMED_OUT_ERRORS = new Set(['TimeoutError', 'RequestTimeout', 'AbortError', 'ETIMEDOUT']);

// Of the unreachable ones, those where the request surely never left: nothing could have been changed.
const NEVER_SENT_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * The name the SDK client (client.ts) gives a change that got no answer although it may have
 * reached Cognito; it is not sent again, and the map makes it `outcome-unknown`.
 */
export const OUTCOME_UNKNOWN_ERROR = 'CognitoChangeOutcomeUnknown';

/** A failed Cognito call, in portal terms. `detail` is for the operator's log only. */
export class CognitoError extends Error {
  /** What the person is told (namespace `errors`): `userMessageIn(t)` words it in their language. */
  readonly messageKey: ErrorMessageKey;
  readonly signInAgain: boolean;
  readonly retryable: boolean;

  constructor(
    readonly code: CognitoErrorCode,
    readonly operation: string,
    readonly detail: { exception: string; message: string; httpStatus?: number; requestId?: string; hint?: string },
  ) {
    super(`${operation} failed: ${code} (${detail.exception})`);
    this.name = 'CognitoError';
    ({ messageKey: this.messageKey, signInAgain: this.signInAgain, retryable: this.retryable } = COGNITO_ERRORS[code]);
  }

  /** The words for the person, by `t` over the `errors` namespace (the request's, from getTranslations('errors')). */
  userMessageIn(t: Translate): string {
    return t(this.messageKey);
  }

  /**
   * What may cross to the browser (e.g. as a server action's result): no detail, no names; its
   * message worded by `t` (namespace `errors`; English when none is given).
   */
  toPublic(t: Translate = englishErrors): PublicCognitoError {
    return { code: this.code, message: this.userMessageIn(t), signInAgain: this.signInAgain, retryable: this.retryable };
  }
}

export type PublicCognitoError = { code: CognitoErrorCode; message: string; signInAgain: boolean; retryable: boolean };

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: unknown;
};

// The SDK's connection timeout (client.ts connectionTimeoutMs) says so only in its message.
const CONNECTION_TIMEOUT = /did not establish a connection/;

/** What kind of "no answer" `error` is (looking into `cause`, where fetch-style failures keep the socket error); null for an answer. */
function noAnswerKind(error: ErrorLike, depth = 0): 'never-sent' | 'unreachable' | 'timed-out' | null {
  const name = typeof error.name === 'string' ? error.name : '';
  const code = typeof error.code === 'string' ? error.code : '';
  if (NEVER_SENT_ERRORS.has(code) || NEVER_SENT_ERRORS.has(name)) return 'never-sent';
  if (name === 'TimeoutError' && !code && typeof error.message === 'string' && CONNECTION_TIMEOUT.test(error.message)) return 'never-sent';
  if (UNREACHABLE_ERRORS.has(code) || UNREACHABLE_ERRORS.has(name)) return 'unreachable';
  if (TIMED_OUT_ERRORS.has(code) || TIMED_OUT_ERRORS.has(name)) return 'timed-out';
  if (depth < 3 && error.cause && typeof error.cause === 'object') return noAnswerKind(error.cause as ErrorLike, depth + 1);
  return null;
}

/**
 * True when a call failed without an answer from Cognito and the request may have reached it
 * (it timed out, or the connection broke after it was sent): a change may have been made.
 */
export function mayHaveReachedCognito(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const kind = noAnswerKind(error as ErrorLike);
  return kind === 'unreachable' || kind === 'timed-out';
}

function codeOf(name: string, error: ErrorLike, depth = 0): CognitoErrorCode {
  const known = EXCEPTION_CODES[name];
  if (known) return known;
  if (name === OUTCOME_UNKNOWN_ERROR) return 'outcome-unknown';
  const noAnswer = noAnswerKind(error);
  if (noAnswer === 'never-sent' || noAnswer === 'unreachable') return 'unreachable';
  if (noAnswer === 'timed-out') return 'timed-out';
  if (depth < 3 && error.cause && typeof error.cause === 'object') {
    const cause = error.cause as ErrorLike;
    const causeCode = codeOf(String(cause.name ?? ''), cause, depth + 1);
    if (causeCode !== 'unexpected') return causeCode;
  }
  // An unmodelled 5xx from the service is an outage, not our bug.
  const status = error.$metadata?.httpStatusCode;
  if (error.$fault === 'server' || (status !== undefined && status >= 500)) return 'unavailable';
  return 'unexpected';
}

/** Maps anything a Cognito call threw to a CognitoError. */
export function toCognitoError(operation: string, error: unknown): CognitoError {
  if (error instanceof CognitoError) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const name = typeof e.name === 'string' && e.name ? e.name : 'Error';
  return new CognitoError(codeOf(name, e), operation, {
    exception: name,
    message: typeof e.message === 'string' ? e.message : '',
    httpStatus: e.$metadata?.httpStatusCode,
    requestId: e.$metadata?.requestId,
    ...(OPERATOR_HINTS[name] ? { hint: OPERATOR_HINTS[name] } : {}),
  });
}
