import type { ActionFailure } from '@/lib/cognito/cognito-action';

/**
 * What the Passkeys section tells a person when adding or deleting a passkey does not work. The
 * server's messages (lib/cognito/errors.ts) are general; where a passkey case deserves its own
 * words they are in the `passkeys` catalog (messages/<locale>/passkeys.json), keyed by the same
 * codes, and anything else keeps the server's message. No words here: they travel as data.
 */

/** `status` is read out politely (nothing went wrong); `alert` at once (something did). */
export type Announcement = { kind: 'status' | 'alert'; message: string };

/**
 * `t(key, values)` over the `passkeys` namespace: next-intl's on the server, useT('passkeys') in
 * the browser, testTranslator('<locale>', 'passkeys') in tests.
 */
export type PasskeyTranslate = (key: string, values?: Record<string, string | number>) => string;

/** The message for a failed DeleteWebAuthnCredential of the passkey called `name`. */
export function deletePasskeyFailureMessage(failure: ActionFailure, name: string, t: PasskeyTranslate): string {
  switch (failure.code) {
    case 'not-found':
      return t('deleteNotFound', { name });
    case 'invalid-input':
    case 'invalid-request':
      return t('deleteUnidentified', { name });
    case 'outcome-unknown':
      // The delete may have been carried out late: "was not deleted" could be untrue.
      return t('deleteOutcomeUnknown', { name });
    default:
      return t('deleteFailed', { name, reason: failure.message });
  }
}

/** When the browser could not even reach the portal (offline, or the portal was updated meanwhile): `message` is t('unreachable'). */
export function unreachableFailure(message: string): ActionFailure {
  return { ok: false, code: 'unexpected', message, retryable: true };
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
