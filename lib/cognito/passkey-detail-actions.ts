import 'server-only';
import { getPortalConfig } from '@/lib/config/env';
import type { LastPasskeyReason } from '@/lib/format/passkey-details-messages';
import { lastPasskeyMessageIn, nameProblemIn } from '@/lib/format/passkey-failure-words';
import { checkPasskeyName } from '@/lib/passkeys/passkey-name';
import { deletingLocksOut, hasOtherFirstFactor } from './auth-factors';
import { cognitoAction, errorWords, invalidInput, type ActionFailure, type ActionResult } from './cognito-action';
import { parseCredentialId } from './passkey-input';
import { updatePasskeyDetail } from './passkey-details';
import { listPasskeys } from './passkeys';
import type { ActionScope } from './security-actions';

const detailsUnavailable = (message: string): ActionFailure => ({ ok: false, code: 'details-unavailable', message, retryable: false });

/**
 * Renames one of the person's passkeys (only the portal's name for it: no sign-in factor changes,
 * so no recent sign-in is needed). The passkey must be in the person's list; the name is checked
 * here, whatever the page did.
 */
export async function renamePasskey(scope: ActionScope, credentialId: unknown, name: unknown): Promise<ActionResult<{ name: string }>> {
  const id = parseCredentialId(credentialId);
  if (!id.success) return invalidInput((await errorWords())('renameNotListed'));
  const checked = checkPasskeyName(name);
  if (!checked.ok) return invalidInput(nameProblemIn(await errorWords(), checked));
  const result = await cognitoAction(
    scope.page,
    async (session) => {
      const { passkeys } = await listPasskeys(session.accessToken);
      if (!passkeys.some((p) => p.id === id.data)) return 'not-listed' as const;
      return updatePasskeyDetail(session.accessToken, getPortalConfig().passkeyDetailsAttribute, passkeys.map((p) => p.id), id.data, { name: checked.name });
    },
    { revalidate: scope.page, session: scope.session },
  );
  if (!result.ok) return { ...result, message: (await errorWords())('renameFailed', { message: result.message }) };
  switch (result.data) {
    case 'saved':
      return { ok: true, data: { name: checked.name } };
    case 'not-listed':
      return invalidInput((await errorWords())('renameNotListed'));
    case 'too-long':
      return detailsUnavailable((await errorWords())('detailsFull'));
    case 'unavailable':
      return detailsUnavailable((await errorWords())('detailsUnavailable'));
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
  return { ok: false, code: 'last-passkey', message: lastPasskeyMessageIn(await errorWords(), reason), retryable: false };
}

/** For the page: why the only passkey cannot be deleted, or null when it can (or there are several). */
export async function lastPasskeyReason(accessToken: string, passkeyCount: number): Promise<LastPasskeyReason | null> {
  if (passkeyCount !== 1) return null;
  const otherFactor = await hasOtherFirstFactor(accessToken);
  if (!deletingLocksOut(1, otherFactor)) return null;
  return otherFactor === null ? 'factors-unknown' : 'no-other-factor';
}
