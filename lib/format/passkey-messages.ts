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
