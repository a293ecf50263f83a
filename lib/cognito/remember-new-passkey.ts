import 'server-only';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { z } from 'zod';
import { getPortalConfig } from '@/lib/config/env';
import { authenticatorFacts } from '@/lib/passkeys/authenticator-facts';
import { providerName } from '@/lib/passkeys/providers';
import type { RegistrationCredential } from './passkey-input';
import { updatePasskeyDetail } from './passkey-details';
import { listPasskeys } from './passkeys';

/** What the page may offer right after adding: a name for the new passkey, pre-filled. */
export type AddedPasskey = { credentialId: string; suggestedName: string; canName: boolean };

/** The user handle from StartWebAuthnRegistration's `user.id` (base64url, at most 64 bytes). */
const userHandleSchema = z.string().min(1).max(86).regex(/^[A-Za-z0-9_-]+$/);

/**
 * After Cognito accepted a new passkey (never before): keeps its AAGUID, backup flags and the
 * user handle in the details attribute, and says what name to offer. Never fails the add: the
 * passkey is stored either way, so a problem here is logged and the page offers no naming.
 */
export async function rememberNewPasskey(
  accessToken: string,
  credential: RegistrationCredential,
  userHandle: unknown,
  attribute: string | null = getPortalConfig().passkeyDetailsAttribute,
  client?: CognitoIdentityProviderClient,
): Promise<AddedPasskey> {
  const facts = authenticatorFacts(credential.response.attestationObject);
  const handle = userHandleSchema.safeParse(userHandle);
  const fallback = { credentialId: credential.id, suggestedName: providerName(facts?.aaguid) ?? 'Passkey', canName: false };
  try {
    const { passkeys } = await listPasskeys(accessToken, client);
    const listed = passkeys.find((p) => p.id.replace(/=+$/, '') === credential.id);
    if (!listed) return fallback;
    const saved = await updatePasskeyDetail(
      accessToken,
      attribute,
      passkeys.map((p) => p.id),
      listed.id,
      facts ? { aaguid: facts.aaguid, backupEligible: facts.backupEligible, backedUp: facts.backedUp } : {},
      { userHandle: handle.success ? handle.data : null, client },
    );
    return { credentialId: listed.id, suggestedName: providerName(facts?.aaguid) ?? listed.name, canName: saved === 'saved' };
  } catch (error) {
    console.warn(JSON.stringify({ event: 'passkey_details_not_kept', reason: error instanceof Error ? error.message : String(error) }));
    return fallback;
  }
}
