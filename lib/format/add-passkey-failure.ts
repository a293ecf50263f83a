import type { ActionFailure, ActionResult } from '@/lib/cognito/cognito-action';

/**
 * What adding a passkey tells a person when StartWebAuthnRegistration or
 * CompleteWebAuthnRegistration fails: the server's messages (lib/cognito/errors.ts) are general;
 * where a passkey case deserves its own words they are here, keyed by the same codes. Used by the
 * server actions, so the words travel in the result and not in the page's JavaScript.
 */

const ADD_FAILURES: Partial<Record<ActionFailure['code'], string>> = {
  'passkeys-not-enabled':
    'Passkeys are not turned on for your organisation, so one cannot be added. Contact your administrator if you need them.',
  // For passkeys: the pool has no relying-party ID (or is otherwise set up wrongly); the log says what to change.
  'service-misconfigured':
    'Passkeys cannot be added yet because the sign-in service is not fully set up for them. Nothing was changed. Your administrator has been told.',
  'passkey-challenge-expired': 'Adding the passkey took too long, so nothing was saved. Please start again.',
  'passkey-origin-not-allowed':
    'Passkeys cannot be added from this address because the sign-in service is set up for a different one. Nothing was changed. Your administrator has been told.',
  'passkey-relying-party-mismatch':
    'This passkey was made for a different website than the sign-in service expects, so it was not added. Your administrator has been told.',
  'passkey-client-mismatch':
    'The passkey was started under a different app than it was finished with, so it was not added. This is a configuration problem on our side; your administrator has been told.',
  'passkey-not-supported':
    'This passkey or security key cannot be used with your account, so it was not added. Please try a different one.',
  'limit-exceeded':
    'You already have the most passkeys your organisation allows. Delete one you no longer use, then add the new one.',
  'invalid-request':
    'The sign-in service did not accept this passkey, so it was not added. Please try again, or use a different device or security key.',
  'invalid-input': 'Your browser sent the passkey in a form that could not be used, so it was not added. Please try again.',
  // Adding it again from the same authenticator would be refused if it was in fact added.
  'outcome-unknown':
    'The sign-in service took too long to answer, so we cannot tell whether the passkey was added. Reload the page to see your passkeys before adding it again.',
};

/** The message for a failed StartWebAuthnRegistration or CompleteWebAuthnRegistration. */
export function addPasskeyFailureMessage(failure: ActionFailure): string {
  return ADD_FAILURES[failure.code] ?? failure.message;
}

/** An add-passkey action's result, its failure told in these words. */
export function inAddPasskeyWords<T>(result: ActionResult<T>): ActionResult<T> {
  return result.ok ? result : { ...result, message: addPasskeyFailureMessage(result) };
}
