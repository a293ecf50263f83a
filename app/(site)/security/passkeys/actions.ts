'use server';

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import type { ActionResult } from '@/lib/cognito/cognito-action';
import * as details from '@/lib/cognito/passkey-detail-actions';
import type { AddedPasskey } from '@/lib/cognito/remember-new-passkey';
import * as security from '@/lib/cognito/security-actions';

// The /security page's passkey actions; what they do is in lib/cognito/security-actions.ts.

/** Step 1 of adding a passkey: Cognito's options for the browser's ceremony. Changes nothing yet. */
export async function startAddingPasskey(): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  return security.startAddingPasskey(security.PORTAL_SCOPE);
}

/**
 * Step 2: hands the browser's RegistrationResponseJSON to Cognito, which checks and stores it;
 * then keeps its details (and the options' user handle) and says what name to offer.
 */
export async function finishAddingPasskey(credential: unknown, userHandle?: unknown): Promise<ActionResult<AddedPasskey>> {
  return security.finishAddingPasskey(security.PORTAL_SCOPE, credential, userHandle);
}

/** Renames one of the person's passkeys (the portal's name for it); bound to its ID by the list. */
export async function renamePasskey(credentialId: unknown, name: unknown): Promise<ActionResult<{ name: string }>> {
  return details.renamePasskey(security.PORTAL_SCOPE, credentialId, name);
}

/** Deletes one of the person's passkeys; bound to its ID by the list (`deletePasskey.bind(null, id)`). */
export async function deletePasskey(credentialId: unknown): Promise<ActionResult> {
  return security.deletePasskey(security.PORTAL_SCOPE, credentialId);
}
