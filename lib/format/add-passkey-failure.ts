import type { ActionFailure, ActionResult } from '@/lib/cognito/cognito-action';
import type { Translate } from '@/lib/i18n/translate';

/**
 * What adding a passkey tells a person when StartWebAuthnRegistration or
 * CompleteWebAuthnRegistration fails: the server's messages (lib/cognito/errors.ts) are general;
 * where a passkey case deserves its own words they are here (their keys in the `errors` catalog),
 * keyed by the same codes. Used by the server actions, so the words travel in the result, already
 * in the person's language, and not in the page's JavaScript.
 */

const ADD_FAILURES: Partial<Record<ActionFailure['code'], string>> = {
  'passkeys-not-enabled': 'addPasskeysNotEnabled',
  // For passkeys: the pool has no relying-party ID (or is otherwise set up wrongly); the log says what to change.
  'service-misconfigured': 'addServiceMisconfigured',
  'passkey-challenge-expired': 'addChallengeExpired',
  'passkey-origin-not-allowed': 'addOriginNotAllowed',
  'passkey-relying-party-mismatch': 'addRelyingPartyMismatch',
  'passkey-client-mismatch': 'addClientMismatch',
  'passkey-not-supported': 'addNotSupported',
  'limit-exceeded': 'addLimitExceeded',
  'invalid-request': 'addInvalidRequest',
  'invalid-input': 'addInvalidInput',
  // Adding it again from the same authenticator would be refused if it was in fact added.
  'outcome-unknown': 'addOutcomeUnknown',
};

/** The message for a failed StartWebAuthnRegistration or CompleteWebAuthnRegistration, by `t` over `errors`. */
export function addPasskeyFailureMessage(failure: ActionFailure, t: Translate): string {
  const key = ADD_FAILURES[failure.code];
  return key ? t(key) : failure.message;
}

/** An add-passkey action's result, its failure told in these words. */
export function inAddPasskeyWords<T>(result: ActionResult<T>, t: Translate): ActionResult<T> {
  return result.ok ? result : { ...result, message: addPasskeyFailureMessage(result, t) };
}
