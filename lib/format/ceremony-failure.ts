import type { WebAuthnError } from '@simplewebauthn/browser';
import type { Announcement, PasskeyTranslate } from './passkey-messages';

/*
 * What a failed create ceremony means, for the code that runs it (components/passkeys/
 * add-passkey-ceremony.ts and the add-passkey window): apart from passkey-messages.ts, so that the
 * page's first bundle, which never runs a ceremony, does not carry it. The words are the
 * `passkeys` catalog's (ceremony…), given to the ceremony as a translator.
 */

/** Every message a failed ceremony can end with (catalogs.test checks each locale has them). */
export const CEREMONY_FAILURE_KEYS = [
  'ceremonyCancelled',
  'ceremonyBrowserFailed',
  'ceremonyAlreadyRegistered',
  'ceremonyUnsuitableAuthenticator',
  'ceremonyWrongWebsite',
  'ceremonyAuthenticatorFailed',
  'ceremonyUnsupportedRequest',
] as const;
export type CeremonyFailureKey = (typeof CEREMONY_FAILURE_KEYS)[number];

type Outcome = { kind: Announcement['kind']; key: CeremonyFailureKey };

const CANCELLED: Outcome = { kind: 'status', key: 'ceremonyCancelled' };
const BROWSER_FAILED: Outcome = { kind: 'alert', key: 'ceremonyBrowserFailed' };

/**
 * A WebAuthnError of @simplewebauthn/browser, told by its shape (an Error with an `ERROR_…` code)
 * rather than `instanceof`: the library is loaded only when a ceremony starts, so this module (in
 * the page's first bundle) does not import it.
 */
function isWebAuthnError(error: unknown): error is WebAuthnError {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERROR_');
}

/**
 * What a failed startRegistration() means for the person (which message, and whether it is an
 * alert), decided by the WebAuthnError code that @simplewebauthn/browser gives (never by the
 * message, which differs between browsers).
 */
export function ceremonyOutcome(error: unknown): Outcome {
  if (!isWebAuthnError(error)) return BROWSER_FAILED;
  switch (error.code) {
    case 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY':
      // NotAllowedError: the person closed the prompt, or it timed out (browsers do not say which).
      if ((error.cause as { name?: unknown } | undefined)?.name === 'NotAllowedError') return CANCELLED;
      return BROWSER_FAILED;
    case 'ERROR_CEREMONY_ABORTED':
      return CANCELLED;
    case 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED':
      return { kind: 'alert', key: 'ceremonyAlreadyRegistered' };
    case 'ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT':
    case 'ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT':
    case 'ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG':
      return { kind: 'alert', key: 'ceremonyUnsuitableAuthenticator' };
    case 'ERROR_INVALID_DOMAIN':
    case 'ERROR_INVALID_RP_ID':
      return { kind: 'alert', key: 'ceremonyWrongWebsite' };
    case 'ERROR_AUTHENTICATOR_GENERAL_ERROR':
      return { kind: 'alert', key: 'ceremonyAuthenticatorFailed' };
    default:
      return { kind: 'alert', key: 'ceremonyUnsupportedRequest' };
  }
}

/** What a failed startRegistration() tells the person, in the words of `t` (the `passkeys` catalog). */
export function ceremonyFailure(error: unknown, t: PasskeyTranslate): Announcement {
  const { kind, key } = ceremonyOutcome(error);
  return { kind, message: t(key) };
}

/**
 * Whether a failed startRegistration() inside the host's iframe means the browser refuses to create
 * passkeys in this frame (the host did not delegate `publickey-credentials-create`, or the browser
 * does not allow it in cross-origin iframes), rather than an ordinary cancel or timeout, which also
 * ends in NotAllowedError. Decided by the error's code and name and by the document's policy
 * (`allowedByPolicy`, from createAllowedInThisDocument()), never by the message: unknown policy
 * (null) is not a refusal.
 */
export function refusedInThisFrame(error: unknown, allowedByPolicy: boolean | null): boolean {
  return ceremonyNotAllowed(error) && allowedByPolicy === false;
}

/** The browser ended the ceremony with NotAllowedError: a cancel, a timeout, or a refusal it does not tell apart. */
export function ceremonyNotAllowed(error: unknown): boolean {
  return (
    isWebAuthnError(error) &&
    error.code === 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY' &&
    (error.cause as { name?: unknown } | undefined)?.name === 'NotAllowedError'
  );
}
