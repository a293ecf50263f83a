import 'server-only';
import {
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  ListWebAuthnCredentialsCommand,
  StartWebAuthnRegistrationCommand,
  type CognitoIdentityProviderClient,
  type CompleteWebAuthnRegistrationCommandInput,
  type WebAuthnCredentialDescription,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { z } from 'zod';
import { callCognito, CognitoError, logCognitoError } from './call-cognito';
import type { RegistrationCredential } from './passkey-input';

/** One passkey as the portal shows it: plain data, so it can cross to client components. */
export type Passkey = {
  id: string;
  name: string;
  relyingPartyId: string;
  /** `platform`, `cross-platform`, or null when Cognito does not say. */
  attachment: string | null;
  transports: string[];
  /** Epoch seconds, or null when Cognito does not say. */
  createdAt: number | null;
};

export type PasskeyList = {
  passkeys: Passkey[];
  /** True when the page cap stopped the listing before Cognito's last page. */
  truncated: boolean;
};

/** ListWebAuthnCredentials' MaxResults ceiling in the model: the fewest round trips. */
export const PASSKEY_PAGE_SIZE = 20;
/**
 * Cognito allows a user a few dozen passkeys at most; 10 pages (200) is far beyond that, so the
 * cap only stops a service that keeps answering with a NextToken.
 */
export const MAX_PASSKEY_PAGES = 10;

function toPasskey(credential: WebAuthnCredentialDescription): Passkey | null {
  if (!credential.CredentialId) return null;
  const created = credential.CreatedAt instanceof Date ? credential.CreatedAt.getTime() : Number.NaN;
  return {
    id: credential.CredentialId,
    name: credential.FriendlyCredentialName?.trim() || 'Passkey',
    relyingPartyId: credential.RelyingPartyId ?? '',
    attachment: credential.AuthenticatorAttachment ?? null,
    transports: [...new Set(credential.AuthenticatorTransports ?? [])],
    createdAt: Number.isFinite(created) ? Math.floor(created / 1000) : null,
  };
}

/** Every passkey of the signed-in person, oldest first as Cognito returns them, following NextToken. */
export async function listPasskeys(accessToken: string, client?: CognitoIdentityProviderClient): Promise<PasskeyList> {
  const passkeys = new Map<string, Passkey>();
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PASSKEY_PAGES; page += 1) {
    const output = await callCognito(
      'ListWebAuthnCredentials',
      (c) => c.send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken, MaxResults: PASSKEY_PAGE_SIZE, NextToken: nextToken })),
      client,
    );
    for (const credential of output.Credentials ?? []) {
      const passkey = toPasskey(credential);
      // A passkey can appear twice when the list changes between pages; show it once.
      if (passkey && !passkeys.has(passkey.id)) passkeys.set(passkey.id, passkey);
    }
    nextToken = output.NextToken || undefined;
    if (!nextToken) return { passkeys: [...passkeys.values()], truncated: false };
    // A token seen before would only serve the same pages again.
    if (seenTokens.has(nextToken)) break;
    seenTokens.add(nextToken);
  }
  console.warn(JSON.stringify({ event: 'passkey_list_truncated', pages: MAX_PASSKEY_PAGES, shown: passkeys.size }));
  return { passkeys: [...passkeys.values()], truncated: true };
}

/**
 * The shape startRegistration() needs. Cognito's answer is checked for the members the browser
 * cannot do without, so a broken answer is an error here rather than a TypeError in the browser.
 */
const creationOptionsSchema = z.looseObject({
  challenge: z.string().min(1),
  rp: z.looseObject({ name: z.string() }),
  user: z.looseObject({ id: z.string().min(1), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.looseObject({ type: z.string(), alg: z.number() })).min(1),
});

/** StartWebAuthnRegistration: the options for the browser's ceremony (Cognito keeps the challenge). */
export async function startPasskeyRegistration(
  accessToken: string,
  client?: CognitoIdentityProviderClient,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const output = await callCognito('StartWebAuthnRegistration', (c) => c.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken })), client);
  const options = creationOptionsSchema.safeParse(output.CredentialCreationOptions);
  if (!options.success) {
    const error = new CognitoError('unexpected', 'StartWebAuthnRegistration', {
      exception: 'MalformedCredentialCreationOptions',
      message: z.prettifyError(options.error),
    });
    logCognitoError(error);
    throw error;
  }
  return options.data as unknown as PublicKeyCredentialCreationOptionsJSON;
}

/**
 * CompleteWebAuthnRegistration with the browser's (already validated) RegistrationResponseJSON.
 * It spends the challenge, so it is never repeated after a timeout (client.ts): a repeat would be
 * refused even when the first attempt stored the passkey.
 */
export async function completePasskeyRegistration(
  accessToken: string,
  credential: RegistrationCredential,
  client?: CognitoIdentityProviderClient,
): Promise<void> {
  // As JSON: members that are undefined are left out rather than sent as nothing.
  const document = JSON.parse(JSON.stringify(credential)) as CompleteWebAuthnRegistrationCommandInput['Credential'];
  await callCognito('CompleteWebAuthnRegistration', (c) => c.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: document })), client);
}

/** DeleteWebAuthnCredential. A passkey that is already gone is ResourceNotFound (code `not-found`). */
export async function deletePasskey(accessToken: string, credentialId: string, client?: CognitoIdentityProviderClient): Promise<void> {
  await callCognito('DeleteWebAuthnCredential', (c) => c.send(new DeleteWebAuthnCredentialCommand({ AccessToken: accessToken, CredentialId: credentialId })), client);
}
