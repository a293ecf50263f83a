import 'server-only';
import { z } from 'zod';
import { getPortalConfig } from '@/lib/config/env';
import { DETAILS_FULL, DETAILS_UNAVAILABLE, LAST_PASSKEY, nameProblem, RENAME_NOT_LISTED, renameFailed, type LastPasskeyReason } from '@/lib/format/passkey-details-messages';
import { authenticatorFacts } from '@/lib/passkeys/authenticator-facts';
import { checkPasskeyName } from '@/lib/passkeys/passkey-name';
import { providerName } from '@/lib/passkeys/providers';
import { deletingLocksOut, hasOtherFirstFactor } from './auth-factors';
import { cognitoAction, invalidInput, type ActionFailure, type ActionResult } from './cognito-action';
import { parseCredentialId, type RegistrationCredential } from './passkey-input';
import { updatePasskeyDetail } from './passkey-details';
import { listPasskeys } from './passkeys';
import type { ActionScope } from './security-actions';

/** What the page may offer right after adding: a name for the new passkey, pre-filled. */
export type AddedPasskey = { credentialId: string; suggestedName: string; canName: boolean };

/** The user handle from StartWebAuthnRegistration's `user.id` (base64url, at most 64 bytes). */
const userHandleSchema = z.string().min(1).max(86).regex(/^[A-Za-z0-9_-]+$/);

/**
 * After Cognito accepted a new passkey (never before): keeps its AAGUID, backup flags and the
 * user handle in the details attribute, and says what name to offer. Never fails the add: the
 * passkey is stored either way, so a problem here is logged and the page offers no naming.
 */
export async function rememberNewPasskey(accessToken: string, credential: RegistrationCredential, userHandle: unknown): Promise<AddedPasskey> {
  const facts = authenticatorFacts(credential.response.attestationObject);
  const handle = userHandleSchema.safeParse(userHandle);
  const fallback = { credentialId: credential.id, suggestedName: providerName(facts?.aaguid) ?? 'Passkey', canName: false };
  try {
    const { passkeys } = await listPasskeys(accessToken);
    const listed = passkeys.find((p) => p.id.replace(/=+$/, '') === credential.id);
    if (!listed) return fallback;
    const saved = await updatePasskeyDetail(
      accessToken,
      getPortalConfig().passkeyDetailsAttribute,
      passkeys.map((p) => p.id),
      listed.id,
      facts ? { aaguid: facts.aaguid, backupEligible: facts.backupEligible, backedUp: facts.backedUp } : {},
      { userHandle: handle.success ? handle.data : null },
    );
    return { credentialId: listed.id, suggestedName: providerName(facts?.aaguid) ?? listed.name, canName: saved === 'saved' };
  } catch (error) {
    console.warn(JSON.stringify({ event: 'passkey_details_not_kept', reason: error instanceof Error ? error.message : String(error) }));
    return fallback;
  }
}

const DETAILS_UNAVAILABLE_FAILURE: ActionFailure = { ok: false, code: 'details-unavailable', message: DETAILS_UNAVAILABLE, retryable: false };

/**
 * Renames one of the person's passkeys (only the portal's name for it: no sign-in factor changes,
 * so no recent sign-in is needed). The passkey must be in the person's list; the name is checked
 * here, whatever the page did.
 */
export async function renamePasskey(scope: ActionScope, credentialId: unknown, name: unknown): Promise<ActionResult<{ name: string }>> {
  const id = parseCredentialId(credentialId);
  if (!id.success) return invalidInput(RENAME_NOT_LISTED);
  const checked = checkPasskeyName(name);
  if (!checked.ok) return invalidInput(nameProblem(checked));
  const result = await cognitoAction(
    scope.page,
    async (session) => {
      const { passkeys } = await listPasskeys(session.accessToken);
      if (!passkeys.some((p) => p.id === id.data)) return 'not-listed' as const;
      return updatePasskeyDetail(session.accessToken, getPortalConfig().passkeyDetailsAttribute, passkeys.map((p) => p.id), id.data, { name: checked.name });
    },
    { revalidate: scope.page, session: scope.session },
  );
  if (!result.ok) return { ...result, message: renameFailed(result.message) };
  switch (result.data) {
    case 'saved':
      return { ok: true, data: { name: checked.name } };
    case 'not-listed':
      return invalidInput(RENAME_NOT_LISTED);
    case 'too-long':
      return { ...DETAILS_UNAVAILABLE_FAILURE, message: DETAILS_FULL };
    case 'unavailable':
      return DETAILS_UNAVAILABLE_FAILURE;
  }
}

/**
 * Whether deleting `credentialId` would leave the person with no way to sign in: the server's
 * check before DeleteWebAuthnCredential (the page says the same, but only this decides).
 */
export async function lastPasskeyRefusal(accessToken: string, credentialId: string): Promise<ActionFailure | null> {
  const [{ passkeys }, otherFactor] = await Promise.all([listPasskeys(accessToken), hasOtherFirstFactor(accessToken)]);
  const remaining = passkeys.filter((p) => p.id !== credentialId).length;
  // Not listed (already gone): nothing to protect; Cognito answers not-found.
  if (remaining === passkeys.length) return null;
  if (!deletingLocksOut(passkeys.length, otherFactor)) return null;
  const reason: LastPasskeyReason = otherFactor === null ? 'factors-unknown' : 'no-other-factor';
  console.info(JSON.stringify({ event: 'last_passkey_delete_refused', reason }));
  return { ok: false, code: 'last-passkey', message: LAST_PASSKEY[reason], retryable: false };
}

/** For the page: why the only passkey cannot be deleted, or null when it can (or there are several). */
export async function lastPasskeyReason(accessToken: string, passkeyCount: number): Promise<LastPasskeyReason | null> {
  if (passkeyCount !== 1) return null;
  const otherFactor = await hasOtherFirstFactor(accessToken);
  if (!deletingLocksOut(1, otherFactor)) return null;
  return otherFactor === null ? 'factors-unknown' : 'no-other-factor';
}
