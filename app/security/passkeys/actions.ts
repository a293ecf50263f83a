'use server';

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { revalidatePath } from 'next/cache';
import { cognitoAction, invalidInput, type ActionResult } from '@/lib/cognito/cognito-action';
import { parseCredentialId, parseRegistrationCredential } from '@/lib/cognito/passkey-input';
import { completePasskeyRegistration, deletePasskey as deleteWebAuthnCredential, startPasskeyRegistration } from '@/lib/cognito/passkeys';

const RETURN_TO = '/security';

/** A refused input is someone posting to the action by hand, or a broken client: worth a quiet line. */
function logRejectedInput(action: string, reason: string) {
  console.info(JSON.stringify({ event: 'passkey_action_input_rejected', action, reason: reason.slice(0, 500) }));
}

/** Step 1 of adding a passkey: Cognito's options for the browser's ceremony. Changes nothing yet. */
export async function startAddingPasskey(): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  const result = await cognitoAction(RETURN_TO, (session) => startPasskeyRegistration(session.accessToken));
  // Perhaps another tab added passkeys meanwhile: show the list as it is now.
  if (!result.ok && result.code === 'limit-exceeded') revalidatePath(RETURN_TO);
  return result;
}

/** Step 2: hands the browser's RegistrationResponseJSON to Cognito, which checks and stores it. */
export async function finishAddingPasskey(credential: unknown): Promise<ActionResult> {
  const parsed = parseRegistrationCredential(credential);
  if (!parsed.success) {
    logRejectedInput('finishAddingPasskey', parsed.reason);
    return invalidInput('The passkey was not in the expected form.');
  }
  const result = await cognitoAction(
    RETURN_TO,
    async (session) => {
      await completePasskeyRegistration(session.accessToken, parsed.data);
      return null;
    },
    { revalidate: RETURN_TO },
  );
  if (!result.ok && result.code === 'limit-exceeded') revalidatePath(RETURN_TO);
  return result;
}

/** Deletes one of the person's passkeys; bound to its ID by the list (`deletePasskey.bind(null, id)`). */
export async function deletePasskey(credentialId: unknown): Promise<ActionResult> {
  const parsed = parseCredentialId(credentialId);
  if (!parsed.success) {
    logRejectedInput('deletePasskey', parsed.reason);
    return invalidInput('That passkey could not be identified.');
  }
  const result = await cognitoAction(
    RETURN_TO,
    async (session) => {
      await deleteWebAuthnCredential(session.accessToken, parsed.data);
      return null;
    },
    { revalidate: RETURN_TO },
  );
  // Already gone (deleted in another tab, say): the list the person sees is stale, so refresh it.
  if (!result.ok && result.code === 'not-found') revalidatePath(RETURN_TO);
  return result;
}
