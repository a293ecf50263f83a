import 'server-only';
import { GetUserCommand, UpdateUserAttributesCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ATTRIBUTE_MAX_LENGTH, decodeDetails, detailOf, encodeDetails, withChange, type PasskeyDetail, type PasskeyDetails } from '@/lib/passkeys/details-codec';
import { callCognito, CognitoError } from './call-cognito';

/**
 * Reading and writing the passkey details attribute (lib/passkeys/details-codec.ts) with the
 * person's own access token: GetUser and UpdateUserAttributes, through the one door.
 *
 * Whether the pool has the attribute and the app client may read and write it cannot be asked
 * with a user's token: GetUser simply leaves out attributes that are unset, undeclared or
 * unreadable. So the first person without a value probes with a write of empty details; when
 * Cognito refuses it as an unknown or unwritable attribute, the details are off for this process
 * (the page shows Cognito's names, no renaming) and one line tells the operator why.
 */
type Availability = 'unknown' | 'working' | 'unavailable';
let availability: Availability = 'unknown';

/** For tests: forget what was learnt about the pool. */
export function resetPasskeyDetailsAvailability(): void {
  availability = 'unknown';
}

export type DetailsRead = { available: true; details: PasskeyDetails } | { available: false };

/** Cognito's answers to a write of an attribute the pool does not declare, or the app client may not write. */
function isUnusableAttribute(error: unknown): boolean {
  if (!(error instanceof CognitoError)) return false;
  const { exception, message } = error.detail;
  return (exception === 'NotAuthorizedException' || exception === 'InvalidParameterException') && /attribute|schema/i.test(message);
}

function markUnavailable(attribute: string, cause: { exception: string; message: string }): void {
  if (availability === 'unavailable') return;
  availability = 'unavailable';
  console.warn(
    JSON.stringify({
      event: 'passkey_details_unavailable',
      attribute,
      exception: cause.exception,
      message: cause.message,
      hint: `Passkey names and providers are off: add the custom attribute ${attribute} (String, mutable, max length 2048) to the user pool and give the app client read and write permission for it (ReadAttributes, WriteAttributes); see the README.`,
    }),
  );
}

/** Written, yet GetUser does not return it: the app client may write but not read the attribute. */
const UNREADABLE = { exception: 'NotReadable', message: 'UpdateUserAttributes accepted the attribute, but GetUser does not return it.' };

async function getAttribute(accessToken: string, attribute: string, client?: CognitoIdentityProviderClient): Promise<string | undefined> {
  const user = await callCognito('GetUser', (c) => c.send(new GetUserCommand({ AccessToken: accessToken })), client);
  return user.UserAttributes?.find((a) => a.Name === attribute)?.Value;
}

async function putAttribute(accessToken: string, attribute: string, value: string, client?: CognitoIdentityProviderClient): Promise<void> {
  await callCognito(
    'UpdateUserAttributes',
    (c) => c.send(new UpdateUserAttributesCommand({ AccessToken: accessToken, UserAttributes: [{ Name: attribute, Value: value }] })),
    client,
  );
}

/**
 * The person's stored details in `attribute` (PASSKEY_DETAILS_ATTRIBUTE; null: turned off), or
 * `available: false` when the attribute is turned off or unusable
 * in this pool. Cognito failures other than an unusable attribute are thrown (CognitoError).
 */
export async function readPasskeyDetails(accessToken: string, attribute: string | null, client?: CognitoIdentityProviderClient): Promise<DetailsRead> {
  if (!attribute || availability === 'unavailable') return { available: false };
  const raw = await getAttribute(accessToken, attribute, client);
  if (raw !== undefined) {
    availability = 'working';
    return { available: true, details: decodeDetails(raw) };
  }
  if (availability === 'unknown') {
    try {
      await putAttribute(accessToken, attribute, encodeDetails({ userHandle: null, entries: new Map() }), client);
      if ((await getAttribute(accessToken, attribute, client)) === undefined) {
        markUnavailable(attribute, UNREADABLE);
        return { available: false };
      }
      availability = 'working';
    } catch (error) {
      if (!isUnusableAttribute(error)) throw error;
      markUnavailable(attribute, (error as CognitoError).detail);
      return { available: false };
    }
  }
  return { available: true, details: decodeDetails(undefined) };
}

export type DetailsWrite = 'saved' | 'unavailable' | 'too-long';

/** Tries to make the write survive a concurrent one (another tab): check it landed, merge again if not. */
const WRITE_ATTEMPTS = 3;

/**
 * Applies `update` to one passkey's details: re-reads what is stored just before writing and
 * merges into it (so another tab's rename of another passkey is kept), prunes passkeys that are
 * not in `listedCredentialIds`, writes, then reads back and merges again if a concurrent write
 * replaced it. Never called before Cognito accepted the passkey.
 */
export async function updatePasskeyDetail(
  accessToken: string,
  attribute: string | null,
  listedCredentialIds: readonly string[],
  credentialId: string,
  update: Partial<PasskeyDetail>,
  options: { userHandle?: string | null; client?: CognitoIdentityProviderClient } = {},
): Promise<DetailsWrite> {
  if (!attribute || availability === 'unavailable') return 'unavailable';
  const landed = (details: PasskeyDetails) => {
    const now = detailOf(details, credentialId);
    return now !== null && (Object.keys(update) as (keyof PasskeyDetail)[]).every((k) => now[k] === update[k]);
  };
  let stored = decodeDetails(await getAttribute(accessToken, attribute, options.client));
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
    const value = encodeDetails(withChange(stored, listedCredentialIds, { credentialId, update }, options.userHandle));
    if (value.length > ATTRIBUTE_MAX_LENGTH) return 'too-long';
    try {
      await putAttribute(accessToken, attribute, value, options.client);
    } catch (error) {
      if (!isUnusableAttribute(error)) throw error;
      markUnavailable(attribute, (error as CognitoError).detail);
      return 'unavailable';
    }
    const readBack = await getAttribute(accessToken, attribute, options.client);
    if (readBack === undefined) {
      markUnavailable(attribute, UNREADABLE);
      return 'unavailable';
    }
    availability = 'working';
    stored = decodeDetails(readBack);
    if (landed(stored)) return 'saved';
  }
  return 'saved';
}
