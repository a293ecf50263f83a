import type { WebAuthnError } from '@simplewebauthn/browser';
import type { Announcement } from './passkey-messages';

/*
 * What a failed create ceremony means, for the code that runs it (components/passkeys/
 * add-passkey-ceremony.ts and the add-passkey window): apart from passkey-messages.ts, so that the
 * page's first bundle, which never runs a ceremony, does not carry it.
 */

const CANCELLED: Announcement = {
  kind: 'status',
  message: 'No passkey was added: the request was cancelled or timed out. You can try again whenever you are ready.',
};

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
 * What a failed startRegistration() means for the person, decided by the WebAuthnError code that
 * @simplewebauthn/browser gives (never by the message, which differs between browsers).
 */
export function ceremonyFailure(error: unknown): Announcement {
  if (!isWebAuthnError(error)) {
    return { kind: 'alert', message: 'Your browser could not create the passkey. Nothing was changed. Please try again.' };
  }
  switch (error.code) {
    case 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY':
      // NotAllowedError: the person closed the prompt, or it timed out (browsers do not say which).
      if ((error.cause as { name?: unknown } | undefined)?.name === 'NotAllowedError') return CANCELLED;
      return { kind: 'alert', message: 'Your browser could not create the passkey. Nothing was changed. Please try again.' };
    case 'ERROR_CEREMONY_ABORTED':
      return CANCELLED;
    case 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED':
      return {
        kind: 'alert',
        message:
          'This device or security key already has a passkey for your account, so nothing was added. To add another passkey, use a different device or security key.',
      };
    case 'ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT':
    case 'ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT':
    case 'ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG':
      return {
        kind: 'alert',
        message:
          'That authenticator cannot hold a passkey for this account (it must store the passkey itself and check it is you with a PIN, fingerprint or face). Nothing was added. Please try a different one.',
      };
    case 'ERROR_INVALID_DOMAIN':
    case 'ERROR_INVALID_RP_ID':
      return {
        kind: 'alert',
        message:
          'Passkeys cannot be added from this address because the sign-in service is set up for a different website. Nothing was changed. Please tell your administrator.',
      };
    case 'ERROR_AUTHENTICATOR_GENERAL_ERROR':
      return { kind: 'alert', message: 'Your authenticator could not create the passkey. Nothing was changed. Please try again, or use a different one.' };
    default:
      return {
        kind: 'alert',
        message: 'The sign-in service asked for a passkey in a way this browser cannot create. Nothing was changed. Please tell your administrator.',
      };
  }
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
