import type { WebAuthnError } from '@simplewebauthn/browser';
import type { ActionFailure } from '@/lib/cognito/cognito-action';

/**
 * What the Passkeys section tells a person when adding or deleting a passkey does not work. The
 * server's messages (lib/cognito/errors.ts) are general; where a passkey case deserves its own
 * words they are here, keyed by the same codes, and anything else keeps the server's message.
 */

/** `status` is read out politely (nothing went wrong); `alert` at once (something did). */
export type Announcement = { kind: 'status' | 'alert'; message: string };

export const NO_WEBAUTHN_MESSAGE =
  'This browser cannot create passkeys. To add one, use a recent version of Chrome, Edge, Firefox or Safari.';

/** The message for a failed DeleteWebAuthnCredential of the passkey called `name`. */
export function deletePasskeyFailureMessage(failure: ActionFailure, name: string): string {
  switch (failure.code) {
    case 'not-found':
      return `The passkey “${name}” had already been deleted, perhaps in another tab or on another device. Your list of passkeys is now up to date.`;
    case 'invalid-input':
    case 'invalid-request':
      return `The passkey “${name}” could not be identified, so nothing was deleted. Please reload the page and try again.`;
    case 'outcome-unknown':
      // The delete may have been carried out late: "was not deleted" could be untrue.
      return `The sign-in service took too long to answer, so we cannot tell whether the passkey “${name}” was deleted. Reload the page to see your passkeys as they are now.`;
    default:
      return `The passkey “${name}” was not deleted. ${failure.message}`;
  }
}

/** When the browser could not even reach the portal (offline, or the portal was updated meanwhile). */
export const UNREACHABLE_FAILURE: ActionFailure = {
  ok: false,
  code: 'unexpected',
  message: 'The security settings could not be reached. Please check your connection and try again.',
  retryable: true,
};

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

type PolicyApi = { allowsFeature?: (feature: string) => boolean };

/**
 * Whether this document may create passkeys, from `document.permissionsPolicy` (or Chromium's
 * older `document.featurePolicy`); null where the browser does not say (Firefox, Safari).
 */
export function createAllowedInThisDocument(doc: unknown = typeof document === 'undefined' ? undefined : document): boolean | null {
  const policies = doc as { permissionsPolicy?: PolicyApi; featurePolicy?: PolicyApi } | undefined;
  const policy = policies?.permissionsPolicy ?? policies?.featurePolicy;
  if (!policy || typeof policy.allowsFeature !== 'function') return null;
  try {
    return policy.allowsFeature('publickey-credentials-create') === true;
  } catch {
    return null;
  }
}

/**
 * Shown beside the cancel message where the browser cannot say whether this frame may create
 * passkeys (Safari, Firefox): there a refusal looks exactly like a cancel.
 */
export const ADD_IN_POPUP_MAYBE_MESSAGE =
  'If your browser did not let you add a passkey inside this app’s page, you can add it in a small window of the security settings instead.';

/** Shown in the embedded view when the browser will not create a passkey inside the host's page. */
export const ADD_IN_POPUP_MESSAGE =
  'Your browser does not allow adding a passkey inside this app’s page. You can add it in a small window of the security settings instead; nothing has been changed yet.';
