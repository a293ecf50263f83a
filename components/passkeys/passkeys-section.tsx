import { redirect } from 'next/navigation';
import { SectionError } from '@/components/security/section-error';
import { signInPath } from '@/lib/auth/return-path';
import type { PortalSession } from '@/lib/auth/session';
import { CognitoError, logCognitoError } from '@/lib/cognito/call-cognito';
import { toCognitoError } from '@/lib/cognito/errors';
import { listPasskeys, type PasskeyList } from '@/lib/cognito/passkeys';
import { distinctLabelsByKey } from '@/lib/format/distinct-labels';
import { PasskeysIntro } from '@/components/security/section-intros';
import { PasskeysPanel } from './passkeys-panel';

/**
 * The Passkeys section of the Security page: loads every passkey (streamed in behind the
 * page's skeleton), then hands plain data to the interactive panel. A failure here stays in
 * this section; an ended session goes to sign in and comes back
 * (or, in the embedded view, to `sessionEndedPath`, which offers to sign in again).
 */
export async function PasskeysSection({ session, sessionEndedPath }: { session: PortalSession; sessionEndedPath?: string }) {
  let list: PasskeyList;
  try {
    list = await listPasskeys(session.accessToken);
  } catch (error) {
    const failure = toCognitoError('ListWebAuthnCredentials', error);
    // callCognito has logged Cognito's own failures; anything else is ours and logged here.
    if (!(error instanceof CognitoError)) logCognitoError(failure);
    if (failure.signInAgain) redirect(sessionEndedPath ?? signInPath('/security', 'session-ended'));
    return <SectionError message={failure.userMessage} retryable={failure.retryable} />;
  }
  // Cognito may give two passkeys one name (two "YubiKey 5 Series"): their buttons and messages
  // still need to say which is which. Worked out here, so the browser gets labels, not code.
  const labels = distinctLabelsByKey(list.passkeys, (passkey) => passkey.id, (passkey) => passkey.name);
  // The opening sentence is rendered here, on the server: its words need not be in the page's JavaScript.
  return <PasskeysPanel intro={<PasskeysIntro />} passkeys={list.passkeys} labels={labels} truncated={list.truncated} />;
}
