'use server';

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import type { ActionResult } from '@/lib/cognito/cognito-action';
import * as security from '@/lib/cognito/security-actions';

// The /security page's passkey actions; what they do is in lib/cognito/security-actions.ts.

/** Step 1 of adding a passkey: Cognito's options for the browser's ceremony. Changes nothing yet. */
export async function startAddingPasskey(): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  return security.startAddingPasskey(security.PORTAL_SCOPE);
}

/** Step 2: hands the browser's RegistrationResponseJSON to Cognito, which checks and stores it. */
export async function finishAddingPasskey(credential: unknown): Promise<ActionResult> {
  return security.finishAddingPasskey(security.PORTAL_SCOPE, credential);
}

/** Deletes one of the person's passkeys; bound to its ID by the list (`deletePasskey.bind(null, id)`). */
export async function deletePasskey(credentialId: unknown): Promise<ActionResult> {
  return security.deletePasskey(security.PORTAL_SCOPE, credentialId);
}
