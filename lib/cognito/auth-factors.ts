import 'server-only';
import { GetUserAuthFactorsCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { callCognito } from './call-cognito';

/** The first factors other than passkeys that let a person sign in (GetUserAuthFactors' AuthFactorType). */
const OTHER_FIRST_FACTORS: ReadonlySet<string> = new Set(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP']);

/**
 * Whether the person can sign in without a passkey: GetUserAuthFactors with their access token.
 * Null when Cognito could not say (the failure is logged by callCognito): the caller then allows
 * deleting only while another passkey remains.
 */
export async function hasOtherFirstFactor(accessToken: string, client?: CognitoIdentityProviderClient): Promise<boolean | null> {
  try {
    const output = await callCognito('GetUserAuthFactors', (c) => c.send(new GetUserAuthFactorsCommand({ AccessToken: accessToken })), client);
    return (output.ConfiguredUserAuthFactors ?? []).some((factor) => OTHER_FIRST_FACTORS.has(factor));
  } catch {
    return null;
  }
}

/**
 * Whether deleting one of `passkeyCount` passkeys would leave the person without a way in.
 * `otherFactor` null (unknown): safe only while another passkey remains.
 */
export function deletingLocksOut(passkeyCount: number, otherFactor: boolean | null): boolean {
  if (passkeyCount > 1) return false;
  return otherFactor !== true;
}
