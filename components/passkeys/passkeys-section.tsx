import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SectionError } from '@/components/security/section-error';
import { signInPath } from '@/lib/auth/return-path';
import type { PortalSession } from '@/lib/auth/session';
import { CognitoError, logCognitoError } from '@/lib/cognito/call-cognito';
import { toCognitoError } from '@/lib/cognito/errors';
import { lastPasskeyReason } from '@/lib/cognito/passkey-detail-actions';
import { readPasskeyDetails, type DetailsRead } from '@/lib/cognito/passkey-details';
import type { PasskeyList } from '@/lib/cognito/passkeys';
import { listPasskeysOnce } from '@/lib/cognito/security-lists';
import { getPortalConfig } from '@/lib/config/env';
import { distinctLabelsByKey } from '@/lib/format/distinct-labels';
import { toPasskeyView } from '@/lib/passkeys/present';
import { PasskeysIntro } from '@/components/security/section-intros';
import { PasskeysPanel } from './passkeys-panel';
import { passkeyRowParts } from './passkey-row-parts';

/** The stored details, or none: their failure never costs the person the list (callCognito logged it). */
async function detailsOrNone(accessToken: string): Promise<DetailsRead> {
  try {
    return await readPasskeyDetails(accessToken, getPortalConfig().passkeyDetailsAttribute);
  } catch {
    return { available: false };
  }
}

/**
 * The Passkeys section of the Security page: loads every passkey (streamed in behind the
 * page's skeleton) and the details the portal keeps about them, then hands plain data to the
 * interactive panel. A failure of the list stays in this section; an ended session goes to sign
 * in and comes back (or, in the embedded view, to `sessionEndedPath`, which offers to sign in
 * again). Without the details the section is as it was: Cognito's names, no renaming.
 */
export async function PasskeysSection({ session, sessionEndedPath }: { session: PortalSession; sessionEndedPath?: string }) {
  let list: PasskeyList;
  const detailsRead = detailsOrNone(session.accessToken);
  try {
    list = await listPasskeysOnce(session.accessToken); // the summary reads the same answer
  } catch (error) {
    const failure = toCognitoError('ListWebAuthnCredentials', error);
    // callCognito has logged Cognito's own failures; anything else is ours and logged here.
    if (!(error instanceof CognitoError)) logCognitoError(failure);
    if (failure.signInAgain) redirect(sessionEndedPath ?? signInPath('/security', 'session-ended'));
    return <SectionError message={failure.userMessageIn(await getTranslations('errors'))} retryable={failure.retryable} />;
  }
  const [details, lastPasskey] = await Promise.all([detailsRead, lastPasskeyReason(session.accessToken, list.passkeys.length)]);
  const passkeys = list.passkeys.map((passkey) => toPasskeyView(passkey, details.available ? details.details : null));
  // Two passkeys may share a name (two "YubiKey 5 Series"): their buttons and messages
  // still need to say which is which. Worked out here, so the browser gets labels, not code.
  const labels = distinctLabelsByKey(passkeys, (passkey) => passkey.id, (passkey) => passkey.displayName);
  // The Signal API may only hear a complete list, with the handle Cognito gave at registration.
  const userHandle = details.available && !list.truncated ? details.details.userHandle : null;
  // The opening sentence is rendered here, on the server: its words need not be in the page's JavaScript.
  return (
    <PasskeysPanel
      intro={<PasskeysIntro />}
      passkeys={passkeys}
      labels={labels}
      rowParts={passkeyRowParts(passkeys, labels)}
      truncated={list.truncated}
      canRename={details.available}
      lastPasskey={lastPasskey}
      userHandle={userHandle}
    />
  );
}
